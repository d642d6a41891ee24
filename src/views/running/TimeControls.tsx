import { memo, useCallback } from 'react';
import type { Plan } from '../../domain/plan';
import { sameFields, usePlanValue } from '../../hooks/plan-store';
import { useRunningActions } from '../../hooks/use-breakout-actions';
import { ActionButton } from '../shared/ActionButton';
import { ClosingWarningField } from '../shared/ClosingWarningField';

type Slice = { limited: boolean; paused: boolean };

const sliceOf = (plan: Plan | null): Slice => ({
  limited: plan?.phase === 'running' && plan.endsAt !== null,
  paused: plan?.facilitation.pausedAt != null,
});

/**
 * +1 / +5 / pause and the closing warning in one row, for the board timer (when the board has
 * it) and the app's countdown alike. Hidden for a breakout without a time limit.
 */
export const TimeControls = memo(function TimeControls() {
  const time = useRunningActions();
  const { limited, paused } = usePlanValue(sliceOf, sameFields);
  const addOne = useCallback(() => void time.addMinutes(1), [time]);
  const addFive = useCallback(() => void time.addMinutes(5), [time]);
  const toggle = useCallback(() => void (paused ? time.resume() : time.pause()), [time, paused]);
  if (!limited) return null;
  return (
    <section aria-label="Time" className="control-row">
      <ActionButton small onClick={addOne} aria-label="Add 1 minute" title="Add 1 minute">
        +1 min
      </ActionButton>
      <ActionButton small onClick={addFive} aria-label="Add 5 minutes" title="Add 5 minutes">
        +5 min
      </ActionButton>
      <ActionButton small onClick={toggle} aria-label={paused ? 'Resume timer' : 'Pause timer'}>
        {paused ? 'Resume' : 'Pause'}
      </ActionButton>
      <ClosingWarningField compact />
    </section>
  );
});
