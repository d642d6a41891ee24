import { PLAN_COLLECTION, PLAN_KEY, type Plan } from '../domain/plan';
import { type PlanReadResult, parsePlan } from '../domain/stored/plan-v1';
import type { Board } from '../sdk/connect';
import type { Json } from '../sdk/surface';
import { goodPlanOf, type PlanSnapshot } from './plan-snapshot';
import type { StorageGuard } from './storage-guard';

export { goodPlanOf, type PlanSnapshot } from './plan-snapshot';

/**
 * Keeps the latest trustworthy plan from realtime storage. Subscribes before the first read and
 * never goes back to a lower revision, so a slow read or a reordered echo cannot roll the plan
 * back (D12). Damaged or newer-version data is reported as such and never replaces a good plan.
 */
export const REMOVED_MESSAGE =
  'The saved breakout plan was removed from the board. The app keeps the last plan it read, and the facilitator’s app saves it again.';
export const OVERWRITTEN_MESSAGE =
  'The saved breakout plan was overwritten with data the app cannot read. The app keeps the last plan it read, and the facilitator’s app saves it again.';

export const FORGED_MESSAGE =
  'An app other than this one (a participant’s, or yours on another device) changed the stored breakout plan. This app keeps its plan and saves it again.';

/**
 * A plan more than this many revisions ahead of the one held is not believed at once:
 * the facilitator's app writes at most a few times a second, so only a forged value jumps so far,
 * and one that took the highest revision would leave the facilitator no way to write over it.
 */
export const MAX_REVISION_JUMP = 100_000;
/**
 * How long a plan the revision rule would refuse (a far jump up, a fall below the plan held) has
 * to stay in storage to be believed (see believedLater).
 */
export const JUMP_CONFIRM_MS = 5_000;

/** Something this app did not write landed on the plan it defends. */
export type Overwrite = {
  /** The revision the stored value claims (readers may hold it): a restore goes above it. */
  revision: number | null;
};

/**
 * How the facilitator's app defends the plan: it knows what its browser wrote (`guard`), and any
 * other value over a plan naming this user as facilitator is an overwrite, kept out of this app
 * and written over, unless it is a take-over by someone else (`isTakeOver`).
 */
export type PlanDefence = {
  guard: StorageGuard;
  userId: string;
  overwritten: (what: Overwrite) => void;
};

export class PlanReader {
  private defence: PlanDefence | null = null;
  /** A plan the revision rule refuses, first seen at `at` (see believedLater). */
  private doubted: { kind: 'jump' | 'fall'; at: number } | null = null;
  private snapshot: PlanSnapshot = { status: 'loading' };
  private readonly listeners = new Set<(snapshot: PlanSnapshot) => void>();
  private readonly onValue = (value: Json | undefined) => this.receive(value);
  private stopped = false;
  /**
   * Called when storage no longer holds the plan this reader keeps: an older plan of another
   * facilitator (a take-over race), damaged data, or nothing. The facilitator's app writes its
   * plan back, so apps that load from storage now read the good plan too.
   */
  onOverwritten: () => void = () => {};

  constructor(private readonly board: Board) {}

  /** From now on, values this browser did not write over a plan naming this user are overwrites. */
  defend(defence: PlanDefence): void {
    this.defence = defence;
  }

  async start(): Promise<void> {
    await this.board.storage.collection(PLAN_COLLECTION).onValue(PLAN_KEY, this.onValue);
    await this.refresh();
  }

  /** Reads the stored plan again, for when a change notification may have been lost (S3). */
  async refresh(): Promise<void> {
    this.receive(await this.board.storage.collection(PLAN_COLLECTION).get(PLAN_KEY));
  }

  stop(): void {
    this.stopped = true;
    this.listeners.clear();
    void this.board.storage.collection(PLAN_COLLECTION).offValue(PLAN_KEY, this.onValue);
  }

  current(): PlanSnapshot {
    return this.snapshot;
  }

  /** The last good plan, whatever arrived since. */
  plan(): Plan | null {
    return goodPlanOf(this.snapshot);
  }

