import { memo, useCallback } from 'react';
import { goodPlanOf, type PlanSnapshot } from '../controller/plan-reader';
import { sameFields, usePlanSelector } from '../hooks/plan-store';
import { useRunCommand } from '../hooks/use-commands';
import { ActionButton } from './ActionButton';
import { ClosingWarningField } from './ClosingWarningField';

type Slice = { limited: boolean; paused: boolean };

const sliceOf = (snapshot: PlanSnapshot): Slice => {
  const plan = goodPlanOf(snapshot);
  return {
    limited: plan?.phase === 'running' && plan.endsAt !== null,
    paused: plan?.facilitation.pausedAt != null,
  };
};

/**
 * More time and pause, for the board timer (when the board has it) and the app's countdown
 * alike; the closing warning. Hidden for a breakout without a time limit.
 */
export const TimeControls = memo(function TimeControls() {
  const run = useRunCommand();
  const { limited, paused } = usePlanSelector(sliceOf, sameFields);
  const addOne = useCallback(() => void run({ type: 'extendTime', minutes: 1 }), [run]);
  const addFive = useCallback(() => void run({ type: 'extendTime', minutes: 5 }), [run]);
  const toggle = useCallback(
    () => void run({ type: paused ? 'resumeTime' : 'pauseTime' }),
    [run, paused],
  );
  if (!limited) return null;
  return (
    <section aria-label="Time" className="section">
      <div className="button-row">
        <ActionButton small onClick={addOne} aria-label="Add 1 minute">
          +1 min
        </ActionButton>
        <ActionButton small onClick={addFive} aria-label="Add 5 minutes">
          +5 min
        </ActionButton>
        <ActionButton small onClick={toggle}>
          {paused ? 'Resume timer' : 'Pause timer'}
        </ActionButton>
      </div>
      <ClosingWarningField />
    </section>
  );
});
