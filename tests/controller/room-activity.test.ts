import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACTIVITY_POLL_MS } from '../../src/controller/room-activity';
import { CHECK_SESSION_NAME } from '../../src/controller/sessions-check';
import { PLAN_COLLECTION, type Plan } from '../../src/domain/plan';
import { roomActivity } from '../../src/domain/rooms/activity';
import { plainTextOf } from '../../src/domain/rooms/item-text';
import { ROOMS_ACTIVITY_KEY, readRoomsActivity } from '../../src/domain/rooms/stored';
import { NO_SESSIONS_MESSAGE } from '../../src/sdk/no-sessions';
import { isFrame } from '../../src/sdk/surface';
import type { SimOptions } from '../../src/simulator/api';
import { createWorkshop, type Member, type Workshop } from '../support/workshop';
import { answer, expectOk, planBreakout, storedPlan } from './plan-breakout';

afterEach(() => {
  vi.useRealTimers();
});

const MIN = 60_000;

async function running(sim: Partial<SimOptions> = {}) {
  const w = await createWorkshop({ participants: 4, rooms: 2, sim });
  await planBreakout(w);
  expectOk(await w.run(w.facilitator.headless.facilitator.handle({ type: 'start' })));
  for (const member of w.participants) answer(w, member, 'accepted');
  await w.flush();
  return w;
}

const roomOf = (w: Workshop, index: number) => storedPlan(w).rooms[index] as Plan['rooms'][number];
const joinedIn = (w: Workshop, roomId: string) =>
  storedPlan(w).people.filter((p) => p.roomId === roomId && p.status === 'joined').length;
const memberIn = (w: Workshop, roomId: string) =>
  w.participants.find(
    (m) => storedPlan(w).people.find((p) => p.id === m.user.id)?.roomId === roomId,
  ) as Member;

/** A participant draws a note in their room's frame. */
function draw(w: Workshop, roomIndex: number, text: string) {
  const room = roomOf(w, roomIndex);
  w.sim.addItems(
    [
      {
        type: 'sticky_note',
        content: `<p>${text}</p>`,
        x: room.frame.x,
        y: room.frame.y,
        parentId: room.frameId,
      },
    ],
    { by: memberIn(w, room.id).user.id },
  );
}

const viewOf = (w: Workshop, roomIndex: number) => {
  const work = w.facilitator.headless.rooms.work().activity;
  if (!work) throw new Error('no activity');
  const room = roomOf(w, roomIndex);
  return roomActivity(work.snapshot, room.id, joinedIn(w, room.id), Date.now(), work.quietAfterMs);
};

describe('room activity', () => {
  for (const itemEventRecipients of ['everyone', 'own-tabs', 'none'] as const) {
    it(`counts what is added in each room and when it last changed (I1 ${itemEventRecipients})`, async () => {
      const w = await running({ itemEventRecipients });
      draw(w, 0, 'one');
      draw(w, 0, 'two');
      await w.advance(ACTIVITY_POLL_MS + 1_000);
      expect(viewOf(w, 0)).toMatchObject({ recentItems: 2, added: 2 });
      expect(viewOf(w, 0).lastChangeAt).not.toBeNull();
      expect(viewOf(w, 1)).toMatchObject({ recentItems: 0, added: 0, lastChangeAt: null });
    });
  }

  it('hears of a change at once where Miro sends item events to the facilitator (I1 default)', async () => {
    const w = await running();
    await w.advance(1_000);
    draw(w, 1, 'fast');
    await w.advance(1_000);
    expect(viewOf(w, 1).recentItems).toBe(1);
  });

  it('costs at most 2 calls a minute for any number of rooms', async () => {
    const w = await running();
    await w.advance(2 * MIN);
    const before = w.facilitator.meter.snapshot().calls['board.get'] ?? 0;
    for (let i = 0; i < 10; i++) {
      draw(w, i % 2, `n${i}`);
      await w.advance(MIN);
    }
    const after = w.facilitator.meter.snapshot().calls['board.get'] ?? 0;
    expect(after - before).toBeLessThanOrEqual(2 * 10);
  });

  it('keeps the totals of each room for the summary after the end (items added, time active)', async () => {
    const w = await running();
    draw(w, 0, 'a');
    await w.advance(2 * MIN);
    draw(w, 0, 'b');
    await w.advance(MIN);
    expectOk(await w.run(w.facilitator.headless.facilitator.handle({ type: 'end' })));
    await w.flush();
    await w.advance(5_000);
    const stored = readRoomsActivity(w.sim.storageValue(PLAN_COLLECTION, ROOMS_ACTIVITY_KEY));
    if (!stored.ok) throw new Error(stored.problem);
    const first = stored.value.rooms.find(([roomId]) => roomId === roomOf(w, 0).id);
    expect(first?.[1]).toBe(2);
    expect(first?.[3]).toBe(2);
    expect(viewOf(w, 0)).toMatchObject({ added: 2, activeMinutes: 2 });
  });
});

