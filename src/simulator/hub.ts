import { creditsOf } from '../sdk/credits';
import type { BoardChange, Clock, SdkMethod, SimOptions } from './api';
import { RateLimitError, unavailable } from './errors';
import { Ledger } from './ledger';
import { canReceive, type FrameState, type TabState, type UserState } from './model';
import { createRandom, type Random } from './random';
import type { Listener, SubscriptionRecord } from './subscriptions';
import { TaskQueue } from './task-queue';

export type DeliveryOptions = {
  /** Probability that this delivery is lost (S3, E4). */
  drop?: number;
  /** Whether `duplicateDelivery` applies (deliveries without an ordering promise). */
  mayDuplicate?: boolean;
  /** Deliver even to handlers removed after the event was emitted (C9 user-left before end). */
  ignoreUnsubscribe?: boolean;
  /** Called once per delivery that reached at least one handler of the iframe. */
  onDelivered?: () => void;
};

/**
 * The shared core of one simulated board: options, clock, randomness, the task queue, the
 * ledger, the registry of users/tabs/iframes, and the two pipelines every feature uses: `call`
 * (an SDK method invoked by app code) and `deliver` (an event to one iframe).
 */
export class Hub {
  readonly users = new Map<string, UserState>();
  readonly ledger = new Ledger();
  readonly queue: TaskQueue;
  readonly handlerErrors: unknown[] = [];
  rng: Random;
  private readonly listeners = new Set<(change: BoardChange) => void>();
  private readonly channelDue = new Map<string, number>();
  private nextId = 1;

  constructor(public options: SimOptions) {
    this.rng = createRandom(options.seed);
    this.queue = new TaskQueue(
      () => this.options.clock,
      () => this.options.batchedReplies,
      (error) => this.handlerErrors.push(error),
    );
  }

  get clock(): Clock {
    return this.options.clock;
  }

  now(): number {
    return this.options.clock.now();
  }

  id(prefix: string): string {
    return `${prefix}-${this.nextId++}`;
  }

  subscribe(listener: (change: BoardChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(change: BoardChange): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (error) {
        this.handlerErrors.push(error);
      }
    }
  }

  /** Every live app iframe on the board, in user then tab order. */
  frames(): FrameState[] {
    const result: FrameState[] = [];
    for (const user of this.users.values()) {
      for (const tab of user.tabs) result.push(...tabFrames(tab));
    }
    return result;
  }

  /**
   * One SDK call from `frame`. Counting, credits and fault injection are decided now; `run`
   * (the side effect and the result) happens at the server in a later task, FIFO per iframe.
   * A refused call (rate limit, injected fault, offline, destroyed iframe) has no side effect.
   */
  call<T>(frame: FrameState, method: SdkMethod, run: () => T): Promise<T> {
    const opts = this.options;
    const user = frame.tab.user;
    const charge = this.ledger.charge(user.id, method, creditsOf(method), this.now(), {
      perMinute: opts.creditsPerMinute,
      perHour: opts.creditsPerHour,
      enforce: opts.enforceRateLimit,
    });
    let refusal: Error | null = null;
    if (frame.destroyed || frame.tab.closed) refusal = unavailable('The app iframe is gone');
    else if (!user.online) refusal = unavailable('The client is offline');
    else if (!charge.allowed) refusal = new RateLimitError(method);
    else if (this.rng.chance(opts.failureRate[method] ?? 0)) {
      refusal = unavailable(`Injected transient failure of ${method}`);
    }
    const latency = opts.callLatencyMs + this.rng.int(opts.callLatencyJitterMs);
    const dueAt = this.fifoDue(`${frame.id}|calls`, this.now() + latency);
    return new Promise<T>((resolve, reject) => {
      this.queue.schedule(dueAt, () => {
        if (refusal) {
          reject(refusal);
          return;
        }
        try {
          resolve(run());
        } catch (error) {
          reject(error);
        }
      });
    });
  }

  /**
   * Delivers an event to `records` of `frame` after the event latency, FIFO per `channel`.
   * `args` is called once per handler so each gets its own copy (S7).
   */
  deliver(
    frame: FrameState,
    channel: string,
    records: SubscriptionRecord[],
    args: () => unknown[],
    options: DeliveryOptions = {},
  ): void {
    if (records.length === 0) return;
    if (this.rng.chance(options.drop ?? 0)) return;
    const copies = options.mayDuplicate && this.rng.chance(this.options.duplicateDelivery) ? 2 : 1;
    for (let i = 0; i < copies; i += 1) {
      const latency = this.options.eventLatencyMs + this.rng.int(this.options.eventLatencyJitterMs);
      const dueAt = this.fifoDue(`${frame.id}|${channel}`, this.now() + latency);
      this.queue.schedule(dueAt, () => {
        if (!canReceive(frame)) return;
        let reached = false;
        for (const record of records) {
          if (!record.active && !options.ignoreUnsubscribe) continue;
          reached = true;
          this.invoke(record.handler, args());
        }
        if (reached) options.onDelivered?.();
      });
    }
  }

  /** Settles a promise app code holds (e.g. `waitForClose`) in its own task. */
  settleLater(run: () => void): void {
    this.queue.schedule(this.now() + this.options.eventLatencyMs, run);
  }

  /** Calls app code; its errors (sync or async) are recorded, never thrown into the board. */
  invoke(handler: Listener, args: unknown[]): void {
    try {
      const result = (handler as (...a: unknown[]) => unknown)(...args);
      if (isThenable(result)) result.then(undefined, (error) => this.handlerErrors.push(error));
    } catch (error) {
      this.handlerErrors.push(error);
    }
  }

  private fifoDue(channel: string, wanted: number): number {
    const dueAt = Math.max(wanted, this.channelDue.get(channel) ?? Number.NEGATIVE_INFINITY);
    this.channelDue.set(channel, dueAt);
    return dueAt;
  }
}

export const tabFrames = (tab: TabState): FrameState[] =>
  [tab.headless, tab.panel].filter((frame): frame is FrameState => frame !== null);

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { then?: unknown }).then === 'function';
