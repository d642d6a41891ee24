import { goodPlanOf, type PlanSnapshot } from '../controller/plan-snapshot';
import type { PersonRef, Phase } from '../domain/plan';
import { sameFields, usePlanSelector } from './plan-store';
import { useCurrentUser } from './use-current-user';

/** Who this panel's user is in the breakout, and what the panel should offer them. */
export type Breakout =
  | { role: 'loading' }
  | { role: 'unknown-user'; message: string }
  /** No plan on the board: anyone may plan one. */
  | { role: 'nobody'; me: PersonRef }
  /** The stored plan cannot be read and none was read before: anyone may start a new one. */
  | { role: 'corrupt'; me: PersonRef; message: string }
  | { role: 'facilitator'; me: PersonRef; phase: Phase }
  /**
   * Someone else facilitates, or the plan was written by a newer version of the app (then
   * `readOnly` says so and nobody here may take over).
   */
  | {
      role: 'participant';
      me: PersonRef;
      phase: Phase;
      facilitator: PersonRef;
      readOnly: string | null;
    }
  | { role: 'future'; me: PersonRef; message: string };

type Head = {
  status: PlanSnapshot['status'];
  message: string | null;
  phase: Phase | null;
  facilitatorId: string | null;
  facilitatorName: string | null;
};

const headOf = (snapshot: PlanSnapshot): Head => {
  const plan = goodPlanOf(snapshot);
  return {
    status: snapshot.status,
    message: 'message' in snapshot ? snapshot.message : null,
    phase: plan?.phase ?? null,
    facilitatorId: plan?.facilitator.id ?? null,
    facilitatorName: plan?.facilitator.name ?? null,
  };
};

/**
 * Only the facts that decide which view to show: the panel's top re-renders when the phase or
 * the facilitator changes, never when someone joins a room.
 */
export function useBreakout(): Breakout {
  const user = useCurrentUser();
  const head = usePlanSelector(headOf, sameFields);
  if (user.status === 'loading' || head.status === 'loading') return { role: 'loading' };
  if (user.status === 'error') return { role: 'unknown-user', message: user.message };
  const me = { id: user.value.id, name: user.value.name };
  if (head.status === 'empty') return { role: 'nobody', me };
  // Damage over a plan the app already holds changes nothing here: the app carries on with that
  // plan (usePlanDamage tells the user) and the facilitator's app saves it again.
  if (head.status === 'corrupt' && head.phase === null) {
    return { role: 'corrupt', me, message: head.message ?? 'The breakout plan is damaged.' };
  }
  if (head.phase === null || head.facilitatorId === null) {
    return { role: 'future', me, message: head.message ?? 'This plan cannot be read.' };
  }
  const readOnly = head.status === 'future' ? head.message : null;
  if (head.facilitatorId === me.id && readOnly === null) {
    return { role: 'facilitator', me, phase: head.phase };
  }
  return {
    role: 'participant',
    me,
    phase: head.phase,
    facilitator: { id: head.facilitatorId, name: head.facilitatorName ?? 'Someone' },
    readOnly,
  };
}
