import type { TimerInstance } from '../sdk/surface';
import { conflict, forbidden, invalid } from './errors';
import type { Hub } from './hub';
import { canReceive } from './model';
import { topics } from './subscriptions';

type TimerEventName = 'start' | 'update' | 'finish';

/**
 * The board's one built-in timer (miro-sdk.md 2.6, T1–T5). It counts down on the simulator's
 * clock, so fake timers drive it; `finish` fires when it reaches zero.
 */
export class BoardTimer {
  private status: TimerInstance['status'] = 'STOPPED';
  private totalDuration = 0;
  /** Rest at `resumedAt` while STARTED; the frozen rest otherwise. */
  private rest = 0;
  private resumedAt = 0;
  private finishHandle: unknown = null;
  private tickHandle: unknown = null;

  constructor(private readonly hub: Hub) {}

  state(): TimerInstance {
    const restDuration =
      this.status === 'STARTED'
        ? Math.max(0, this.rest - (this.hub.now() - this.resumedAt))
        : this.rest;
    return { restDuration, status: this.status, totalDuration: this.totalDuration };
  }

  /** T4: without the entitlement every timer method fails. */
  assertEntitled(): void {
    if (!this.hub.options.timerEntitled) {
      throw forbidden('The timer is not available on this board plan');
    }
  }

  start(duration: number): TimerInstance {
    this.assertEntitled();
    assertDuration(duration);
    if (this.status !== 'STOPPED' && !this.hub.options.timerStartRestarts) {
      throw conflict('The timer is already running');
    }
    this.totalDuration = duration;
    this.run(duration);
    return this.changed('start');
  }

  stop(): TimerInstance {
    this.assertEntitled();
    if (this.status === 'STOPPED') return this.state();
    this.halt();
    this.status = 'STOPPED';
    this.rest = 0;
    if (this.hub.options.timerStoppedTotal === 'zero') this.totalDuration = 0;
    const stopped = this.changed('update');
    if (this.hub.options.timerFinishOnStop) this.emit('finish');
    return stopped;
  }

  pause(): TimerInstance {
    this.assertEntitled();
    if (this.status !== 'STARTED') throw conflict('The timer is not running');
    this.rest = this.state().restDuration;
    this.halt();
    this.status = 'PAUSED';
    return this.changed('update');
  }

  resume(): TimerInstance {
    this.assertEntitled();
    if (this.status !== 'PAUSED') throw conflict('The timer is not paused');
    this.run(this.rest);
    return this.changed('update');
  }

  prolong(duration: number): TimerInstance {
    this.assertEntitled();
    assertDuration(duration);
    if (this.status === 'STOPPED') throw conflict('The timer is not running');
    this.totalDuration += duration;
    if (this.status === 'STARTED') this.run(this.state().restDuration + duration);
    else this.rest += duration;
    return this.changed('update');
  }

  /** True while a countdown exists (started or paused): `start` would be refused (T3). */
  /** T6: whether a paused timer counts as started is undocumented. */
  isStarted(): boolean {
    this.assertEntitled();
    if (this.status === 'PAUSED') return this.hub.options.timerIsStartedWhilePaused;
    return this.status === 'STARTED';
  }

  private run(rest: number): void {
    this.halt();
    this.status = 'STARTED';
    this.rest = rest;
    this.resumedAt = this.hub.now();
    const clock = this.hub.clock;
    this.finishHandle = clock.setTimeout(() => this.finish(), rest);
    const tickMs = this.hub.options.timerTickMs;
    if (tickMs !== null && tickMs > 0) {
      const tick = () => {
        this.tickHandle = clock.setTimeout(tick, tickMs);
        this.emit('update');
      };
      this.tickHandle = clock.setTimeout(tick, tickMs);
    }
  }

  private halt(): void {
    const clock = this.hub.clock;
    if (this.finishHandle !== null) clock.clearTimeout(this.finishHandle);
    if (this.tickHandle !== null) clock.clearTimeout(this.tickHandle);
    this.finishHandle = null;
    this.tickHandle = null;
  }

  private finish(): void {
    this.halt();
    this.status = 'STOPPED';
    this.rest = 0;
    this.changed('finish');
  }

  private changed(event: TimerEventName): TimerInstance {
    this.hub.emit({ kind: 'timer' });
    this.emit(event);
    return this.state();
  }

  private emit(event: TimerEventName): void {
    const timer = this.state();
    for (const frame of this.hub.frames()) {
      if (!canReceive(frame)) continue;
      this.hub.deliver(frame, 'timer', frame.subs.active(topics.timer(event)), () => [
        { timer: { ...timer } },
      ]);
    }
  }
}

const assertDuration = (duration: number): void => {
  if (typeof duration !== 'number' || !Number.isFinite(duration) || duration <= 0) {
    throw invalid('Timer duration must be a number of ms greater than 0');
  }
};
