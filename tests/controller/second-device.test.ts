import { afterEach, expect, it, vi } from 'vitest';
import {
  LEASE_EXPIRY_MS,
  LEASE_HEARTBEAT_MS,
  TAKEOVER_FENCE_MS,
} from '../../src/controller/device-lease';
import { PLAN_COLLECTION, PLAN_KEY, type Plan } from '../../src/domain/plan';
import { LEASE_KEY, type Lease, parseLease } from '../../src/domain/stored/lease';
import { parsePlan } from '../../src/domain/stored/plan-v1';
import { createWorkshop, type Member, type Workshop } from '../support/workshop';
import { answer, expectOk, planBreakout } from './plan-breakout';

afterEach(() => {
  vi.useRealTimers();
});

const WAITING = /^Your other device runs the breakout, seen \d+ s ago\./;

/** A breakout running from the facilitator's first device, and their second device opened. */
async function runningOnFirstDevice() {
  // Invitations wait to be answered while the devices hand over (C2's 30 s would lapse first).
  const w = await createWorkshop({ sim: { invitationTimeoutMs: null } });
  await planBreakout(w);
  expectOk(await w.run(w.facilitator.headless.command({ type: 'start' })));
  const second = await w.join(w.facilitator.user, 'laptop');
  return { w, first: w.facilitator, second };
}

const lease = (w: Workshop): Lease | null =>
  parseLease(w.sim.storageValue(PLAN_COLLECTION, LEASE_KEY));
const stored = (w: Workshop): Plan | null => {
  const read = parsePlan(w.sim.storageValue(PLAN_COLLECTION, PLAN_KEY));
  return read.status === 'ok' ? read.plan : null;
};
const runs = (member: Member) => member.headless.facilitator.isFacilitator();
const problemOf = (member: Member) => member.headless.facilitator.currentNotice().problem;
const statusOf = (plan: Plan | null, member: Member) =>
  plan?.people.find((person) => person.id === member.user.id)?.status;

const participant = (w: Workshop, index: number) => {
  const member = w.participants[index];
  if (!member) throw new Error(`no participant ${index}`);
  return member;
};

/** Every epoch the stored plan carried, in the order storage held them. */
function epochsStored(w: Workshop): number[] {
  const epochs: number[] = [];
  w.sim.subscribe((change) => {
    if (change.kind !== 'storage' || change.key !== PLAN_KEY) return;
    const plan = stored(w);
    if (plan && plan.epoch !== epochs.at(-1)) epochs.push(plan.epoch);
  });
  return epochs;
}

it('second device: waits while the first device runs the breakout, says when it last saw it, and writes nothing', async () => {
  const { w, first, second } = await runningOnFirstDevice();
  expect(runs(first)).toBe(true);
  expect(runs(second)).toBe(false);
  expect(problemOf(second)).toMatch(WAITING);
  expect(lease(w)).toMatchObject({ holder: first.user.id, epoch: 1 });
  expect(stored(w)?.epoch).toBe(1);

  answer(w, participant(w, 0), 'accepted');
  await w.flush();
  await w.advance(LEASE_EXPIRY_MS * 2);
  // The first device heard the join and wrote it; its heartbeat kept the second one waiting.
  expect(statusOf(second.headless.reader.plan(), participant(w, 0))).toBe('joined');
  expect(second.headless.writer.writeCount()).toBe(0);
  expect(runs(second)).toBe(false);
  expect(problemOf(second)).toMatch(WAITING);
  // A command from the waiting device's panel is refused with the reason, and changes nothing.
  const refused = await w.run(second.headless.command({ type: 'announce', text: 'Hello' }));
  expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(WAITING) });
  expect(stored(w)?.facilitation.announcements).toEqual([]);
});

it('second device: takes over by itself once the first device has not been seen for the expiry, picks up the rooms and ends on time', async () => {
  const { w, first, second } = await runningOnFirstDevice();
  const epochs = epochsStored(w);
  first.headless.stop();
  first.tab.close();
  await w.advance(LEASE_EXPIRY_MS - LEASE_HEARTBEAT_MS);
  expect(runs(second)).toBe(false);
  await w.advance(LEASE_HEARTBEAT_MS * 2);
  expect(runs(second)).toBe(true);
  expect(problemOf(second)).toBeNull();
  expect(lease(w)).toMatchObject({ holder: second.user.id, epoch: 2 });

  answer(w, participant(w, 1), 'accepted');
  await w.flush();
  expect(statusOf(stored(w), participant(w, 1))).toBe('joined');
  expect(stored(w)?.epoch).toBe(2);
  const endsAt = stored(w)?.endsAt ?? 0;
  await w.advance(endsAt - Date.now() + 1);
  expect(stored(w)?.phase).toBe('ended');
  expect(w.sim.sessions().every((session) => session.ended)).toBe(true);
  expect(epochs).toEqual([2]);
});

