/**
 * The device lease (its own key next to the plan): which of the facilitator's devices (browsers)
 * runs the breakout. Tabs of one browser share a Web Lock (controller/tab-lease.ts); devices share
 * nothing but storage, so the device that runs says so here, and keeps saying it while rooms run
 * (the heartbeat: `beat` goes up). Every write of it reaches every app that follows the key, so it
 * is a few dozen bytes and carries no time: readers time it by their own clock, from when they
 * saw it change (domain/device-lease.ts). Anyone running the app can write this key, so it is
 * read as untrusted like the plan.
 */

import * as v from 'valibot';
import { encodeStored, id, isRecord, readStored, record, wholeNumber } from './valid';

export const LEASE_KEY = 'lease';

export const LeaseSchema = record({
  schema: v.literal(1),
  /** The user the device runs the breakout for: it means something only to their own devices. */
  holder: id(),
  /** A random id kept in the browser's localStorage, shared by its tabs and reloads. */
  device: id(),
  /** One more at every change of device; every plan write of the holder carries it. */
  epoch: wholeNumber(),
  /** One more at every heartbeat, so the value changes and readers see the holder alive. */
  beat: wholeNumber(),
});

export type Lease = v.InferOutput<typeof LeaseSchema>;

/** The lease in storage, or null when there is none or it cannot be read (either way: no lease). */
export function parseLease(raw: unknown): Lease | null {
  if (!isRecord(raw)) return null;
  const read = readStored(LeaseSchema, raw);
  return read.ok ? read.value : null;
}

export const encodeLease = (lease: Lease): Lease => encodeStored(LeaseSchema, lease);
