import * as v from 'valibot';
import { parsePlan } from '../domain/stored/plan-v1';
import { anyText } from '../domain/stored/valid';
import { CommandResultSchema, ControllerNoticeSchema, SentPlanSchema } from './answers';
import { problemOf, readMessage } from './panel-link';
import { RoomsWorkSchema } from './rooms-work';

/**
 * What the headless app sends on the panel link (panel-link.ts), and how the panel reads it:
 * each message one valibot definition, every plan in it read in full as a stored one is
 * (`parsePlan`). Loaded by the panel after its first load, with its plan reader.
 */

/** An answer to the panel's command `id`. */
const resultEnvelope = { kind: v.literal('result'), from: anyText(), id: anyText() };

const TO_PANEL = {
  here: v.object({
    kind: v.literal('here'),
    instanceId: anyText(),
    notice: ControllerNoticeSchema,
    plan: v.nullable(SentPlanSchema),
    work: RoomsWorkSchema,
  }),
  result: v.object({ ...resultEnvelope, result: CommandResultSchema }),
  notice: v.object({ kind: v.literal('notice'), from: anyText(), notice: ControllerNoticeSchema }),
  /**
   * The plan as the headless app holds it. Miro may not echo a write to the writer's own tab
   * (miro-sdk.md S1), and the panel shares that tab: without this a facilitator's panel would
   * miss every join. A storage notification can also be lost (S3): the headless app reads the
   * plan again when that matters (the end, a room closing), and this brings its panel along.
   */
  plan: v.object({ kind: v.literal('plan'), from: anyText(), plan: SentPlanSchema }),
  /** Rooms with material: a job's progress, the rooms' activity, sessions on offer. */
  work: v.object({ kind: v.literal('work'), from: anyText(), work: RoomsWorkSchema }),
};

export type ToPanel = v.InferOutput<(typeof TO_PANEL)[keyof typeof TO_PANEL]>;

/** Only the envelope: enough to answer a result that cannot be read. */
const RESULT_ENVELOPE = v.object({ ...resultEnvelope, result: v.unknown() });

export type PanelRead =
  | { read: 'message'; message: ToPanel }
  /** An answer to command `id` that cannot be read: its wait still ends, with the reason. */
  | { read: 'unreadable answer'; from: string; id: string; problem: string }
  | null;

/** The plan read in full: null when it is not a good plan. */
function goodPlan<P>(plan: P) {
  const read = parsePlan(plan);
  return read.status === 'ok' ? read.plan : null;
}

/** The message with the plan it carries read in full, or null when that plan is not good. */
function withPlanRead(message: ToPanel): ToPanel | null {
  if (message.kind === 'plan') {
    const plan = goodPlan(message.plan);
    return plan && { ...message, plan };
  }
  if (message.kind === 'here' && message.plan !== null) {
    const plan = goodPlan(message.plan);
    return plan && { ...message, plan };
  }
  if (message.kind === 'result' && message.result.ok && message.result.plan !== null) {
    const plan = goodPlan(message.result.plan);
    return plan && { ...message, result: { ok: true, plan } };
  }
  return message;
}

/** What the panel makes of `raw`: a message, an answer it cannot read, or nothing at all. */
export function readForPanel(raw: unknown): PanelRead {
  const message = readMessage(raw, TO_PANEL);
  if (message !== null) {
    const read = withPlanRead(message);
    if (read !== null) return { read: 'message', message: read };
    return message.kind === 'result'
      ? { read: 'unreadable answer', from: message.from, id: message.id, problem: 'result.plan' }
      : null;
  }
  const envelope = v.safeParse(RESULT_ENVELOPE, raw);
  if (!envelope.success) return null;
  const { from, id, result } = envelope.output;
  return {
    read: 'unreadable answer',
    from,
    id,
    problem: problemOf(CommandResultSchema, result, 'result'),
  };
}
