import { OFFLINE_TAKE_OVER_MS } from '../domain/co-facilitation';

/**
 * A take-over pressed while this app was cut off lands in storage after the taker's own call
 * latency and retries: one that arrives this long after this app got through again is still
 * believed as made while it was away.
 */
export const TAKE_OVER_IN_FLIGHT_MS = 30_000;

/**
 * How long Miro answered none of this app's reads: the facilitator's own side of the offline
 * clause of the take-over rule (domain/co-facilitation.ts). Its own presence cannot tell, since a
 * client whose network drops hears no change of Miro's online users and sees itself online before
 * and after; but everyone else saw it gone as long as its reads went unanswered. That is counted
 * from when the last read Miro answered was sent (its answer may come after the drop began), so
 * it is never shorter than the drop. The facilitator's app reads the plan every few seconds while
 * rooms run (GUARD_READ_MS), so that is what it tracks.
 */
export class CutOff {
  /** When the latest read Miro answered was sent (the app read the plan as it started). */
  private lastAnswer: number;
  /** `lastAnswer` when a read went unanswered, while none has been answered since. */
  private since: number | null = null;
  private last: { from: number; to: number } | null = null;

  constructor(private readonly now: () => number) {
    this.lastAnswer = now();
  }

  /** One read of this app's: answered, or not. */
  async track<T>(read: () => Promise<T>): Promise<T> {
    const sent = this.now();
    try {
      const value = await read();
      if (this.since !== null) this.last = { from: this.since, to: this.now() };
      this.since = null;
      this.lastAnswer = Math.max(this.lastAnswer, sent);
      return value;
    } catch (error) {
      this.since ??= this.lastAnswer;
      throw error;
    }
  }

  /**
   * Since when others have seen this app gone, as the take-over rule counts it (TakeOverFacts
   * `offlineSince`): while it is cut off, and for a take-over still in flight once it got
   * through, as long as the cut lasted. Null otherwise.
   */
  awaySince(): number | null {
    if (this.since !== null) return this.since;
    const now = this.now();
    if (this.last && now - this.last.to <= TAKE_OVER_IN_FLIGHT_MS)
      return now - (this.last.to - this.last.from);
    return null;
  }

  /**
   * Cut off long enough for anyone to have taken over, and nothing read since: storage may name
   * someone else, so the plan is read before anything is written over it.
   */
  mustReadFirst(): boolean {
    return this.since !== null && this.now() - this.since >= OFFLINE_TAKE_OVER_MS;
  }
}
