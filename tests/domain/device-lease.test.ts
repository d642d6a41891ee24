import { describe, expect, it } from 'vitest';
import {
  expiresAt,
  LEASE_EXPIRY_MS,
  leaseFor,
  MAX_EPOCH_AHEAD,
  nextEpoch,
  outranks,
  seenAgo,
  standing,
} from '../../src/domain/device-lease';
import { type Lease, parseLease } from '../../src/domain/stored/lease';

const lease = (fields: Partial<Lease> = {}): Lease => ({
  schema: 1,
  holder: 'fran',
  device: 'laptop',
  epoch: 1,
  beat: 0,
  ...fields,
});

describe('the stored lease', () => {
  it('is read only when every field is valid, and extra fields are dropped', () => {
    expect(parseLease({ ...lease(), extra: 'x' })).toEqual(lease());
    expect(parseLease(undefined)).toBeNull();
    expect(parseLease({ ...lease(), epoch: -1 })).toBeNull();
    expect(parseLease({ ...lease(), device: '' })).toBeNull();
    expect(parseLease({ ...lease(), schema: 2 })).toBeNull();
    expect(parseLease('lease')).toBeNull();
  });
});

describe('leaseFor', () => {
  it('means something only to the holder’s own devices, and not far ahead of the plan', () => {
    expect(leaseFor(lease(), 'fran', 0)).toEqual(lease());
    expect(leaseFor(lease(), 'jonas', 0)).toBeNull();
    expect(leaseFor(lease({ epoch: MAX_EPOCH_AHEAD }), 'fran', 0)).not.toBeNull();
    expect(leaseFor(lease({ epoch: MAX_EPOCH_AHEAD + 1 }), 'fran', 0)).toBeNull();
    expect(leaseFor(null, 'fran', 0)).toBeNull();
  });
});

describe('standing', () => {
  const seen = { lease: lease(), changedAt: 1_000 };
  it('is free without a lease and mine when it names this device', () => {
    expect(standing({ lease: null, changedAt: 0 }, 'phone', 5_000, null)).toBe('free');
    expect(standing(seen, 'laptop', 1_000_000, 0)).toBe('mine');
  });
  it('takes this device’s own lease behind the plan’s epoch for the device that wrote the plan: a late beat of its own', () => {
    const epoch = seen.lease.epoch;
    expect(standing(seen, 'laptop', 1_000 + LEASE_EXPIRY_MS - 1, 0, epoch + 1)).toBe('other');
    expect(standing(seen, 'laptop', 1_000 + LEASE_EXPIRY_MS, 0, epoch + 1)).toBe('expired');
    expect(standing(seen, 'laptop', 1_000, 0, epoch)).toBe('mine');
  });
  it('waits for another device for ever while rooms do not run (it does not beat then)', () => {
    expect(standing(seen, 'phone', 10_000_000, null)).toBe('other');
  });
  it('expires the other device once it has not changed for the expiry, by this device’s clock, while rooms run', () => {
    expect(standing(seen, 'phone', 1_000 + LEASE_EXPIRY_MS - 1, 0)).toBe('other');
    expect(standing(seen, 'phone', 1_000 + LEASE_EXPIRY_MS, 0)).toBe('expired');
    // Rooms began to run after the last beat was seen: the expiry counts from then.
    expect(standing(seen, 'phone', 1_000 + LEASE_EXPIRY_MS, 5_000)).toBe('other');
    expect(expiresAt(seen, 5_000)).toBe(5_000 + LEASE_EXPIRY_MS);
    expect(expiresAt(seen, null)).toBeNull();
  });
});

describe('epochs', () => {
  it('a device taking the lease goes above every epoch it knows', () => {
    expect(nextEpoch()).toBe(1);
    expect(nextEpoch(3, 0, 7)).toBe(8);
  });
  it('a higher epoch of another device stops this one; at the same epoch the greater device id keeps it', () => {
    expect(outranks(lease({ epoch: 2 }), { epoch: 1, device: 'phone' })).toBe(true);
    expect(outranks(lease({ epoch: 1 }), { epoch: 2, device: 'phone' })).toBe(false);
    expect(outranks(lease({ epoch: 2, device: 'b' }), { epoch: 2, device: 'a' })).toBe(true);
    expect(outranks(lease({ epoch: 2, device: 'a' }), { epoch: 2, device: 'b' })).toBe(false);
    expect(outranks(lease({ epoch: 9, device: 'a' }), { epoch: 2, device: 'a' })).toBe(false);
  });
  it('says how long ago the other device was seen', () => {
    expect(seenAgo(5_400, 1_000)).toBe('4 s');
    expect(seenAgo(1_000 + 119_000, 1_000)).toBe('119 s');
    expect(seenAgo(1_000 + 180_000, 1_000)).toBe('3 min');
    expect(seenAgo(0, 1_000)).toBe('0 s');
  });
});
