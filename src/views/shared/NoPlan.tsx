import { useCallback } from 'react';
import { useBreakoutActions } from '../../hooks/use-breakout-actions';
import { ActionButton } from './ActionButton';

/** A board without a breakout: whoever plans one becomes its facilitator. */
export function NoPlan() {
  const { claim } = useBreakoutActions();
  const plan = useCallback(() => void claim(), [claim]);
  return (
    <section aria-labelledby="no-plan">
      <h2 className="h4" id="no-plan">
        No breakout on this board yet
      </h2>
      <p>Plan one to split people into rooms. You become its facilitator.</p>
      <ActionButton variant="primary" onClick={plan}>
        Plan a breakout
      </ActionButton>
    </section>
  );
}
