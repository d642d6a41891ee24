import { type TakeOverFacts, takeOverRight } from '../domain/co-facilitation';
import { assemble, followedKeys } from '../domain/layout-assemble';
import type { OverwriteKind } from '../domain/overwrites';
import { PLAN_COLLECTION, PLAN_KEY, type Plan } from '../domain/plan';
import { type Governed, parseGoverned, parsePlanKey } from '../domain/stored/plan-v2';
import type { Json } from '../sdk/surface';
import type { StorageGuard } from './storage-guard';

/** Something this app did not write landed on the plan it defends. */
export type Overwrite = {
  /** The revision the stored value claims (readers may hold it): a restore goes above it. */
  revision: number | null;
  /** What it was, for the facilitator (overwriteKind). */
  kind: OverwriteKind;
};

/**
 * How the facilitator's app defends the plan: it knows what its browser wrote (`guard`), and any
 * other value at any key of the breakout over a plan naming this user as facilitator is an
 * overwrite, kept out of this app and written over, unless it is a take-over by someone else.
 */
export type PlanDefence = {
  guard: StorageGuard;
  userId: string;
  overwritten: (what: Overwrite) => void;
  /**
   * Told the epoch of every plan naming this user that this browser did not write: true when it
   * is this user's other device's, which runs the breakout now (device-lease.ts `sawEpoch`).
   */
  otherDevice?: (epoch: number) => boolean;
};

/**
 * A plan more than this many revisions ahead of the one held is not believed at once:
 * the facilitator's app writes at most a few times a second, so only a forged value jumps so far,
 * and one that took the highest revision would leave the facilitator no way to write over it.
 */
export const MAX_REVISION_JUMP = 100_000;

type Revisioned = { revision: number };

// A new run continues the revision too (one writer), so a jump is a jump whatever the run.
export const isForgedJump = (held: Revisioned, next: Revisioned) =>
  next.revision - held.revision > MAX_REVISION_JUMP;

/** What a value at a key of the breakout claims: the revision it was written at, and by whom. */
export type Claim = {
  revision: number;
  facilitatorId: string | null;
  /** The device lease's epoch the plan (or control value) carries; null at governed keys. */
  epoch: number | null;
};

/** Null when the value cannot be read (damage claims no revision). */
export function claimOf(key: string, value: Json | undefined): Claim | null {
  if (key === PLAN_KEY) {
    const read = parsePlanKey(value);
    const plan = read.status === 'control' ? read.control : read.status === 'v1' ? read.plan : null;
    return plan
      ? { revision: plan.revision, facilitatorId: plan.facilitator.id, epoch: plan.epoch }
      : null;
  }
  if (value === undefined) return null;
  const read = parseGoverned(key, value);
  if (!read.ok) return null;
  const at = 'at' in read.value ? read.value.at : read.value.rev;
  return { revision: Math.max(read.value.rev, at), facilitatorId: null, epoch: null };
}

/**
 * What an overwrite of `base` at `key` was, as far as the value tells (`claim`: claimOf it). A
 * plan naming another facilitator is one the rule of the hand-over refused, or it would not be an
 * overwrite.
 */
export function overwriteKind(
  base: Plan,
  key: string,
  value: Json | undefined,
  claim: Claim | null,
): OverwriteKind {
  if (value === undefined) return 'removed';
  if (claim === null) {
    return key === PLAN_KEY && parsePlanKey(value).status === 'future' ? 'future' : 'damaged';
  }
  if (claim.facilitatorId !== null && claim.facilitatorId !== base.facilitator.id) {
    return 'other facilitator';
  }
  return claim.revision > base.revision ? 'later' : 'older';
}

/** Another facilitator, further on: a take-over, if the rule of the hand-over allows it. */
export const isHandOver = (base: Plan, next: Claim): next is Claim & { facilitatorId: string } =>
  next.facilitatorId !== null &&
  next.facilitatorId !== base.facilitator.id &&
  next.revision > base.revision &&
  !isForgedJump(base, next);

/**
 * Someone else takes the breakout over from `base`, as the rule of the hand-over
 * (domain/co-facilitation.ts) allows it with what this app saw of Miro's online users. A plan
 * naming this user is only ever this browser's.
 */
export const isTakeOver = (base: Plan, next: Claim, facts: TakeOverFacts) =>
  isHandOver(base, next) && takeOverRight(base, next.facilitatorId, facts).may;

/**
 * The last plan this browser stored, put together from its journal (after a reload, before
 * anything was read): in the one-key layout or the multi-key one. Null when there is none.
 */
export function journalPlan(guard: StorageGuard): Plan | null {
  const read = parsePlanKey(guard.lastWritten(PLAN_COLLECTION, PLAN_KEY));
  if (read.status === 'v1') return read.plan;
  if (read.status !== 'control') return null;
  const values = new Map<string, Governed>();
  for (const key of followedKeys(read.control, values, { kind: 'everyone' })) {
    if (key === PLAN_KEY) continue;
    const value = parseGoverned(key, guard.lastWritten(PLAN_COLLECTION, key));
    if (value.ok) values.set(key, value.value);
  }
  const assembly = assemble(read.control, values);
  return assembly.status === 'ok' ? assembly.plan : null;
}
