import { memo, useCallback, useId } from 'react';
import { useBreakoutActions } from '../../hooks/use-breakout-actions';
import { ActionButton } from '../shared/ActionButton';

type Props = { blockers: readonly string[] };

/** Planning's one primary action: Start, disabled with the reasons next to it (and linked to it). */
export const StartButton = memo(function StartButton({ blockers }: Props) {
  const breakout = useBreakoutActions();
  const reasonsId = useId();
  const start = useCallback(() => void breakout.start(), [breakout]);
  const blocked = blockers.length > 0;
  return (
    <div className="start">
      <ActionButton
        small
        variant="primary"
        disabled={blocked}
        aria-describedby={blocked ? reasonsId : undefined}
        onClick={start}
      >
        Start breakout
      </ActionButton>
      {blocked && (
        <ul id={reasonsId} className="plain-list blockers p-small">
          {blockers.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
    </div>
  );
});
