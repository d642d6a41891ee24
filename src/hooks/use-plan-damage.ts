import type { PlanSnapshot } from '../controller/plan-snapshot';
import { usePlanSelector } from './plan-store';

const damageOf = (snapshot: PlanSnapshot): string | null =>
  snapshot.status === 'corrupt' && snapshot.lastGood !== null ? snapshot.message : null;

/**
 * What happened to the stored plan while the panel carries on with the last good one (damaged
 * or removed on the board), or null when storage holds a good plan.
 */
export function usePlanDamage(): string | null {
  return usePlanSelector(damageOf);
}
