import { memo } from 'react';
import { useRoomActivity } from '../../hooks/use-room-activity';
import '../shared/rooms-work.css';

type Props = { roomId: string; joined: number };

const MINUTE = 60_000;

/** "3 min ago", "just now" under a minute. */
export function sinceText(at: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - at) / MINUTE);
  return minutes === 0 ? 'just now' : `${minutes} min ago`;
}

/**
 * A running room's work on its frame, in its card's progress row: items added or changed in the
 * last 5 minutes, when it last changed, and "quiet" (a tag with a word, not only a colour) when
 * people are in it and nothing has changed for the facilitator's threshold. The row stays one
 * line at 368 px; the full sentence is its tooltip. Nothing of this reaches participants.
 */
export const RoomActivity = memo(function RoomActivity({ roomId, joined }: Props) {
  const activity = useRoomActivity(roomId, joined);
  if (!activity) return null;
  const { recentItems, lastChangeAt, quiet } = activity;
  const last =
    lastChangeAt === null ? 'no change yet' : `last ${sinceText(lastChangeAt, Date.now())}`;
  const full = `${recentItems} ${recentItems === 1 ? 'item' : 'items'} added or changed in 5 min · ${
    lastChangeAt === null ? 'no change yet' : `last change ${sinceText(lastChangeAt, Date.now())}`
  }`;
  return (
    <>
      <span className="p-small status-text figure room-activity" title={full}>
        <span aria-hidden="true">
          · {recentItems} in 5 min · {last}
        </span>
        <span className="visually-hidden">{full}</span>
      </span>
      {quiet && (
        <span className="tag quiet-tag" title="People are in this room and nothing changed lately">
          quiet
        </span>
      )}
    </>
  );
});
