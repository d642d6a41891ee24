/**
 * The rules of the device lease (stored/lease.ts): which of the facilitator's devices runs the
 * breakout, when a waiting device may take over, and at which epoch. Pure: the controller
 * (controller/device-lease.ts) reads and writes the lease and keeps the clock.
 */

import type { Lease } from './stored/lease';

/**
 * While rooms run and another device of the facilitator's waits, the device holding the lease
 * writes it this often: one `set`, 50 credits, 300 credits a minute (0.3 % of the minute's
 * 100,000; miro-sdk.md 4.1), delivered only to the apps that follow the lease: the facilitator's
 * own. With no device waiting, or while rooms do not run, there is no heartbeat at all: a single
 * device pays nothing, and its plan writes never queue behind a lease write.
 */
export const LEASE_HEARTBEAT_MS = 10_000;
/** A waiting device that saw the lease unchanged this long while rooms run takes over: 3 beats. */
export const LEASE_EXPIRY_MS = 3 * LEASE_HEARTBEAT_MS;
/**
 * A waiting device asks for the heartbeat this often while rooms run (a broadcast, 50 credits):
 * broadcasts can be lost, so an expiry window holds at least one more ask.
 */
export const ASK_EVERY_MS = LEASE_EXPIRY_MS / 3;
/** The holder beats for this long after an ask: past the next two. */
export const BEAT_AFTER_ASK_MS = 2 * ASK_EVERY_MS + LEASE_HEARTBEAT_MS;
/**
 * A lease more epochs ahead of the plan than this is void: a device adds one to what it saw. A
 * forged far epoch would otherwise leave the facilitator's devices nothing to outbid it with.
 */
export const MAX_EPOCH_AHEAD = 100;

/** Where this device stands, from the lease it last saw and when it saw that lease change. */
export type Standing =
  /** No lease of this user's: whichever device of theirs writes first holds it. */
  | 'free'
  | 'mine'
  /** Another device of this user's holds it and may still run: this one waits. */
  | 'other'
  /** Another device held it but has not beaten for LEASE_EXPIRY_MS while rooms ran. */
  | 'expired';

export type Seen = {
  lease: Lease | null;
  /** When this device saw the lease become what it is (its own clock). */
  changedAt: number;
};

/**
 * The lease as far as this user's devices are concerned: null when it names someone else (a
 * participant's take-over leaves their own) or is far ahead of the plan's epoch.
 */
export function leaseFor(lease: Lease | null, userId: string, planEpoch: number): Lease | null {
  if (!lease || lease.holder !== userId) return null;
  return lease.epoch - planEpoch > MAX_EPOCH_AHEAD ? null : lease;
}

/**
 * `runningSince`: since when this device saw rooms run (null while they do not): only then does
 * the holder beat, so only then can its silence mean it has gone. Time is this device's own,
 * from when it saw the value change: nothing in the value says when it was written.
 * `planEpoch`: the epoch of the plan this device holds. This device's own lease behind it is not
 * its own any more: a beat it sent before it lost the lease, landed over the lease of the device
 * that took over (whose plan carries the higher epoch); that device runs the breakout.
 */
export function standing(
  seen: Seen,
  device: string,
  now: number,
  runningSince: number | null,
  planEpoch = 0,
): Standing {
  const { lease } = seen;
  if (!lease) return 'free';
  if (lease.device === device && lease.epoch >= planEpoch) return 'mine';
  if (runningSince === null) return 'other';
  return now - Math.max(seen.changedAt, runningSince) >= LEASE_EXPIRY_MS ? 'expired' : 'other';
}

/** When a waiting device takes over by itself, on its own clock (null while rooms do not run). */
export function expiresAt(seen: Seen, runningSince: number | null): number | null {
  return runningSince === null ? null : Math.max(seen.changedAt, runningSince) + LEASE_EXPIRY_MS;
}

/** The epoch of a device that takes the lease: above every epoch it knows of. */
export const nextEpoch = (...known: number[]): number => Math.max(0, ...known) + 1;

/**
 * Whether another device's lease stops this one: a higher epoch, or the same epoch taken by two
 * devices in one moment (the greater device id keeps it, on both, so exactly one goes on).
 */
export const outranks = (other: Lease, mine: { epoch: number; device: string }): boolean =>
  other.device !== mine.device &&
  (other.epoch > mine.epoch || (other.epoch === mine.epoch && other.device > mine.device));

/** "seen 4 s ago", "seen 3 min ago": how long ago this device saw the other one beat. */
export function seenAgo(now: number, changedAt: number): string {
  const seconds = Math.max(0, Math.round((now - changedAt) / 1000));
  return seconds < 120 ? `${seconds} s` : `${Math.floor(seconds / 60)} min`;
}
