import type { PlanAction } from '../domain/actions';
import { PLAN_MAX_BYTES } from '../domain/limits';
import { PLAN_COLLECTION, PLAN_KEY, type Plan } from '../domain/plan';
import { reduceAll } from '../domain/reducer';
import { planBytes } from '../domain/stored/plan-v1';
import type { Board } from '../sdk/connect';
import { errorMessage } from '../sdk/retry';
import { MAX_REVISION_JUMP, type PlanReader } from './plan-reader';
import type { StorageGuard } from './storage-guard';

/** Joins arriving within this window are written together (issue: ≤ 1 write per 250 ms). */
export const COALESCE_MS = 250;
/** Pause before an event batch whose write failed is tried again. */
export const REWRITE_DELAY_MS = 2_000;

type Waiter = { resolve: (plan: Plan) => void; reject: (error: Error) => void };

type Change =
  | { kind: 'reduce'; actions: PlanAction[] }
  | { kind: 'replace'; plan: Plan; revisionGap: number }
  /** Write the held plan again, above `above` (the revision an overwrite claimed). */
  | { kind: 'restore'; above: number };

/**
 * How far a take-over moves the revision on. Storage has no compare-and-set: the previous
 * facilitator's app may still write a few coalesced batches before it hears of the take-over.
 * Those carry revisions just above the one the take-over started from, so readers would take
 * them over the take-over; with this gap every reader ignores them as stale.
 */
export const TAKEOVER_REVISION_GAP = 1_000;

export type WriterHooks = {
  /** Who this writer writes for: writes stop once someone else is the facilitator. */
  writerId: string;
  /** A write of platform events failed and will be retried; null when writes succeed again. */
  onProblem: (message: string | null) => void;
  /** Told of every value before it is written, so the app knows its own writes (storage-guard). */
  guard?: StorageGuard;
  /**
   * The device lease (device-lease.ts): whether this device may write the plan now, why not,
   * and the epoch its writes carry.
   */
  lease?: { mayWrite(): boolean; refusal(): string; epoch(): number };
  /**
   * Before each write: a read of the plan when storage may name another facilitator this app
   * has not heard of (cut-off.ts), or null; a write whose read fails is not made.
   */
  beforeWrite?: () => Promise<void> | null;
};

/**
 * Restores asked for more often than RESTORE_BURST times in RESTORE_BURST_MS are spaced
 * RESTORE_SPACING_MS apart: two apps that each defend the plan as theirs (one facilitator on two
 * devices) would otherwise write over each other as fast as storage answers.
 */
const RESTORE_BURST = 10;
const RESTORE_BURST_MS = 10_000;
const RESTORE_SPACING_MS = 1_500;

/**
 * The single writer of the plan. Every change is reduced from the latest committed plan (never
 * from a copy taken before an await: D2, D4, D5), writes are serialized, and every write is
 * awaited (D1). Facilitator actions are written at once and their failure is returned to the
 * caller; platform events (joins, answers, departures) are coalesced and never dropped: a batch
 * whose write failed is merged into the next one.
 */
export class PlanWriter {
  private queue: Promise<void> = Promise.resolve();
  private eventBatch: PlanAction[] = [];
  private eventTimer: ReturnType<typeof setTimeout> | null = null;
  private writes = 0;
  private restoreQueued = false;
  private restoreFailed = false;
  private restoreTimer: ReturnType<typeof setTimeout> | null = null;
  private restoreAbove = 0;
  private readonly restoredAt: number[] = [];
  private stopped = false;

  constructor(
    private readonly board: Board,
    private readonly reader: PlanReader,
    private readonly hooks: WriterHooks,
  ) {}

  /** A facilitator's action: written now; rejects with a message a person can act on. */
  apply(actions: PlanAction[]): Promise<Plan> {
    return new Promise((resolve, reject) => {
      this.enqueue({ kind: 'reduce', actions }, { resolve, reject });
    });
  }

  /**
   * Writes a whole plan (a new plan, or taking over); the revision continues from the held plan,
   * `revisionGap` further on (see TAKEOVER_REVISION_GAP).
   */
  replace(plan: Plan, revisionGap = 1): Promise<Plan> {
    return new Promise((resolve, reject) => {
      this.enqueue({ kind: 'replace', plan, revisionGap }, { resolve, reject });
    });
  }

  /**
   * Storage lost the held plan (another writer's older plan after a take-over race, damaged data,
   * a removal): write the held plan again so that storage, and every app that loads from it,
   * agrees with the readers. One restore waits in the queue at a time, however often it is asked.
   */
  restore(above: number | null = null): void {
    if (above !== null) this.restoreAbove = Math.max(this.restoreAbove, above);
    if (this.restoreQueued || this.stopped) return;
    const now = Date.now();
    while (this.restoredAt.length > 0 && now - (this.restoredAt[0] ?? now) > RESTORE_BURST_MS) {
      this.restoredAt.shift();
    }
    if (this.restoredAt.length >= RESTORE_BURST && this.restoreTimer === null) {
      this.restoreTimer = globalThis.setTimeout(() => {
        this.restoreTimer = null;
        this.restoredAt.length = 0;
        this.restore();
      }, RESTORE_SPACING_MS);
      return;
    }
    if (this.restoreTimer !== null) return;
    this.restoredAt.push(now);
    this.restoreQueued = true;
    const restoreAbove = this.restoreAbove;
    this.restoreAbove = 0;
    this.enqueue(
      { kind: 'restore', above: restoreAbove },
      {
        resolve: () => {
          if (this.restoreFailed) this.hooks.onProblem(null);
          this.restoreFailed = false;
        },
        reject: (error) => {
          if (error instanceof ForeignWriterError || this.stopped) return;
          this.restoreFailed = true;
          this.hooks.onProblem(error.message);
          this.restoreTimer ??= globalThis.setTimeout(() => {
            this.restoreTimer = null;
            this.restore(restoreAbove);
          }, REWRITE_DELAY_MS);
        },
      },
    );
  }