  subscribe(listener: (snapshot: PlanSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Our own committed write: known before (or without) its echo (S1 variants). */
  committed(plan: Plan): void {
    this.accept({ status: 'ok', plan });
  }

  private receive(value: Json | undefined): void {
    if (this.stopped) return;
    const next = parsePlan(value);
    if (this.overwrites(value, next)) return;
    this.accept(next);
  }

  /**
   * True when `value` is an overwrite of the plan this app defends: then this app goes on with
   * its own plan (the last it wrote, after a reload) and the writer puts it back.
   */
  private overwrites(value: Json | undefined, next: PlanReadResult): boolean {
    const defence = this.defence;
    if (!defence || defence.guard.knows(PLAN_COLLECTION, PLAN_KEY, value)) return false;
    const held = this.plan();
    const own = held ? null : parsePlan(defence.guard.lastWritten(PLAN_COLLECTION, PLAN_KEY));
    const base = held ?? (own?.status === 'ok' ? own.plan : null);
    if (!base || base.facilitator.id !== defence.userId) return false;
    if (next.status === 'ok' && isTakeOver(base, next.plan)) return false;
    if (!held) this.publish({ status: 'ok', plan: base });
    this.publish({ status: 'corrupt', message: FORGED_MESSAGE, lastGood: base });
    const claim = next.status === 'ok' ? next.plan : null;
    // Kept at once, in the journal: the value may be written over by a write of ours already on
    // its way, or this app may reload, before the restore goes out; readers may hold it still.
    if (claim && !isForgedJump(base, claim)) {
      defence.guard.claimed(PLAN_COLLECTION, PLAN_KEY, claim.revision);
    }
    defence.overwritten({ revision: claim?.revision ?? null });
    return true;
  }

  private accept(next: PlanReadResult): void {
    const held = this.plan();
    switch (next.status) {
      case 'ok':
        if (held && isForgedJump(held, next.plan) && !this.believedLater('jump')) {
          this.onOverwritten();
          return;
        }
        // Reordered or stale deliveries never roll the plan back.
        if (held && next.plan.revision <= held.revision) {
          // Our own late echoes are older too; only another facilitator's plan is a problem.
          if (next.plan.facilitator.id !== held.facilitator.id) this.onOverwritten();
          else if (this.fellBelow(held, next.plan) && this.believedLater('fall')) {
            this.publish({ status: 'ok', plan: reuseUnchanged(held, next.plan) });
          }
          return;
        }
        this.doubted = null;
        this.publish({ status: 'ok', plan: held ? reuseUnchanged(held, next.plan) : next.plan });
        return;
      case 'empty':
        // The app never removes the plan: a value that vanishes under a good plan is damage (or
        // another client), and must not make everyone forget the breakout that is running.
        if (held) {
          this.publish({ status: 'corrupt', message: REMOVED_MESSAGE, lastGood: held });
          this.onOverwritten();
          return;
        }
        this.publish(next);
        return;
      case 'corrupt':
        if (held) {
          this.publish({ status: 'corrupt', message: OVERWRITTEN_MESSAGE, lastGood: held });
          this.onOverwritten();
          return;
        }
        this.publish({ status: 'corrupt', message: next.message, lastGood: null });
        return;
      case 'future':
        // A newer app's plan is never written over: the held plan becomes read-only here.
        this.publish({ status: 'future', message: next.message, lastGood: held });
    }
  }

  /**
   * Whether the plan held was a forgery this reader believed: the facilitator's plan, below it,
   * arrives instead. The forged value may have been in storage only for moments, written over by
   * a write of the facilitator's already on its way, so its app never saw it to go above it. The
   * facilitator's own reader never doubts its plan; and see believedLater.
   */
  private fellBelow(held: Plan, next: Plan): boolean {
    return next.revision < held.revision && this.defence?.userId !== held.facilitator.id;
  }

  /**
   * A plan the revision rule refuses is believed only if storage still holds such a plan
   * JUMP_CONFIRM_MS later, read again then. A far jump: a forged one is put back by then, while
   * the facilitator's own plan after putting back a far forgery stays, and a reader that was
   * away takes it. A fall below: a stale read or a late echo is followed by the newer plan at
   * once, and a forged older plan is put back above the one held; only the facilitator going on
   * below a forgery this reader believed is still there. Any plan taken meanwhile starts over.
   */
  private believedLater(kind: 'jump' | 'fall'): boolean {
    const seen = this.doubted;
    const now = Date.now();
    if (seen?.kind === kind && now - seen.at >= JUMP_CONFIRM_MS) {
      this.doubted = null;
      return true;
    }
    if (seen?.kind !== kind) {
      this.doubted = { kind, at: now };
      globalThis.setTimeout(() => {
        if (!this.stopped) void this.refresh().catch(() => {});
      }, JUMP_CONFIRM_MS);
    }
    return false;
  }

  private publish(snapshot: PlanSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener(snapshot);
  }
}

/**
 * Someone else takes the breakout over: another facilitator, further on. (Who may take over, and
 * when, is the rule of the hand-over; a plan naming this user is only ever this browser's.)
 */
const isTakeOver = (base: Plan, next: Plan) =>
  next.facilitator.id !== base.facilitator.id &&
  next.revision > base.revision &&
  !isForgedJump(base, next);

// A new run continues the revision too (one writer), so a jump is a jump whatever the run.
const isForgedJump = (held: Plan, next: Plan) => next.revision - held.revision > MAX_REVISION_JUMP;

/**
 * `next`, with every part deep-equal to the same part of `previous` replaced by that part itself.
 * Each stored plan arrives freshly parsed, so without this every room and person object would be
 * new on every write, and every view selecting by identity would re-render for one person's join.
 */
function reuseUnchanged<T>(previous: T, next: T): T {
  if (Object.is(previous, next)) return previous;
  if (Array.isArray(previous) && Array.isArray(next)) {
    const items = next.map((item, index) => reuseUnchanged(previous[index], item));
    const same =
      items.length === previous.length && items.every((item, index) => item === previous[index]);
    return (same ? previous : items) as T;
  }
  if (isRecord(previous) && isRecord(next) && !Array.isArray(previous) && !Array.isArray(next)) {
    const keys = Object.keys(next);
    const result: Record<string, unknown> = {};
    let same = keys.length === Object.keys(previous).length;
    for (const key of keys) {
      result[key] = reuseUnchanged(previous[key], next[key]);
      if (result[key] !== previous[key] || !(key in previous)) same = false;
    }
    return (same ? previous : result) as T;
  }
  return next;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;
