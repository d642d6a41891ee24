import { type Layout, largestValueBytes, layoutOf, layoutWrites } from '../domain/layout';
import { PLAN_MAX_BYTES } from '../domain/limits';
import { PLAN_COLLECTION, PLAN_KEY, type Plan } from '../domain/plan';
import type { Board } from '../sdk/connect';

/**
 * A status value is written at most this often while only statuses change (admission): about
 * seven writes per bucket while people accept over 1-5 s, which keeps the bytes delivered per join
 * and the calls within issue #16's targets (docs/architecture.md "Storage layout").
 */
export const STATUS_PACE_MS = 600;

type Waiter = { resolve: () => void; reject: (error: unknown) => void };

/**
 * Stores plans in the multi-key layout (not used by the app yet: the plan is still one value).
 * Each write puts the changed governed values first, all of them landed before the control value
 * that names their revisions, and removes what is no longer listed last. A change of statuses
 * alone waits until its status values may be written again; a later plan replaces a waiting one,
 * and a structural change is written at once, the waiting statuses with it. One write at a time.
 */
export class LayoutWriter {
  private stored: Layout | null = null;
  private latest: Plan | null = null;
  private waiters: Waiter[] = [];
  private writing = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly statusWrittenAt = new Map<string, number>();

  constructor(
    private readonly board: Pick<Board, 'storage'>,
    private readonly now: () => number,
  ) {}

  /** Resolves once `plan` (or a later plan) is stored; rejects when that write failed. */
  write(plan: Plan): Promise<void> {
    this.latest = plan;
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    const plan = this.latest;
    if (this.writing || plan === null) return;
    const wait = this.waitFor(plan);
    if (this.timer !== null) {
      if (wait > 0) return;
      globalThis.clearTimeout(this.timer);
      this.timer = null;
    }
    if (wait === 0) {
      void this.flush();
      return;
    }
    this.timer = globalThis.setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, wait);
  }

  /** How long `plan` must wait: only a change of statuses alone waits for its pace. */
  private waitFor(plan: Plan): number {
    const writes = layoutWrites(this.stored, layoutOf(plan, this.stored));
    if (writes.control !== null || writes.removed.length > 0) return 0;
    const now = this.now();
    return Math.max(
      0,
      ...writes.values.map(
        ({ key }) => (this.statusWrittenAt.get(key) ?? -Infinity) + STATUS_PACE_MS - now,
      ),
    );
  }

  private async flush(): Promise<void> {
    const plan = this.latest;
    if (plan === null) return;
    const waiters = this.waiters.splice(0);
    this.writing = true;
    try {
      await this.perform(plan);
      for (const waiter of waiters) waiter.resolve();
    } catch (error) {
      for (const waiter of waiters) waiter.reject(error);
    } finally {
      this.writing = false;
      if (this.latest === plan) this.latest = null;
      this.schedule();
    }
  }

  private async perform(plan: Plan): Promise<void> {
    const storage = this.board.storage.collection(PLAN_COLLECTION);
    const next = layoutOf(plan, this.stored);
    // Storage refuses a value over its limit: nothing is sent, so readers keep the last plan.
    const largest = largestValueBytes(next);
    if (largest > PLAN_MAX_BYTES) {
      throw new Error(
        `One room's people would take ${Math.ceil(largest / 1024)} KB, more than the ${PLAN_MAX_BYTES / 1024} KB Miro stores in one value. Spread them over more rooms.`,
      );
    }
    const writes = layoutWrites(this.stored, next);
    const at = this.now();
    await Promise.all(writes.values.map(({ key, value }) => storage.set(key, value)));
    if (writes.control !== null) await storage.set(PLAN_KEY, writes.control);
    await Promise.all(writes.removed.map((key) => storage.remove(key)));
    for (const { key, value } of writes.values) {
      if ('statuses' in value) this.statusWrittenAt.set(key, at);
    }
    this.stored = next;
  }
}
