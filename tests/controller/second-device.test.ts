import { afterEach, expect, it, vi } from 'vitest';
import { WAITS_FOR_OTHER_DEVICE } from '../../src/controller/device-lease';
import { JUMP_CONFIRM_MS } from '../../src/controller/plan-reader';
import { LEASE_EXPIRY_MS, LEASE_HEARTBEAT_MS } from '../../src/domain/device-lease';
import { PLAN_COLLECTION, PLAN_KEY, type Plan } from '../../src/domain/plan';
import { LEASE_KEY, type Lease, parseLease } from '../../src/domain/stored/lease';
import { planInStorage } from '../support/stored-plan';
import { createWorkshop, type Member, type Workshop } from '../support/workshop';
import { answer, expectOk, participantAt, planBreakout, statusOf } from './plan-breakout';

afterEach(() => {
  vi.useRealTimers();
});

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
  const read = planInStorage(w.sim);
  return read.status === 'ok' ? read.plan : null;
};
const runs = (member: Member) => member.headless.facilitator.isFacilitator();
const waitingNotice = (member: Member) => member.headless.facilitator.currentNotice().otherDevice;
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
  expect(lease(w)).toMatchObject({ holder: first.user.id, epoch: 1 });
  expect(stored(w)?.epoch).toBe(1);
  const seenAt = waitingNotice(second)?.seenAt ?? Number.NaN;
  expect(Date.now() - seenAt).toBeLessThan(LEASE_HEARTBEAT_MS);

  answer(w, participantAt(w, 0), 'accepted');
  await w.flush();
  await w.advance(LEASE_EXPIRY_MS * 2);
  // The first device heard the join and wrote it; its heartbeat kept the second one waiting,
  // and the second saw each beat (its notice says so).
  expect(statusOf(second.headless.reader.plan(), participantAt(w, 0))).toBe('joined');
  expect(second.headless.writer.writeCount()).toBe(0);
  expect(runs(second)).toBe(false);
  expect(Date.now() - (waitingNotice(second)?.seenAt ?? 0)).toBeLessThanOrEqual(LEASE_HEARTBEAT_MS);
  // A command from the waiting device's panel is refused with the reason, and changes nothing.
  const refused = await w.run(second.headless.command({ type: 'announce', text: 'Hello' }));
  expect(refused).toEqual({ ok: false, message: WAITS_FOR_OTHER_DEVICE });
  expect(stored(w)?.facilitation.announcements).toEqual([]);
});

it('second device: takes over by itself once the first device’s app has stopped for the expiry, picks up the rooms and ends on time', async () => {
  const { w, first, second } = await runningOnFirstDevice();
  const epochs = epochsStored(w);
  first.headless.stop();
  first.tab.close();
  await w.advance(LEASE_EXPIRY_MS - LEASE_HEARTBEAT_MS);
  expect(runs(second)).toBe(false);
  await w.advance(LEASE_HEARTBEAT_MS * 2);
  expect(runs(second)).toBe(true);
  expect(waitingNotice(second)).toBeNull();
  expect(lease(w)).toMatchObject({ holder: second.user.id, epoch: 2 });

  answer(w, participantAt(w, 1), 'accepted');
  await w.flush();
  expect(statusOf(stored(w), participantAt(w, 1))).toBe('joined');
  const endsAt = stored(w)?.endsAt ?? 0;
  await w.advance(endsAt - Date.now() + 1);
  expect(stored(w)?.phase).toBe('ended');
  expect(w.sim.sessions().every((session) => session.ended)).toBe(true);
  expect(epochs).toEqual([2]);
});

