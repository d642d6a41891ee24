import type { PlanAction } from '../domain/actions';
import type { Plan, PersonRef } from '../domain/plan';

/**
 * What the panel asks of its tab's headless controller. The headless app is the only writer of
 * the plan for this user, so closing the panel never interrupts anything (miro-sdk.md D6).
 */
export type Command =
  /** Planning edits, reduced and written by the controller. */
  | { type: 'edit'; actions: PlanAction[] }
  /** Become the facilitator: of a board without a plan, or taking over from someone else. */
  | { type: 'claim' }
  | { type: 'start' }
  | { type: 'end' }
  | { type: 'reinvite'; personIds: string[] }
  | { type: 'assignAndInvite'; person: PersonRef; roomId: string }
  | { type: 'runAgain' }
  | { type: 'resolveHelp'; personId: string };

export type CommandResult = { ok: true; plan: Plan | null } | { ok: false; message: string };

/** What the controller tells open panels without being asked. */
export type ControllerNotice = {
  /** Set while something the facilitator did could not be saved or done; null when all is well. */
  problem: string | null;
  busy: boolean;
};
