import { memo, useCallback, useState } from 'react';
import { useHelpActions } from '../../hooks/use-room-actions';
import { ActionButton } from '../shared/ActionButton';
import { clockTime } from '../shared/format-time';

type Props = {
  personId: string;
  name: string;
  roomName: string | null;
  roomId: string | null;
  at: number;
  onTheWay: boolean;
};

/**
 * One help request: who, where and since when; one click takes the facilitator to that room (and
 * tells the person someone is coming), "Done" once they have helped.
 */
export const HelpRow = memo(function HelpRow({
  personId,
  name,
  roomName,
  roomId,
  at,
  onTheWay,
}: Props) {
  const help = useHelpActions();
  const [problem, setProblem] = useState<string | null>(null);
  const done = useCallback(() => void help.done(personId), [help, personId]);
  const goThere = useCallback(async () => {
    if (roomId !== null) setProblem(await help.goHelp(personId, roomId));
  }, [help, roomId, personId]);
  return (
    <li className="help-row">
      <p className="help-text p-medium">
        <span className="person-name">{name}</span>
        {roomName !== null && <span className="status-text"> in {roomName}</span>}
        <span className="status-text">
          {' '}
          · asked at {clockTime(at)}
          {onTheWay && ' · you are on the way'}
        </span>
      </p>
      <span className="row-actions">
        {roomId !== null && roomName !== null && (
          // Secondary: End breakout, in the header, is the running screen's one primary action.
          <ActionButton small onClick={goThere} aria-label={`Go to ${roomName} to help ${name}`}>
            Go there
          </ActionButton>
        )}
        <ActionButton small variant="tertiary" onClick={done} aria-label={`Done helping ${name}`}>
          Done
        </ActionButton>
      </span>
      {problem && (
        <p role="alert" className="field-error p-small">
          {problem}
        </p>
      )}
    </li>
  );
});