it('second device: "Run it here" takes over at the next epoch, and the first device stops writing at once and waits', async () => {
  const { w, first, second } = await runningOnFirstDevice();
  const firstApp = first.headless;
  const epochs = epochsStored(w);
  expectOk(await w.run(second.headless.command({ type: 'runHere' })));
  expect(runs(second)).toBe(true);
  expect(lease(w)).toMatchObject({ holder: second.user.id, epoch: 2 });
  await w.settle();
  // The first device's app stepped down: the fresh one in its tab waits for the second.
  const firstNow = w.facilitator.headless;
  expect(firstNow).not.toBe(firstApp);
  expect(runs(w.facilitator)).toBe(false);
  expect(waitingNotice(w.facilitator)).not.toBeNull();

  const writesOfFirst = firstApp.writer.writeCount();
  answer(w, participantAt(w, 0), 'accepted');
  await w.flush();
  expect(statusOf(stored(w), participantAt(w, 0))).toBe('joined');
  expect(firstApp.writer.writeCount()).toBe(writesOfFirst);
  expect(firstNow.writer.writeCount()).toBe(0);
  expectOk(await w.run(second.headless.command({ type: 'announce', text: 'From the laptop' })));
  expect(firstNow.reader.plan()?.facilitation.announcements.map((a) => a.text)).toEqual([
    'From the laptop',
  ]);
  // Only epoch 2 was stored since: no write of the first device landed between.
  expect(epochs).toEqual([2]);

  // And back: the first device takes it again, one epoch further on.
  expectOk(await w.run(w.facilitator.headless.command({ type: 'runHere' })));
  await w.settle();
  expect(runs(w.facilitator)).toBe(true);
  expect(lease(w)).toMatchObject({ holder: first.user.id, epoch: 3 });
  expect(stored(w)?.epoch).toBe(3);
});

it('second device: a reload of the device that runs the breakout runs it again at once, and the other device goes on waiting', async () => {
  const { w, first, second } = await runningOnFirstDevice();
  first.headless.stop();
  first.tab.close();
  await w.advance(LEASE_EXPIRY_MS / 2);
  // The same browser (its localStorage): the tab opened again.
  const reloaded = await w.join(first.user);
  expect(runs(reloaded)).toBe(true);
  expect(waitingNotice(reloaded)).toBeFalsy();
  answer(w, participantAt(w, 0), 'accepted');
  await w.flush();
  expect(statusOf(stored(w), participantAt(w, 0))).toBe('joined');
  await w.advance(LEASE_EXPIRY_MS * 2);
  expect(runs(second)).toBe(false);
  expect(second.headless.writer.writeCount()).toBe(0);
  expect(stored(w)?.epoch).toBe(1);
});

it('second device: a plan with a higher epoch and no lease behind it is a forgery: the running device goes on and puts its plan back', async () => {
  const { w, first, second } = await runningOnFirstDevice();
  const held = stored(w) as Plan;
  const forged = { ...held, epoch: held.epoch + 1, revision: held.revision + 1, people: [] };
  w.sim.writeStorage(PLAN_COLLECTION, PLAN_KEY, forged);
  await w.advance(2 * LEASE_HEARTBEAT_MS);
  expect(runs(first)).toBe(true);
  expect(runs(second)).toBe(false);
  expect(stored(w)?.people).toHaveLength(held.people.length);
  expect(stored(w)?.epoch).toBe(1);
  answer(w, participantAt(w, 0), 'accepted');
  await w.flush();
  expect(statusOf(stored(w), participantAt(w, 0))).toBe('joined');
});

it('second device: a forged lease makes the running device step down and wait; nothing ends, and "Run it here" takes it back', async () => {
  const { w, second } = await runningOnFirstDevice();
  second.headless.stop();
  second.tab.close();
  const forged: Lease = {
    schema: 1,
    holder: w.facilitator.user.id,
    device: 'forged',
    epoch: 2,
    beat: 1,
  };
  w.sim.writeStorage(PLAN_COLLECTION, LEASE_KEY, forged);
  await w.settle();
  expect(runs(w.facilitator)).toBe(false);
  expect(waitingNotice(w.facilitator)).not.toBeNull();
  expect(w.sim.sessions().some((session) => session.ended)).toBe(false);
  expect(stored(w)?.phase).toBe('running');

  expectOk(await w.run(w.facilitator.headless.command({ type: 'runHere' })));
  expect(runs(w.facilitator)).toBe(true);
  expect(lease(w)).toMatchObject({ device: expect.not.stringMatching('forged'), epoch: 3 });
  answer(w, participantAt(w, 0), 'accepted');
  await w.flush();
  expect(statusOf(stored(w), participantAt(w, 0))).toBe('joined');
  expect(w.sim.sessions().some((session) => session.ended)).toBe(false);
});

/** The first device writes a plan whose notification the second device never gets. */
async function unheardByTheSecond(w: Workshop, first: Member, second: Member): Promise<void> {
  w.sim.setOptions({ dropStorageNotification: 1 });
  expectOk(await w.run(first.headless.command({ type: 'announce', text: 'Unheard' })));
  w.sim.setOptions({ dropStorageNotification: 0 });
  expect(second.headless.reader.plan()?.facilitation.announcements).toEqual([]);
}
const announced = (w: Workshop) => stored(w)?.facilitation.announcements.map((a) => a.text);

