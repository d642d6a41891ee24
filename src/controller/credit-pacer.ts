import { creditsOf, PER_HOUR_CREDITS, PER_MINUTE_CREDITS } from '../sdk/credits';

const MINUTE = 60_000;
const HOUR = 3_600_000;

export type Budget = { perMinute: number; perHour: number };

/**
 * Long jobs (copying a template into 50 rooms, a harvest) may spend at most half of the
 * facilitator's credits (miro-sdk.md 4.1: 100,000 a minute, 1,000,000 an hour, per user and
 * app), so whatever else the app does meanwhile (a start, admitting people) still has room.
 * Counted over any 60 s and any hour, which keeps every one of Miro's fixed windows within it.
 */
export const JOB_BUDGET: Budget = {
  perMinute: PER_MINUTE_CREDITS / 2,
  perHour: PER_HOUR_CREDITS / 2,
};

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    globalThis.setTimeout(resolve, ms);
  });

export class CreditPacer {
  private readonly spent: Array<{ at: number; credits: number }> = [];
  private heldUntil = 0;

  constructor(
    private readonly budget: Budget = JOB_BUDGET,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Runs `call` (one SDK call of `method`) once the budget allows its credits. */
  async call<T>(method: string, call: () => Promise<T>): Promise<T> {
    await this.take(creditsOf(method));
    return call();
  }

  /** After Miro said the limit is reached: nothing goes out for `ms`. */
  holdFor(ms: number): void {
    this.heldUntil = Math.max(this.heldUntil, this.now() + ms);
  }

  private async take(credits: number): Promise<void> {
    for (;;) {
      const now = this.now();
      if (now < this.heldUntil) {
        await sleep(this.heldUntil - now);
        continue;
      }
      while (this.spent.length > 0 && (this.spent[0]?.at ?? now) <= now - HOUR) this.spent.shift();
      const wait = Math.max(
        this.waitFor(credits, now, MINUTE, this.budget.perMinute),
        this.waitFor(credits, now, HOUR, this.budget.perHour),
      );
      if (wait <= 0) {
        this.spent.push({ at: now, credits });
        return;
      }
      await sleep(wait);
    }
  }

  /** How long until `credits` more fit in the window ending now; 0 when they fit. */
  private waitFor(credits: number, now: number, window: number, limit: number): number {
    const inWindow = this.spent.filter((entry) => entry.at > now - window);
    // More than the whole budget at once goes alone, once the window is empty.
    if (inWindow.length === 0) return 0;
    let used = inWindow.reduce((sum, entry) => sum + entry.credits, 0);
    if (used + credits <= limit) return 0;
    for (const entry of inWindow) {
      used -= entry.credits;
      if (used + credits <= limit) return entry.at + window - now;
    }
    return (inWindow.at(-1)?.at ?? now) + window - now;
  }
}
