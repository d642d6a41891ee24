import type { Counters, SdkMethod } from './api';

type Window = { start: number; used: number };
type Account = { minute: Window; hour: Window };

const MINUTE = 60_000;
const HOUR = 3_600_000;

export type Charge = { allowed: boolean; overLimit: boolean };

/**
 * Credit ledger per (user, app) with fixed windows (miro-sdk.md 4.1): a window opens with the
 * first charge after the previous one expired, and all its credits come back when it ends.
 * Also keeps the call/credit counters of `SimBoard.counters()`.
 */
export class Ledger {
  private accounts = new Map<string, Account>();
  private counters: Counters = emptyCounters();

  /**
   * Records one call. With `enforce`, an over-budget call is refused and charges nothing;
   * otherwise it is charged and only reported as rate-limited.
   */
  charge(
    userId: string,
    method: SdkMethod,
    credits: number,
    now: number,
    limits: { perMinute: number; perHour: number; enforce: boolean },
  ): Charge {
    const perUser = this.counters.calls[userId] ?? {};
    this.counters.calls[userId] = perUser;
    perUser[method] = (perUser[method] ?? 0) + 1;
    if (credits === 0) return { allowed: true, overLimit: false };
    const account = this.account(userId, now);
    const overLimit =
      account.minute.used + credits > limits.perMinute ||
      account.hour.used + credits > limits.perHour;
    if (overLimit) {
      this.counters.rateLimited[userId] = (this.counters.rateLimited[userId] ?? 0) + 1;
      if (limits.enforce) return { allowed: false, overLimit };
    }
    account.minute.used += credits;
    account.hour.used += credits;
    this.counters.credits[userId] = (this.counters.credits[userId] ?? 0) + credits;
    const peak = this.counters.peakCreditsPerMinute[userId] ?? 0;
    this.counters.peakCreditsPerMinute[userId] = Math.max(peak, account.minute.used);
    return { allowed: true, overLimit };
  }

  recordStorageWrite(bytes: number): void {
    this.counters.storageWrites += 1;
    this.counters.storageBytes += bytes;
    this.counters.maxStoredValueBytes = Math.max(this.counters.maxStoredValueBytes, bytes);
  }

  /** One storage value reached one app iframe. */
  recordStorageDelivery(bytes: number): void {
    this.counters.storageDeliveries += 1;
    this.counters.storageBytesDelivered += bytes;
  }

  recordBroadcast(): void {
    this.counters.broadcasts += 1;
  }

  snapshot(): Counters {
    return structuredCloneCounters(this.counters);
  }

  /** Clears counters and credit windows alike, so a benchmark phase starts from zero. */
  reset(): void {
    this.counters = emptyCounters();
    this.accounts.clear();
  }

  private account(userId: string, now: number): Account {
    let account = this.accounts.get(userId);
    if (!account) {
      account = { minute: { start: now, used: 0 }, hour: { start: now, used: 0 } };
      this.accounts.set(userId, account);
    }
    if (now >= account.minute.start + MINUTE) account.minute = { start: now, used: 0 };
    if (now >= account.hour.start + HOUR) account.hour = { start: now, used: 0 };
    return account;
  }
}

const emptyCounters = (): Counters => ({
  calls: {},
  credits: {},
  peakCreditsPerMinute: {},
  rateLimited: {},
  storageWrites: 0,
  storageBytes: 0,
  maxStoredValueBytes: 0,
  storageBytesDelivered: 0,
  storageDeliveries: 0,
  broadcasts: 0,
});

const structuredCloneCounters = (c: Counters): Counters => JSON.parse(JSON.stringify(c));
