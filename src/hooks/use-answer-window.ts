import { useEffect, useState } from 'react';
import type { Plan } from '../domain/plan';
import { ANSWER_WINDOW_MS } from '../domain/reinvite';
import { usePlanValue } from './plan-store';

const runningSince = (plan: Plan | null) => (plan?.phase === 'running' ? plan.startedAt : null);

/**
 * Whether invitations had their time to be answered: null while the rooms are not running yet,
 * false for ANSWER_WINDOW_MS after the start, then true. One timer, no ticking clock: it changes
 * once per breakout.
 */
export function useAnswerWindowOver(): boolean | null {
  const startedAt = usePlanValue(runningSince);
  const [over, setOver] = useState(false);
  useEffect(() => {
    if (startedAt === null) return;
    const wait = startedAt + ANSWER_WINDOW_MS - Date.now();
    setOver(wait <= 0);
    if (wait <= 0) return;
    const timer = globalThis.setTimeout(() => setOver(true), wait);
    return () => globalThis.clearTimeout(timer);
  }, [startedAt]);
  return startedAt === null ? null : over;
}
