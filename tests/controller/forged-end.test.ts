import { afterEach, describe, expect, it, vi } from 'vitest';
import { STALE_PLAN_MS } from '../../src/controller/participant';
import { JUMP_CONFIRM_MS } from '../../src/controller/plan-reader';
import { END_NOTIFICATION } from '../../src/controller/return-to-main';
import { PLAN_COLLECTION, PLAN_KEY, type Plan } from '../../src/domain/plan';
import { encodePlan, parsePlan } from '../../src/domain/stored/plan-v1';
import type { Json } from '../../src/sdk/surface';
import type { Member, Workshop } from '../support/workshop';
import { everyoneAccepted, expectOk, isLookingAt } from './plan-breakout';

/**
 * A forged plan a participant's app believed must not keep it from the real end: Miro ending
 * their room is the truth nobody can forge, and whatever they hold, they are brought back then.
 */

afterEach(() => {
  vi.useRealTimers();
});

async function everyoneInTheirRoom(): Promise<{ w: Workshop; plan: Plan }> {
  const { w, plan } = await everyoneAccepted(3);
  for (const member of w.participants)
    expect(isLookingAt(w, member, roomOf(plan, member))).toBe(true);
  return { w, plan };
}

function roomOf(plan: Plan, member: Member) {
  const roomId = plan.people.find((person) => person.id === member.user.id)?.roomId;
  const room = plan.rooms.find((candidate) => candidate.id === roomId);
  if (!room) throw new Error('no room');
  return room.frame;
}

const write = (w: Workshop, value: unknown) =>
  w.sim.writeStorage(PLAN_COLLECTION, PLAN_KEY, value as Json);

/** Every plan notification sent from now on is lost (S3): only reads and Miro's events get through. */
const loseNotifications = (w: Workshop) => w.sim.setOptions({ dropStorageNotification: 1 });

async function endAndExpectEveryoneBack(w: Workshop) {
  expectOk(await w.run(w.facilitator.headless.facilitator.handle({ type: 'end' })));
  await w.advance(60_000);
  await w.flush();
  for (const member of w.participants) {
    expect(isLookingAt(w, member, w.main)).toBe(true);
    expect(w.sim.notifications(member.user.id).map((n) => n.message)).toContain(END_NOTIFICATION);
  }
}

describe('a forged plan, then the real end', () => {
  it('"ended" with an old end time, its restore and the real end unheard: back at the real end', async () => {
    const { w, plan } = await everyoneInTheirRoom();
    // Long enough after the start that no app is still waiting for a plan naming its new room.
    await w.advance(STALE_PLAN_MS);
    write(
      w,
      encodePlan({
        ...plan,
        revision: plan.revision + 3,
        phase: 'ended',
        endedAt: plan.startedAt,
        rooms: plan.rooms.map((room) => ({ ...room, sessionId: null })),
      }),
    );
    // Its notifications are on their way; nothing the participants hear after it says otherwise.
    loseNotifications(w);
    await w.settle();
    for (const member of w.participants) expect(member.headless.reader.plan()?.phase).toBe('ended');
    // Miro still runs every room: nobody moved, until long past the forged plan's end time.
    await w.advance(150_000);
    for (const member of w.participants)
      expect(isLookingAt(w, member, roomOf(plan, member))).toBe(true);
    await endAndExpectEveryoneBack(w);
  });

  it('of a higher revision, gone from storage before the facilitator’s app saw it: back at the real end', async () => {
    const { w, plan } = await everyoneInTheirRoom();
    const own = w.sim.storageValue(PLAN_COLLECTION, PLAN_KEY);
    // The facilitator's app hears nothing meanwhile, and its write already on the way lands
    // over the forgery: storage holds its plan again, the participants the forged one.
    w.sim.setOnline(w.facilitator.user.id, false);
    write(w, encodePlan({ ...plan, revision: plan.revision + 7 }));
    write(w, own);
    await w.advance(1_000);
    w.sim.setOnline(w.facilitator.user.id, true);
    await w.settle();
    for (const member of w.participants) {
      expect(member.headless.reader.plan()?.revision).toBe(plan.revision + 7);
    }
    // Going on below the forged revision: the readers take it once it still stands.
    await w.advance(JUMP_CONFIRM_MS);
    for (const member of w.participants) {
      expect(member.headless.reader.plan()?.revision).toBe(plan.revision);
    }
    loseNotifications(w);
    await endAndExpectEveryoneBack(w);
  });

  it('seen by the facilitator’s app, which closed before putting it back: the reopened app writes above it', async () => {
    const { w, plan } = await everyoneInTheirRoom();
    const own = w.sim.storageValue(PLAN_COLLECTION, PLAN_KEY);
    const forged = plan.revision + 7;
    w.sim.setOptions({ failureRate: { 'storage.set': 1 } });
    write(w, encodePlan({ ...plan, revision: forged }));
    await w.settle();
    // Its restore could not go out; the app closes, and its last write lands over the forgery.
    w.facilitator.headless.stop();
    w.facilitator.tab.close();
    write(w, own);
    w.sim.setOptions({ failureRate: {} });
    await w.join(w.facilitator.user);
    await w.settle();
    const stored = parsePlan(w.sim.storageValue(PLAN_COLLECTION, PLAN_KEY));
    expect(stored.status === 'ok' && stored.plan.revision).toBeGreaterThan(forged);
    // At once, not only after the readers' wait for a plan below the one they hold.
    for (const member of w.participants) {
      expect(member.headless.reader.plan()?.revision).toBeGreaterThan(forged);
    }
  });
});
