import * as v from 'valibot';
import { OVERWRITE_KINDS, type Overwrites } from '../domain/overwrites';
import type { Plan } from '../domain/plan';
import { anyText, choice, flag, isRecord, timestamp, wholeNumber } from '../domain/stored/valid';

/**
 * What the headless app sends its panel on the panel link (panel-link.ts), each one valibot
 * definition from which its type comes. Kept apart from the commands (commands.ts), which only
 * the headless app reads: the panel's first load carries these and nothing of the commands.
 */

/**
 * A plan from another of this user's apps. Only its being an object is checked here: the panel
 * link reads every plan in full with the stored plan's own reader (`parsePlan`: version,
 * migration, every rule) before anyone sees it. That reader loads after the panel's first load
 * (with the panel's PlanReader), so this definition cannot hold it.
 */
export const SentPlanSchema = v.custom<Plan>(isRecord, 'should be a plan');

export const CommandResultSchema = v.variant(
  'ok',
  [
    v.object({ ok: v.literal(true), plan: v.nullable(SentPlanSchema) }),
    v.object({ ok: v.literal(false), message: anyText() }),
  ],
  'should be an answer',
);
export type CommandResult = v.InferOutput<typeof CommandResultSchema>;

const OverwritesSchema: v.GenericSchema<unknown, Overwrites> = v.object({
  kinds: v.array(choice(OVERWRITE_KINDS), 'should be a list'),
  count: wholeNumber(1),
  firstAt: timestamp(),
  lastAt: timestamp(),
});

/** What the controller tells open panels without being asked. */
export const ControllerNoticeSchema = v.object({
  /** Set while something the facilitator did could not be saved or done; null when all is well. */
  problem: v.nullable(anyText()),
  busy: flag(),
  /** Values other apps wrote over this facilitator's plan, put back, until dismissed. */
  overwrites: v.nullable(OverwritesSchema),
  /**
   * Set on a device of the facilitator's that waits while their other device runs the breakout
   * (device-lease.ts): when this browser last saw that device beat, by its own clock.
   */
  otherDevice: v.optional(v.nullable(v.object({ seenAt: v.number() }))),
});
export type ControllerNotice = v.InferOutput<typeof ControllerNoticeSchema>;