  /** The app is going away (a reload, a closed tab): nothing is written or retried after this. */
  stop(): void {
    this.stopped = true;
    for (const timer of [this.eventTimer, this.restoreTimer]) {
      if (timer !== null) globalThis.clearTimeout(timer);
    }
    this.eventTimer = null;
    this.restoreTimer = null;
  }

  /** A platform event: coalesced with others arriving close together, retried until written. */
  record(...actions: PlanAction[]): void {
    if (this.stopped) return;
    this.eventBatch.push(...actions);
    this.eventTimer ??= globalThis.setTimeout(() => this.flushEvents(), COALESCE_MS);
  }

  /** Writes pending events at once (before ending, so no status is lost). */
  flush(): Promise<void> {
    if (this.eventTimer !== null) globalThis.clearTimeout(this.eventTimer);
    this.flushEvents();
    return this.queue;
  }

  writeCount(): number {
    return this.writes;
  }

  /** Platform events received but not yet written. */
  pendingEvents(): number {
    return this.eventBatch.length;
  }

  private flushEvents(): void {
    this.eventTimer = null;
    const batch = this.eventBatch;
    if (batch.length === 0) return;
    this.eventBatch = [];
    this.enqueue(
      { kind: 'reduce', actions: batch },
      {
        resolve: () => this.hooks.onProblem(null),
        reject: (error) => {
          if (error instanceof ForeignWriterError || this.stopped) return;
          this.hooks.onProblem(error.message);
          // Put the batch back in front of anything newer and try again later.
          this.eventBatch = [...batch, ...this.eventBatch];
          this.eventTimer ??= globalThis.setTimeout(() => this.flushEvents(), REWRITE_DELAY_MS);
        },
      },
    );
  }

  private enqueue(change: Change, waiter: Waiter): void {
    this.queue = this.queue.then(() => this.write(change, waiter));
  }

  private async write(change: Change, waiter: Waiter) {
    // Damage that lands while this write is on its way asks for a restore of its own.
    if (change.kind === 'restore') this.restoreQueued = false;
    if (this.stopped) {
      waiter.reject(new Error('This app was closed before the change could be saved.'));
      return;
    }
    // Awaited only when there is something to wait for: every write keeps its place otherwise.
    const first = this.hooks.beforeWrite?.();
    if (first) {
      try {
        await first;
      } catch (error) {
        waiter.reject(new Error(`The breakout plan could not be saved. ${errorMessage(error)}`));
        return;
      }
    }
    const snapshot = this.reader.current();
    if (snapshot.status === 'future') {
      waiter.reject(new Error(snapshot.message));
      return;
    }
    const base = this.reader.plan();
    let changed: Plan;
    let step = 1;
    if (change.kind === 'replace') {
      changed = change.plan;
      step = change.revisionGap;
    } else if (!base) {
      waiter.reject(new Error('There is no breakout plan on this board yet.'));
      return;
    } else if (base.facilitator.id !== this.hooks.writerId) {
      waiter.reject(new ForeignWriterError(base.facilitator.name));
      return;
    } else if (change.kind === 'restore') {
      changed = base;
    } else {
      changed = reduceAll(base, change.actions);
      if (changed === base) {
        waiter.resolve(base);
        return;
      }
    }
    const lease = this.hooks.lease;
    if (lease && !lease.mayWrite()) {
      waiter.reject(new Error(lease.refusal()));
      return;
    }
    const held = base?.revision ?? 0;
    // Every write goes above what an overwrite claimed, so readers who believed it take it back
    // (a restore, and any write after one that never got out); unless it claimed a jump no
    // reader believes (MAX_REVISION_JUMP).
    const claimed = Math.max(
      change.kind === 'restore' ? change.above : 0,
      this.hooks.guard?.highestClaimed(PLAN_COLLECTION, PLAN_KEY) ?? 0,
    );
    const above = claimed - held <= MAX_REVISION_JUMP ? Math.max(held, claimed) : held;
    const next: Plan = {
      ...changed,
      revision: above + step,
      epoch: lease?.epoch() ?? changed.epoch,
    };
    const bytes = planBytes(next);
    if (bytes > PLAN_MAX_BYTES) {
      waiter.reject(
        new Error(
          `The plan would take ${Math.ceil(bytes / 1024)} KB, more than the ${PLAN_MAX_BYTES / 1024} KB Miro stores. Use fewer rooms or shorter room names.`,
        ),
      );
      return;
    }
    try {
      this.hooks.guard?.wrote(PLAN_COLLECTION, PLAN_KEY, next);
      await this.board.storage.collection(PLAN_COLLECTION).set(PLAN_KEY, next);
      this.writes += 1;
      this.reader.committed(next);
      waiter.resolve(next);
    } catch (error) {
      waiter.reject(new Error(`The breakout plan could not be saved. ${errorMessage(error)}`));
    }
  }
}

export class ForeignWriterError extends Error {
  constructor(facilitatorName: string) {
    super(`${facilitatorName} is the facilitator now, so this change was not saved.`);
  }
}
