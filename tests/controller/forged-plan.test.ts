import { afterEach, describe, expect, it, vi } from 'vitest';
import { RESTORED_NOTIFICATION } from '../../src/controller/headless';
import { MAX_REVISION_JUMP } from '../../src/controller/plan-reader';
import { layoutOf } from '../../src/domain/layout';
import { PLAN_COLLECTION, PLAN_KEY, type Plan } from '../../src/domain/plan';
import { encodePlan, parsePlan } from '../../src/domain/stored/plan-v1';
import type { Json } from '../../src/sdk/surface';
import type { Member, Workshop } from '../support/workshop';
import { everyoneAccepted, expectOk, isLookingAt, personOf } from './plan-breakout';

/**
 * A participant's modified client writes the plan key itself (storage names no writer). The
 * facilitator's app knows what it wrote: anything else is put back at once and the facilitator is
 * told; no app acts on it meanwhile in a way Miro does not confirm, and a reload of the
 * facilitator's app ends nothing because of it.
 */

afterEach(() => {
  vi.useRealTimers();
});

const running = () => everyoneAccepted(4);

const stored = (w: Workshop) => parsePlan(w.sim.storageValue(PLAN_COLLECTION, PLAN_KEY));
const forge = (w: Workshop, value: unknown, key = PLAN_KEY) =>
  w.sim.writeStorage(PLAN_COLLECTION, key, value as Json);
const liveSessions = (w: Workshop) => w.sim.sessions().filter((session) => !session.ended);
const memberships = (w: Workshop) =>
  liveSessions(w)
    .flatMap((session) => session.memberIds.map((id) => `${session.id}:${id}`))
    .sort();

/** Within 2 s the stored value is the facilitator's running plan again, and they were told. */
async function expectRestored(w: Workshop, plan: Plan) {
  await w.advance(2_000);
  const now = stored(w);
  expect(now.status).toBe('ok');
  if (now.status !== 'ok') return;
  expect(now.plan.phase).toBe('running');
  expect(now.plan.runId).toBe(plan.runId);
  expect(now.plan.people).toEqual(plan.people);
  expect(w.sim.notifications(w.facilitator.user.id).map((n) => n.message)).toContain(
    RESTORED_NOTIFICATION,
  );
}

/** The plan further on, with `member` moved to another room: what a forger would write. */
function movedOut(plan: Plan, member: Member): Plan {
  const own = plan.people.find((person) => person.id === member.user.id)?.roomId;
  const other = plan.rooms.find((room) => room.id !== own);
  return {
    ...plan,
    revision: plan.revision + 50,
    people: plan.people.map((person) =>
      person.id === member.user.id
        ? { ...person, roomId: other?.id ?? null, status: 'assigned' }
        : person,
    ),
  };
}

function roomFrameOf(plan: Plan, member: Member) {
  const roomId = plan.people.find((person) => person.id === member.user.id)?.roomId;
  const room = plan.rooms.find((candidate) => candidate.id === roomId);
  if (!room) throw new Error('no room');
  return room.frame;
}

