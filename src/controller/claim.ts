import { createPlan } from '../domain/create-plan';
import type { PersonRef, Plan } from '../domain/plan';
import { reducePlan } from '../domain/reducer';
import { errorMessage } from '../sdk/retry';
import type { CommandResult } from './answers';
import type { PlanReader } from './plan-reader';
import { type PlanWriter, TAKEOVER_REVISION_GAP } from './plan-writer';
import { done, failed, refused } from './results';

export const BEHIND_ITS_START =
  'The saved plan went back to before this breakout started (an older plan written over it). Taking over from it would close every room: try again in a moment.';

export type ClaimDeps = {
  reader: PlanReader;
  writer: PlanWriter;
  me: PersonRef;
  newRunId: () => string;
  /** This app runs the breakout the plan holds (FacilitatorController.isFacilitator). */
  facilitates: (plan: Plan) => boolean;
  /** Why this user may not take this plan's breakout over, or null (who-facilitates.ts). */
  takeOverRefusal: (plan: Plan) => string | null;
  /** Picks up the running rooms after a take-over (pick-up.ts). */
  pickUpRooms: () => Promise<void>;
  reportProblem: (problem: string) => void;
};

/**
 * Become the facilitator: of an empty board (a new plan), of a board whose stored plan is
 * damaged (the last good plan this app saw is written back, or a new one), or by taking over.
 */
export async function claimBreakout(deps: ClaimDeps): Promise<CommandResult> {
  // A take-over writes the plan this app holds; a missed storage notification (S3) would make
  // it write back an older plan (a running breakout turned back to "planning"). Read it first.
  await deps.reader.refresh().catch(() => {});
  const snapshot = deps.reader.current();
  if (snapshot.status === 'future') return refused(snapshot.message);
  const plan = deps.reader.plan();
  try {
    if (!plan) {
      const fresh = createPlan({ runId: deps.newRunId(), facilitator: deps.me });
      return done(await deps.writer.replace(fresh));
    }
    if (deps.facilitates(plan) && snapshot.status === 'ok') return done(plan);
    // Every reader judges a take-over by the same rule: one it refuses would not be believed.
    const refusal = plan.facilitator.id === deps.me.id ? null : deps.takeOverRefusal(plan);
    if (refusal !== null) return refused(refusal);
    // Taken over, an older plan over the running breakout (written while its facilitator was
    // away, and believed after JUMP_CONFIRM_MS) would end every room: the facilitator's app puts
    // its plan back when it returns.
    if (plan.facilitator.id !== deps.me.id && deps.reader.behindItsStart(plan))
      return refused(BEHIND_ITS_START);
    const taken = deps.facilitates(plan)
      ? plan
      : reducePlan(plan, { type: 'facilitatorTookOver', facilitator: deps.me });
    const written = await deps.writer.replace(taken, TAKEOVER_REVISION_GAP);
    // The take-over is saved: this user facilitates now, whatever picking up the rooms meets.
    // Commands fetch sessions this app does not hold yet, and the sweeps read members back.
    await deps
      .pickUpRooms()
      .catch((error: unknown) =>
        deps.reportProblem(
          `You are the facilitator now, but the rooms could not all be picked up (${errorMessage(error)}). Their statuses may lag until people join or leave.`,
        ),
      );
    return done(written);
  } catch (error) {
    return failed(error);
  }
}
