/**
 * The device lease (its own key next to the plan): which of the facilitator's devices (browsers)
 * runs the breakout. Tabs of one browser share a Web Lock (controller/tab-lease.ts); devices share
 * nothing but storage, so the one that runs says so here and keeps saying it (the heartbeat).
 * Anyone running the app can write this key, so it is read as untrusted like the plan, and only
 * a lease naming the plan's facilitator means anything (controller/device-lease.ts).
 */

import * as v from 'valibot';
import { encodeStored, id, isRecord, readStored, record, timestamp, wholeNumber } from './valid';

export const LEASE_KEY = 'lease';

export const LeaseSchema = record({
  schema: v.literal(1),
  /** The user the device runs the breakout for: the plan's facilitator, or the lease is void. */
  holder: id(),
  /** A random id kept in the browser's localStorage, shared by its tabs. */
  device: id(),
  /** One more at every take-over by another device; every plan write carries it. */
  epoch: wholeNumber(),
  /** When the holder last said it still runs (its own clock: only shown, never compared). */
  heartbeatAt: timestamp(),
});

export type Lease = v.InferOutput<typeof LeaseSchema>;

/** The lease in storage, or null when there is none or it cannot be read (either way: no lease). */
export function parseLease(raw: unknown): Lease | null {
  if (!isRecord(raw)) return null;
  const read = readStored(LeaseSchema, raw);
  return read.ok ? read.value : null;
}

export const encodeLease = (lease: Lease): Lease => encodeStored(LeaseSchema, lease);
