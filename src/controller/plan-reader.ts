import { PLAN_COLLECTION, PLAN_KEY, type Plan } from '../domain/plan';
import { type PlanReadResult, parsePlan } from '../domain/stored/plan-v1';
import type { Board } from '../sdk/connect';
import type { Json } from '../sdk/surface';
import { goodPlanOf, type PlanSnapshot } from './plan-snapshot';

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

export class PlanReader {
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
    this.accept(parsePlan(value));
  }

  private accept(next: PlanReadResult): void {
    const held = this.plan();
    switch (next.status) {
      case 'ok':
        // Reordered or stale deliveries never roll the plan back.
        if (held && next.plan.revision <= held.revision) {
          // Our own late echoes are older too; only another facilitator's plan is a problem.
          if (next.plan.facilitator.id !== held.facilitator.id) this.onOverwritten();
          return;
        }
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

  private publish(snapshot: PlanSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener(snapshot);
  }
}

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
