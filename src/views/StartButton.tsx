import { memo, useCallback, useId } from 'react';
import { useRunCommand } from '../hooks/use-commands';
import { ActionButton } from './ActionButton';

type Props = { blockers: readonly string[] };

/** Start, disabled with the reasons next to it (and linked to it for screen readers). */
export const StartButton = memo(function StartButton({ blockers }: Props) {
  const run = useRunCommand();
  const reasonsId = useId();
  const start = useCallback(() => void run({ type: 'start' }), [run]);
  const blocked = blockers.length > 0;
  return (
    <div className="form-group start">
      <ActionButton
        variant="primary"
        disabled={blocked}
        aria-describedby={blocked ? reasonsId : undefined}
        onClick={start}
      >
        Start breakout
      </ActionButton>
      {blocked && (
        <ul id={reasonsId} className="blockers">
          {blockers.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
    </div>
  );
});
