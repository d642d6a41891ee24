import type { Clock } from './api';
import { realMacrotask } from './clock';

type Job = { dueAt: number; seq: number; run: () => void };

/**
 * Every simulated reply and event delivery goes through this queue. Jobs run in (dueAt, seq)
 * order, one per macrotask (a clock timer), so no promise of the SDK ever settles in the task that
 * made the call (miro-sdk.md 1.4). In batched mode one timer runs every job that is due, which
 * is how replies that share a postMessage arrive and where compute-await-write races show (D4).
 *
 * Only one clock timer is armed at a time: ordering never depends on how the host orders timers
 * that share a due time.
 */
export class TaskQueue {
  private jobs: Job[] = [];
  private seq = 0;
  private armed: { handle: unknown; dueAt: number } | null = null;
  private idleWaiters: Array<() => void> = [];
  private checkingIdle = false;

  constructor(
    private readonly clock: () => Clock,
    private readonly batched: () => boolean,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Schedules `run` at absolute clock time `dueAt` (never sooner than the next task). */
  schedule(dueAt: number, run: () => void): void {
    const job: Job = { dueAt, seq: this.seq++, run };
    let index = this.jobs.length;
    while (index > 0) {
      const before = this.jobs[index - 1];
      if (before && before.dueAt <= dueAt) break;
      index -= 1;
    }
    this.jobs.splice(index, 0, job);
    this.arm();
  }

  get pending(): number {
    return this.jobs.length;
  }

  /**
   * Resolves once the queue is empty and stays empty across a real macrotask hop (so handlers
   * that react to the last delivery with a new call keep the board busy). It schedules no clock
   * timers itself: with fake timers, advance them while awaiting it.
   */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      void this.checkIdle();
    });
  }

  private async checkIdle(): Promise<void> {
    if (this.checkingIdle || this.jobs.length > 0 || this.idleWaiters.length === 0) return;
    this.checkingIdle = true;
    try {
      const seqBefore = this.seq;
      await realMacrotask();
      if (this.jobs.length > 0 || this.seq !== seqBefore) return;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    } finally {
      this.checkingIdle = false;
    }
    if (this.jobs.length === 0 && this.idleWaiters.length > 0) void this.checkIdle();
  }

  private arm(): void {
    const first = this.jobs[0];
    if (!first) return;
    if (this.armed && this.armed.dueAt <= first.dueAt) return;
    const clock = this.clock();
    if (this.armed) clock.clearTimeout(this.armed.handle);
    const delay = Math.max(0, first.dueAt - clock.now());
    const armed = { dueAt: first.dueAt, handle: null as unknown };
    armed.handle = clock.setTimeout(() => this.fire(armed), delay);
    this.armed = armed;
  }

  private fire(armed: { dueAt: number }): void {
    if (this.armed !== armed) return;
    this.armed = null;
    const first = this.jobs.shift();
    if (first) {
      const batch = [first];
      if (this.batched()) {
        // Everything already due rides in the same task as the job this timer was armed for.
        const horizon = Math.max(this.clock().now(), first.dueAt);
        while (this.jobs[0] && this.jobs[0].dueAt <= horizon) {
          const next = this.jobs.shift();
          if (next) batch.push(next);
        }
      }
      for (const job of batch) {
        try {
          job.run();
        } catch (error) {
          this.onError(error);
        }
      }
    }
    this.arm();
    if (this.jobs.length === 0) void this.checkIdle();
  }
}