describe('quiet room', () => {
  it('a room with people and no change for 5 minutes is quiet; a change wakes it', async () => {
    const w = await running();
    draw(w, 1, 'busy');
    await w.advance(4 * MIN);
    expect(viewOf(w, 0).quiet).toBe(false);
    await w.advance(1.5 * MIN);
    expect(viewOf(w, 0).quiet).toBe(true);
    draw(w, 0, 'awake');
    await w.advance(ACTIVITY_POLL_MS);
    expect(viewOf(w, 0).quiet).toBe(false);
  });

  it('the quiet time is the facilitator’s to set, and kept', async () => {
    const w = await running();
    expectOk(
      await w.run(w.facilitator.headless.rooms.handle({ type: 'setQuietAfter', minutes: 2 })),
    );
    await w.advance(2.5 * MIN);
    expect(viewOf(w, 0).quiet).toBe(true);
    const stored = readRoomsActivity(w.sim.storageValue(PLAN_COLLECTION, ROOMS_ACTIVITY_KEY));
    expect(stored.ok && stored.value.quietAfterMs).toBe(2 * MIN);
  });
});

describe('harvest', () => {
  async function ended() {
    const w = await running();
    draw(w, 0, 'First idea');
    draw(w, 0, 'Second idea');
    const room = roomOf(w, 0);
    w.sim.addItems([
      { type: 'connector', x: room.frame.x, y: room.frame.y, parentId: room.frameId },
    ]);
    draw(w, 1, 'Risky');
    expectOk(await w.run(w.facilitator.headless.facilitator.handle({ type: 'end' })));
    await w.flush();
    return w;
  }
  const gather = async (w: Workshop) => {
    expectOk(await w.run(w.facilitator.headless.rooms.handle({ type: 'gatherResults' })));
    await w.run(w.facilitator.headless.rooms.jobs.idle());
  };
  const harvestFrames = (w: Workshop) =>
    w.sim
      .items()
      .filter(isFrame)
      .filter((frame) => /^Results/.test(frame.title));
  const wordsIn = (w: Workshop, frameId: string) =>
    w.sim
      .items()
      .filter((item) => item.parentId === frameId)
      .sort((a, b) => a.x - b.x || a.y - b.y)
      .map((item) => plainTextOf('content' in item ? item.content : ''));

  it('gathers each room into a column of a new frame beside the main area, with what stayed behind', async () => {
    const w = await ended();
    await gather(w);
    const [results] = harvestFrames(w);
    if (!results) throw new Error('no harvest frame');
    expect(results.x - results.width / 2).toBeGreaterThan(w.main.x + w.main.width / 2);
    expect(wordsIn(w, results.id)).toEqual([
      roomOf(w, 0).name,
      'First idea',
      'Second idea',
      '1 other item stayed in the room',
      roomOf(w, 1).name,
      'Risky',
    ]);
    expect(w.facilitator.headless.rooms.jobs.progress()).toMatchObject({
      type: 'harvest',
      state: 'done',
    });
  });

  it('running it twice makes a second harvest, never a mixed one', async () => {
    const w = await ended();
    await gather(w);
    await gather(w);
    const [first, second] = harvestFrames(w);
    if (!first || !second) throw new Error('expected two harvest frames');
    expect([first.title, second.title]).toEqual(['Results', 'Results 2']);
    expect(wordsIn(w, second.id)).toEqual(wordsIn(w, first.id));
    const overlap =
      Math.abs(first.x - second.x) < (first.width + second.width) / 2 &&
      Math.abs(first.y - second.y) < (first.height + second.height) / 2;
    expect(overlap).toBe(false);
  });

  it('is refused before the end', async () => {
    const w = await running();
    expect(await w.run(w.facilitator.headless.rooms.handle({ type: 'gatherResults' }))).toEqual({
      ok: false,
      message: 'Results are gathered after the end.',
    });
  });
});

describe('a board without sessions', () => {
  it('missing: the app runs, and says so before anyone plans', async () => {
    const w = await createWorkshop({
      participants: 1,
      rooms: 1,
      sim: { sessionsOffered: 'missing' },
    });
    expect(w.facilitator.headless.rooms.work().sessions).toEqual({
      state: 'missing',
      message: NO_SESSIONS_MESSAGE,
    });
  });

  it('refused: one check says so in words, and leaves no session behind', async () => {
    const w = await createWorkshop({
      participants: 1,
      rooms: 1,
      sim: { sessionsOffered: 'refused' },
    });
    await w.run(w.facilitator.headless.rooms.handle({ type: 'checkSessions' }));
    const offer = w.facilitator.headless.rooms.work().sessions;
    expect(offer.state).toBe('refused');
    expect(w.sim.sessions()).toEqual([]);
    expect('message' in offer && offer.message).toMatch(/would not start a collaboration session/);
  });

  it('offered: the check starts one session and ends it at once', async () => {
    const w = await createWorkshop({ participants: 1, rooms: 1 });
    await w.run(w.facilitator.headless.rooms.handle({ type: 'checkSessions' }));
    expect(w.facilitator.headless.rooms.work().sessions).toEqual({ state: 'offered' });
    expect(w.sim.sessions().map((s) => [s.name, s.ended])).toEqual([[CHECK_SESSION_NAME, true]]);
  });
});
