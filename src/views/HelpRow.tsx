import { memo, useCallback } from 'react';
import { useRunCommand } from '../hooks/use-commands';
import { ActionButton } from './ActionButton';

type Props = { personId: string; name: string; roomName: string | null };

/** One help request: who, where, and "Done" once the facilitator has helped. */
export const HelpRow = memo(function HelpRow({ personId, name, roomName }: Props) {
  const run = useRunCommand();
  const done = useCallback(() => void run({ type: 'resolveHelp', personId }), [run, personId]);
  return (
    <li className="person-row">
      <span className="person-name">
        {name}
        {roomName !== null && <span className="status-text"> in {roomName}</span>}
      </span>
      <ActionButton small onClick={done} aria-label={`Done helping ${name}`}>
        Done
      </ActionButton>
    </li>
  );
});