it('second device: taking over once the lease expired, it reads the plan first and keeps what the first device wrote last (fault run seed 50)', async () => {
  const { w, first, second } = await runningOnFirstDevice();
  await unheardByTheSecond(w, first, second);
  first.headless.stop();
  await w.advance(LEASE_EXPIRY_MS + LEASE_HEARTBEAT_MS);
  expect(runs(second)).toBe(true);
  expect(stored(w)?.epoch).toBe(2);
  expect(announced(w)).toEqual(['Unheard']);
});

it('second device: "Run it here" reads the plan first and keeps what the first device wrote last', async () => {
  const { w, first, second } = await runningOnFirstDevice();
  await unheardByTheSecond(w, first, second);
  expectOk(await w.run(second.headless.command({ type: 'runHere' })));
  await w.settle();
  expect(stored(w)?.epoch).toBe(2);
  expect(announced(w)).toEqual(['Unheard']);
});

it('second device: a beat of the first device that lands after the take-over, unheard, does not let the first device run again at its old epoch (fault run seed 72)', async () => {
  const { w, first, second } = await runningOnFirstDevice();
  const beforeTakeOver = lease(w) as Lease;
  expectOk(await w.run(second.headless.command({ type: 'runHere' })));
  await w.settle();
  // The first device's beat, sent before it heard of the take-over, lands last; nobody hears it.
  w.sim.setOptions({ dropStorageNotification: 1 });
  w.sim.writeStorage(PLAN_COLLECTION, LEASE_KEY, { ...beforeTakeOver, beat: 9 });
  w.sim.setOptions({ dropStorageNotification: 0 });
  w.facilitator.headless.stop();
  first.tab.close();
  const reopened = await w.join(first.user);
  const epochs = epochsStored(w);
  expect(runs(reopened)).toBe(false);
  expect(runs(second)).toBe(true);
  answer(w, participantAt(w, 0), 'accepted');
  await w.flush();
  await w.advance(LEASE_EXPIRY_MS);
  expect(statusOf(stored(w), participantAt(w, 0))).toBe('joined');
  expect(runs(reopened)).toBe(false);
  expect(epochs).toEqual([2]);
});

it('second device: opened while a forged "ended" stands over the running rooms, it does not take the breakout on it, and the first device puts its plan back (fault run seed 910063)', async () => {
  const w = await createWorkshop({ sim: { invitationTimeoutMs: null } });
  await planBreakout(w);
  expectOk(await w.run(w.facilitator.headless.command({ type: 'start' })));
  const held = stored(w) as Plan;
  // The first device misses the forgery's notification: its guard read finds it within 5 s.
  w.sim.setOptions({ dropStorageNotification: 1 });
  w.sim.writeStorage(PLAN_COLLECTION, PLAN_KEY, {
    ...held,
    revision: held.revision + 3,
    phase: 'ended',
    endedAt: held.startedAt,
  });
  w.sim.setOptions({ dropStorageNotification: 0 });
  const laptop = await w.join(w.facilitator.user, 'laptop');
  await w.advance(JUMP_CONFIRM_MS * 2);
  expect(runs(w.facilitator)).toBe(true);
  expect(runs(laptop)).toBe(false);
  expect(stored(w)).toMatchObject({ phase: 'running', epoch: 1 });
  expect(lease(w)?.epoch).toBe(1);
});

it('second device: while rooms do not run, the device opened last runs the breakout after a confirming read, and the one that lost it waits for "Run it here"', async () => {
  const w = await createWorkshop();
  await planBreakout(w);
  const laptop = await w.join(w.facilitator.user, 'laptop');
  await w.advance(JUMP_CONFIRM_MS * 2);
  expect(runs(laptop)).toBe(true);
  expect(runs(w.facilitator)).toBe(false);
  // The first device's fresh app knows it lost the lease: it does not take it back by itself.
  await w.advance(JUMP_CONFIRM_MS * 4);
  expect(runs(laptop)).toBe(true);
  expect(runs(w.facilitator)).toBe(false);
  expect(lease(w)).toMatchObject({ epoch: 2 });
});
