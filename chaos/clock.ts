/**
 * A simulated clock for the fault-injection runner: it replaces the global timers and
 * `Date.now` that the app uses (coalescing, retry backoff, auto-close) and is handed to the
 * simulator as its clock, so one run of hours of simulated time takes milliseconds and the same
 * seed always gives the same order of events.
 *
 * Between two timers every pending microtask runs (one real `setImmediate` hop drains the whole
 * microtask queue), which is what a browser does between two tasks.
 */
import type { Clock } from '../src/simulator/api';

type Timer = { id: number; at: number; seq: number; fn: () => void; every: number | null };

const realSetImmediate = globalThis.setImmediate;

/** Lets every queued microtask (and the promise chains they start) run out. */
export const drainMicrotasks = (): Promise<void> =>
  new Promise((resolve) => {
    realSetImmediate(resolve);
  });

export class FakeClock implements Clock {
  private timers: Timer[] = [];
  private seq = 0;
  private nextId = 1;
  private current: number;
  private saved: Record<string, unknown> | null = null;
  /** Errors thrown by timer callbacks: in a browser they would be uncaught errors. */
  readonly errors: unknown[] = [];

  constructor(start: number) {
    this.current = start;
  }

  now = (): number => this.current;

  setTimeout = (fn: () => void, ms: number): unknown => this.add(fn, ms, null);

  clearTimeout = (handle: unknown): void => {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  };

  pending(): number {
    return this.timers.length;
  }

  /** Points `globalThis.setTimeout`, `setInterval` and `Date.now` at this clock. */
  install(): void {
    if (this.saved) return;
    const g = globalThis as unknown as Record<string, unknown>;
    this.saved = {
      setTimeout: g.setTimeout,
      clearTimeout: g.clearTimeout,
      setInterval: g.setInterval,
      clearInterval: g.clearInterval,
      now: Date.now,
    };
    g.setTimeout = (fn: () => void, ms?: number) => this.add(fn, ms ?? 0, null);
    g.clearTimeout = this.clearTimeout;
    g.setInterval = (fn: () => void, ms?: number) => this.add(fn, ms ?? 0, Math.max(1, ms ?? 0));
    g.clearInterval = this.clearTimeout;
    Date.now = this.now;
  }

  uninstall(): void {
    if (!this.saved) return;
    const g = globalThis as unknown as Record<string, unknown>;
    g.setTimeout = this.saved.setTimeout;
    g.clearTimeout = this.saved.clearTimeout;
    g.setInterval = this.saved.setInterval;
    g.clearInterval = this.saved.clearInterval;
    Date.now = this.saved.now as () => number;
    this.saved = null;
  }

  /** Runs every timer due within `ms` from now, in order, then stands at now + ms. */
  async advance(ms: number): Promise<void> {
    const end = this.current + Math.max(0, ms);
    for (;;) {
      await drainMicrotasks();
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.fire(next);
    }
    this.current = end;
    await drainMicrotasks();
  }

  /**
   * Runs timers until `done()` holds (checked between tasks) or `maxMs` of simulated time
   * passed; true when `done()` held.
   */
  async until(done: () => boolean, maxMs: number): Promise<boolean> {
    const end = this.current + maxMs;
    for (;;) {
      await drainMicrotasks();
      if (done()) return true;
      const next = this.timers[0];
      if (!next || next.at > end) {
        this.current = Math.max(this.current, end);
        await drainMicrotasks();
        return done();
      }
      this.fire(next);
    }
  }

  private fire(timer: Timer): void {
    this.timers.shift();
    this.current = Math.max(this.current, timer.at);
    if (timer.every !== null)
      this.insert({ ...timer, at: this.current + timer.every, seq: this.seq++ });
    try {
      timer.fn();
    } catch (error) {
      this.errors.push(error);
    }
  }

  private add(fn: () => void, ms: number, every: number | null): number {
    const delay = Number.isFinite(ms) && ms > 0 ? ms : 0;
    const timer: Timer = {
      id: this.nextId++,
      at: this.current + delay,
      seq: this.seq++,
      fn,
      every,
    };
    this.insert(timer);
    return timer.id;
  }

  private insert(timer: Timer): void {
    let index = this.timers.length;
    while (index > 0) {
      const before = this.timers[index - 1];
      if (before && (before.at < timer.at || (before.at === timer.at && before.seq < timer.seq)))
        break;
      index -= 1;
    }
    this.timers.splice(index, 0, timer);
  }
}
