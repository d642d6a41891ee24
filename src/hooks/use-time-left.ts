import type { Plan } from '../domain/plan';
import { type Countdown, countdownOf, timeLeft } from '../domain/selectors';
import { sameFields, usePlanValue } from './plan-store';
import { useNow } from './use-now';

type Clock = Countdown & { warningMs: number };

const NO_CLOCK: Clock = { phase: 'planning', endsAt: null, pausedAt: null, warningMs: 0 };

const clockOf = (plan: Plan | null): Clock =>
  plan ? { ...countdownOf(plan), warningMs: plan.facilitation.warningMs } : NO_CLOCK;

export type TimeLeft = {
  /** Milliseconds left; null without a time limit or outside a run. */
  ms: number | null;
  paused: boolean;
  /** Inside the closing warning: time to wrap up. */
  closingSoon: boolean;
};

/**
 * The countdown, ticking once a second while it runs: only the component that shows it
 * re-renders every second, and a paused countdown does not tick at all.
 */
export function useTimeLeft(): TimeLeft {
  const clock = usePlanValue(clockOf, sameFields);
  const paused = clock.pausedAt !== null;
  const now = useNow(clock.endsAt !== null && !paused);
  const ms = timeLeft(clock, now);
  return {
    ms,
    paused,
    closingSoon: !paused && ms !== null && ms > 0 && ms <= clock.warningMs,
  };
}