it('second device: "Run it here" takes over with epoch + 1; the first device stops writing at once, waits, and never writes between', async () => {
  const { w, first, second } = await runningOnFirstDevice();
  const firstApp = first.headless;
  const epochs = epochsStored(w);
  expectOk(await w.run(second.headless.command({ type: 'runHere' })));
  await w.advance(TAKEOVER_FENCE_MS + 1_000);
  expect(runs(second)).toBe(true);
  expect(lease(w)).toMatchObject({ epoch: 2 });
  // The first device's app stepped down: the fresh one in its tab waits for the second.
  const firstNow = w.facilitator.headless;
  expect(firstNow).not.toBe(firstApp);
  expect(runs(w.facilitator)).toBe(false);
  expect(problemOf(w.facilitator)).toMatch(WAITING);

  answer(w, participant(w, 0), 'accepted');
  await w.flush();
  expect(statusOf(stored(w), participant(w, 0))).toBe('joined');
  expect(firstNow.writer.writeCount()).toBe(0);
  expectOk(await w.run(second.headless.command({ type: 'announce', text: 'From the laptop' })));
  expect(stored(w)?.epoch).toBe(2);
  expect(firstNow.reader.plan()?.facilitation.announcements.map((a) => a.text)).toEqual([
    'From the laptop',
  ]);
  // Only epoch 2 was written since: no write of the first device landed between.
  expect(epochs.every((epoch) => epoch === 2)).toBe(true);

  // And back: the first device takes it again, one epoch further on.
  expectOk(await w.run(w.facilitator.headless.command({ type: 'runHere' })));
  await w.advance(TAKEOVER_FENCE_MS + 1_000);
  expect(runs(w.facilitator)).toBe(true);
  expect(lease(w)).toMatchObject({ epoch: 3 });
});

it('second device: a plan with a higher epoch stops the writer until the lease is read; with no lease behind it, it is a forgery and is put back', async () => {
  const { w, first } = await runningOnFirstDevice();
  const held = stored(w) as Plan;
  const forged = { ...held, epoch: held.epoch + 1, revision: held.revision + 1, people: [] };
  w.sim.writeStorage(PLAN_COLLECTION, PLAN_KEY, forged);
  await w.advance(2_000);
  expect(runs(first)).toBe(true);
  expect(stored(w)?.people).toHaveLength(held.people.length);
  expect(stored(w)?.epoch).toBe(1);
});

it('second device: a forged lease naming another device stops the facilitator writing; nothing ends, and "Run it here" takes it back', async () => {
  const { w, first, second } = await runningOnFirstDevice();
  second.headless.stop();
  second.tab.close();
  const forged: Lease = {
    schema: 1,
    holder: first.user.id,
    device: 'forged-device',
    epoch: 2,
    heartbeatAt: Date.now(),
  };
  w.sim.writeStorage(PLAN_COLLECTION, LEASE_KEY, forged);
  await w.settle();
  expect(runs(w.facilitator)).toBe(false);
  expect(problemOf(w.facilitator)).toMatch(WAITING);
  expect(w.sim.sessions().some((session) => session.ended)).toBe(false);
  expect(stored(w)?.phase).toBe('running');

  expectOk(await w.run(w.facilitator.headless.command({ type: 'runHere' })));
  await w.advance(TAKEOVER_FENCE_MS + 1_000);
  expect(runs(w.facilitator)).toBe(true);
  expect(lease(w)).toMatchObject({ epoch: 3 });
  answer(w, participant(w, 0), 'accepted');
  await w.flush();
  expect(statusOf(stored(w), participant(w, 0))).toBe('joined');
  expect(w.sim.sessions().some((session) => session.ended)).toBe(false);
});

it('second device: the running device spends 2 calls per heartbeat on its lease, 600 credits a minute', async () => {
  const { w, first } = await runningOnFirstDevice();
  await w.advance(LEASE_HEARTBEAT_MS);
  const before = first.meter.snapshot().calls;
  // Short of a minute: the 5 s guard reads then fall 12 times, whatever the start.
  await w.advance(60_000 - 1);
  const after = first.meter.snapshot().calls;
  const storageCalls = (calls: Record<string, number>) =>
    (calls['storage.get'] ?? 0) + (calls['storage.set'] ?? 0);
  // The plan's guard reads run too (GUARD_READ_MS): 12 a minute of them while running.
  const guardReads = 60_000 / 5_000;
  expect(storageCalls(after) - storageCalls(before) - guardReads).toBe(
    (2 * 60_000) / LEASE_HEARTBEAT_MS,
  );
});
