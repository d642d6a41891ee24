import { memo } from 'react';
import type { LiveValue } from '../../hooks/use-live-value';
import type { FrameRef, OnlineUserInfo } from '../../sdk/surface';

type Props = {
  myName: string | null;
  online: LiveValue<OnlineUserInfo[]>;
  selectedFrames: readonly FrameRef[];
  selectionReady: boolean;
};

/** Who you are, who is online and what you selected: the board as this panel sees it. */
export const WhoIsHere = memo(function WhoIsHere({
  myName,
  online,
  selectedFrames,
  selectionReady,
}: Props) {
  return (
    <section aria-label="Board" className="who-is-here">
      <p>{myName === null ? 'Finding out who you are…' : `You are ${myName}`}</p>
      <h2 className="h4" id="online-now">
        Online now
      </h2>
      {online.status === 'ready' ? (
        <ul aria-labelledby="online-now" className="plain-list">
          {online.value.map((user) => (
            <li key={user.id}>{user.name}</li>
          ))}
        </ul>
      ) : (
        <p>{online.status === 'error' ? online.message : 'Loading…'}</p>
      )}
      <section aria-label="Selection">
        <h2 className="h4">Selected frames</h2>
        {selectionReady && selectedFrames.length > 0 ? (
          <ul className="plain-list">
            {selectedFrames.map((frame) => (
              <li key={frame.id}>{frame.title || 'Untitled frame'}</li>
            ))}
          </ul>
        ) : (
          <p>Select one or more frames on the board.</p>
        )}
      </section>
    </section>
  );
});