describe('forged plan', () => {
  it('with the facilitator’s id and a higher revision moving someone out: nobody leaves, it is put back', async () => {
    const { w, plan } = await running();
    const before = memberships(w);
    const [ada] = w.participants;
    if (!ada) throw new Error('participant missing');
    forge(w, encodePlan(movedOut(plan, ada)));
    await expectRestored(w, plan);
    await w.advance(30_000);
    await w.flush();
    expect(memberships(w)).toEqual(before);
    expect(w.sim.invitations(ada.user.id)).toHaveLength(0);
    expect(w.facilitator.headless.reader.plan()?.people).toEqual(plan.people);
  });

  it('in the multi-key layout (every value and a control value naming them) moving someone out: nobody leaves, it is put back', async () => {
    const { w, plan } = await running();
    const before = memberships(w);
    const [ada] = w.participants;
    if (!ada) throw new Error('participant missing');
    const forged = layoutOf(movedOut(plan, ada), null);
    // As the app would write it: the values first, then the control value that lists them.
    for (const [key, value] of forged.values) forge(w, value, key);
    forge(w, forged.control);
    await expectRestored(w, plan);
    await w.advance(30_000);
    await w.flush();
    expect(memberships(w)).toEqual(before);
    expect(w.sim.invitations(ada.user.id)).toHaveLength(0);
    for (const member of [w.facilitator, ...w.participants]) {
      expect(member.headless.reader.plan()?.people, member.user.name).toEqual(plan.people);
    }
  });

  it('saying "ended": nobody is sent back, every session and the timer keep running', async () => {
    const { w, plan } = await running();
    const before = memberships(w);
    forge(
      w,
      encodePlan({
        ...plan,
        revision: plan.revision + 1,
        phase: 'ended',
        endedAt: Date.now(),
        rooms: plan.rooms.map((room) => ({ ...room, sessionId: null })),
      }),
    );
    await expectRestored(w, plan);
    await w.advance(30_000);
    await w.flush();
    expect(memberships(w)).toEqual(before);
    expect(liveSessions(w)).toHaveLength(plan.rooms.length);
    expect(w.sim.timer().status).toBe('STARTED');
    for (const member of w.participants) {
      expect(isLookingAt(w, member, roomFrameOf(plan, member))).toBe(true);
      expect(w.sim.notifications(member.user.id).map((n) => n.message)).not.toContain(
        'The breakout has ended. You are back in the main area.',
      );
    }
  });

  it('an older plan written over the running one is put back, and a reload ends no live session', async () => {
    const { w, plan } = await running();
    const older = encodePlan({
      ...plan,
      revision: 1,
      phase: 'planning',
      startedAt: null,
      endsAt: null,
      rooms: plan.rooms.map((room) => ({ ...room, sessionId: null })),
      people: plan.people.map((person) => ({ ...person, status: 'assigned' })),
    });
    forge(w, older);
    await expectRestored(w, plan);
    // Written over again while the facilitator's app is closed, then it reloads.
    w.facilitator.headless.stop();
    w.facilitator.tab.close();
    forge(w, older);
    const again = await w.join(w.facilitator.user);
    await w.advance(30_000);
    await w.flush();
    expect(liveSessions(w)).toHaveLength(plan.rooms.length);
    expect(again.headless.reader.plan()?.phase).toBe('running');
    const now = stored(w);
    expect(now.status === 'ok' && now.plan.phase).toBe('running');
  });

  it('of a future version or damaged: put back, nobody read-only', async () => {
    const { w, plan } = await running();
    forge(w, { ...plan, schema: 99, revision: plan.revision + 1 });
    await expectRestored(w, plan);
    forge(w, { schema: 1, rooms: 'nonsense' });
    await expectRestored(w, plan);
    for (const member of [w.facilitator, ...w.participants]) {
      expect(member.headless.reader.current().status).toBe('ok');
    }
  });

  it('claiming the highest revision is not believed, and the real plan still gets through', async () => {
    const { w, plan } = await running();
    forge(
      w,
      encodePlan({ ...plan, revision: plan.revision + MAX_REVISION_JUMP + 1, phase: 'ended' }),
    );
    await expectRestored(w, plan);
    expectOk(
      await w.run(w.facilitator.headless.facilitator.handle({ type: 'announce', text: 'Hello' })),
    );
    await w.flush();
    for (const member of w.participants) {
      expect(member.headless.reader.plan()?.facilitation.announcements.at(-1)?.text).toBe('Hello');
    }
  });
});

describe('what the facilitator’s app keeps of forged plans for the panel', () => {
  /** The plan's key written by a participant's own app, as a modified client would. */
  const writeAs = (w: Workshop, member: Member, value: unknown) =>
    w.run(member.board.storage.collection(PLAN_COLLECTION).set(PLAN_KEY, value as Json));
  const overwrites = (w: Workshop) => w.facilitator.headless.facilitator.currentNotice().overwrites;
  /** A time the facilitator's app saw a value written at `at`: as soon as storage delivered it. */
  const soonAfter = (at: number) =>
    expect.toSatisfy((seen: number) => seen >= at && seen - at < 100);

  it('says what kind each was, how often since when, and forgets them once dismissed', async () => {
    const { w, plan } = await running();
    const [ada] = w.participants;
    if (!ada) throw new Error('participant missing');
    expect(overwrites(w)).toBeNull();

    const firstAt = Date.now();
    await writeAs(w, ada, encodePlan({ ...plan, revision: plan.revision + 50 }));
    await expectRestored(w, plan);
    expect(overwrites(w)).toEqual({
      kinds: ['later'],
      count: 1,
      firstAt: soonAfter(firstAt),
      lastAt: soonAfter(firstAt),
    });

    await w.advance(60_000);
    await writeAs(w, ada, { ...plan, schema: 99, revision: plan.revision + 1 });
    await w.advance(2_000);
    await writeAs(w, ada, { schema: 1, rooms: 'nonsense' });
    await w.advance(2_000);
    await writeAs(w, ada, encodePlan({ ...plan, revision: 1, phase: 'planning' }));
    await w.advance(2_000);
    await writeAs(
      w,
      ada,
      encodePlan({ ...plan, revision: plan.revision + 60, facilitator: personOf(ada) }),
    );
    await w.advance(2_000);
    const lastAt = Date.now();
    await w.run(ada.board.storage.collection(PLAN_COLLECTION).remove(PLAN_KEY));
    await expectRestored(w, plan);
    expect(overwrites(w)).toEqual({
      kinds: ['later', 'future', 'damaged', 'older', 'other facilitator', 'removed'],
      count: 6,
      firstAt: soonAfter(firstAt),
      lastAt: soonAfter(lastAt),
    });

    expect(await w.run(w.facilitator.headless.command({ type: 'dismissOverwrites' }))).toEqual({
      ok: true,
      plan: null,
    });
    expect(overwrites(w)).toBeNull();
    await writeAs(w, ada, encodePlan({ ...plan, revision: plan.revision + 70 }));
    await expectRestored(w, plan);
    expect(overwrites(w)).toMatchObject({ kinds: ['later'], count: 1 });
  });
});
