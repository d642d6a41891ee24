import type { Plan } from '../domain/plan';

/**
 * What a reader of the breakout holds. Its own module, free of the storage reader, so a panel
 * can show the plan before the reader (and its parsers) has loaded.
 */
export type PlanSnapshot =
  | { status: 'loading' }
  | { status: 'empty' }
  | { status: 'ok'; plan: Plan }
  /** Unreadable data: `lastGood` is the plan held before it arrived, if any. */
  | { status: 'corrupt' | 'future'; message: string; lastGood: Plan | null };

/** The last good plan of a snapshot, whatever arrived since. */
export const goodPlanOf = (snapshot: PlanSnapshot): Plan | null => {
  if (snapshot.status === 'ok') return snapshot.plan;
  if (snapshot.status === 'corrupt' || snapshot.status === 'future') return snapshot.lastGood;
  return null;
};
