import {
  type Layout,
  type LayoutWrites,
  largestValueBytes,
  layoutOf,
  layoutWrites,
} from '../domain/layout';
import { PLAN_MAX_BYTES } from '../domain/limits';
import { PLAN_COLLECTION, PLAN_KEY, type Plan } from '../domain/plan';
import type { Board } from '../sdk/connect';
import type { Json } from '../sdk/surface';

/**
 * A status value is written at most this often while only statuses change (admission): about
 * seven writes per bucket while people accept over 1-5 s, which keeps the bytes delivered per join
 * and the calls within issue #16's targets (docs/architecture.md "Storage layout").
 */
export const STATUS_PACE_MS = 600;

type Waiter = { resolve: (stored: Layout) => void; reject: (error: unknown) => void };

/** Told of every value (undefined: a removal) before it goes out (storage-guard.ts). */
export type BeforeWrite = (key: string, value: Json | undefined) => void;

/**
 * Stores plans in the multi-key layout, for PlanWriter (which decides what and when). Each write
 * puts the changed governed values first, all of them landed before the control value that
 * names their revisions (statuses changing with it just after it, see perform), and removes what
 * is no longer listed last. A change of statuses
 * alone waits until its status values may be written again; a later plan replaces a waiting one,
 * and a structural change is written at once, the waiting statuses with it. One write at a time.
 */
export class LayoutWriter {
  private stored: Layout | null = null;
  private latest: Plan | null = null;
  private waiters: Waiter[] = [];
  private writing = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private readonly statusWrittenAt = new Map<string, number>();

  constructor(
    private readonly board: Pick<Board, 'storage'>,
    private readonly now: () => number,
    private readonly beforeWrite: BeforeWrite = () => {},
  ) {}

  /**
   * Resolves once `plan` (or a later plan) is stored, with the values it was stored as; rejects
   * when that write failed.
   */
  write(plan: Plan): Promise<Layout> {
    this.latest = plan;
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.schedule();
    });
  }

  /** The app is going away: a plan waiting for its pace is not written, nor anything after. */
  stop(): void {
    this.stopped = true;
    if (this.timer !== null) globalThis.clearTimeout(this.timer);
    this.timer = null;
    this.latest = null;
    for (const waiter of this.waiters.splice(0)) {
      waiter.reject(new Error('This app was closed before the change could be saved.'));
    }
  }

  private schedule(): void {
    const plan = this.latest;
    if (this.writing || plan === null || this.stopped) return;
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
      const stored = await this.perform(plan);
      for (const waiter of waiters) waiter.resolve(stored);
    } catch (error) {
      for (const waiter of waiters) waiter.reject(error);
    } finally {
      this.writing = false;
      if (this.latest === plan) this.latest = null;
      this.schedule();
    }
  }

  /**
   * The next write stores every value again, whatever was stored before: a restore, after values
   * this app did not write may have landed anywhere. Only between writes (PlanWriter awaits each).
   */
  forget(): void {
    this.stored = null;
  }

  private async perform(plan: Plan): Promise<Layout> {
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
    const set = (key: string, value: Json) => {
      this.beforeWrite(key, value);
      return storage.set(key, value);
    };
    // Statuses that change with the control value go after it: before it they would put the
    // statuses of the change on the plan before it (a Start's invitations on a plan still in
    // planning), which nobody wrote. After it, until they land, a reader holds the control value's
    // plan with the statuses before it, as if the status change were still on its way; statuses
    // that moved to a new bucket revision are waited for (layout-assemble.ts).
    const [before, after] =
      writes.control === null ? [writes.values, []] : partition(writes.values, isStatuses);
    const setAll = (values: typeof writes.values) =>
      Promise.all(values.map(({ key, value }) => set(key, value as unknown as Json)));
    await setAll(before);
    if (writes.control !== null) await set(PLAN_KEY, writes.control as unknown as Json);
    await setAll(after);
    await Promise.all(
      writes.removed.map((key) => {
        this.beforeWrite(key, undefined);
        return storage.remove(key);
      }),
    );
    for (const { key, value } of writes.values) {
      if (isStatuses({ key, value })) this.statusWrittenAt.set(key, at);
    }
    this.stored = next;
    return next;
  }
}

type Written = LayoutWrites['values'][number];

const isStatuses = ({ value }: Written) => 'statuses' in value;

function partition(values: Written[], test: (value: Written) => boolean): [Written[], Written[]] {
  return [values.filter((value) => !test(value)), values.filter(test)];
}
