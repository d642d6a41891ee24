import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlanningCommand } from '../../src/controller/commands';
import { HISTORY_KEY } from '../../src/controller/history-store';
import { PICK_COALESCE_MS } from '../../src/controller/planning';
import { BROADCAST_EVENT } from '../../src/domain/messages';
import { PLAN_COLLECTION, type Rotation } from '../../src/domain/plan';
import { parseHistory } from '../../src/domain/planning/history';
import { roomPicked } from '../../src/domain/planning/room-picked-message';
import { planRotation } from '../../src/domain/planning/rotation';
import { createRandom } from '../../src/domain/random';
import { roomIdForFrame } from '../../src/domain/reduce-rooms';
import { isFrame } from '../../src/sdk/surface';
import { createWorkshop, type Member, type Workshop } from '../support/workshop';
import {
  answer,
  expectOk,
  isLookingAt,
  personOf,
  planBreakout,
  rectOf,
  storedPlan,
} from './plan-breakout';

afterEach(() => {
  vi.useRealTimers();
});

const control = (w: Workshop) => w.facilitator.headless.facilitator;
const planning = (w: Workshop, command: PlanningCommand) =>
  w.run(w.facilitator.headless.planning.handle(command));

/** Claims the board and adds the workshop's frames as rooms, nobody assigned. */
async function withRooms(w: Workshop) {
  expectOk(await w.run(control(w).handle({ type: 'claim' })));
  return expectOk(
    await w.run(
      control(w).handle({
        type: 'edit',
        actions: [
          { type: 'roomsAdded', frames: w.rooms },
          {
            type: 'mainAreaChosen',
            mainArea: { kind: 'frame', frameId: w.main.id, frame: rectOf(w.main) },
          },
        ],
      }),
    ),
  );
}

async function pick(w: Workshop, member: Member, roomId: string | null) {
  const runId = storedPlan(w).runId;
  await w.run(
    member.board.events.broadcast(BROADCAST_EVENT, roomPicked(runId, roomId, personOf(member))),
  );
}

const roomOfPerson = (w: Workshop, member: Member) =>
  storedPlan(w).people.find((person) => person.id === member.user.id)?.roomId ?? null;

describe('self-select', () => {
  it('takes validated picks up to the capacity, lets people change their mind, then places the rest evenly', async () => {
    const w = await createWorkshop({ participants: 5, rooms: 2 });
    await withRooms(w);
    const [ada, grace, alan, barbara, edsger] = w.participants as [
      Member,
      Member,
      Member,
      Member,
      Member,
    ];
    const [room1, room2] = w.rooms.map((frame) => roomIdForFrame(frame.id)) as [string, string];
    expectOk(await planning(w, { type: 'openSelfSelect', capacity: 3 }));
    expect(storedPlan(w).selfSelect).toEqual({ capacity: 3 });

    await pick(w, ada, room1);
    await pick(w, grace, room1);
    await pick(w, alan, room1);
    await pick(w, barbara, room1);
    await w.advance(PICK_COALESCE_MS);
    await w.flush();
    // Room 1 holds three: the fourth pick of it is refused.
    expect(storedPlan(w).people.filter((p) => p.roomId === room1)).toHaveLength(3);
    expect(roomOfPerson(w, barbara)).toBeNull();

    // A change of mind frees a place.
    await pick(w, ada, room2);
    await w.advance(PICK_COALESCE_MS);
    await pick(w, barbara, room1);
    await w.advance(PICK_COALESCE_MS);
    await w.flush();
    expect(roomOfPerson(w, ada)).toBe(room2);
    expect(roomOfPerson(w, barbara)).toBe(room1);

    // A pick for another run (an old or forged message) changes nothing.
    await w.run(
      edsger.board.events.broadcast(
        BROADCAST_EVENT,
        roomPicked('old-run', room1, personOf(edsger)),
      ),
    );
    await w.advance(PICK_COALESCE_MS);
    await w.flush();
    expect(roomOfPerson(w, edsger)).toBeNull();

    expectOk(await planning(w, { type: 'placeUnchosen', seed: 3 }));
    expect(roomOfPerson(w, edsger)).toBe(room2);
    // Writes stay with the facilitator: participants only broadcast.
    for (const member of w.participants) {
      expect(w.sim.counters().calls[member.user.id]?.['storage.set'] ?? 0).toBe(0);
    }
  });

  it('a pick that arrives while the start is under way waits for it: everyone is invited to the room the plan stores', async () => {
    // Calls take time, so the start is still opening rooms when the pick's batch falls due.
    const w = await createWorkshop({ participants: 2, rooms: 2, sim: { callLatencyMs: 100 } });
    await planBreakout(w);
    expectOk(await planning(w, { type: 'openSelfSelect', capacity: null }));
    const [ada] = w.participants as [Member];
    const before = roomOfPerson(w, ada);
    const other = storedPlan(w).rooms.find((room) => room.id !== before)?.id ?? null;
    await pick(w, ada, other);
    const starting = control(w).handle({ type: 'start' });
    await w.advance(PICK_COALESCE_MS);
    expectOk(await w.run(starting));
    await w.flush();
    const room = storedPlan(w).rooms.find((candidate) => candidate.id === roomOfPerson(w, ada));
    expect(w.sim.invitations(ada.user.id).map((invitation) => invitation.sessionId)).toEqual([
      room?.sessionId,
    ]);
  });

  it('picks arriving while a write of picks waits go with it, so Start is not left behind a queue of writes', async () => {
    // Slow calls (a write of the plan takes seconds) and 20 people changing their minds: a pick
    // every 300 ms, each its own coalescing window.
    const w = await createWorkshop({ participants: 20, rooms: 2, sim: { callLatencyMs: 1_000 } });
    await planBreakout(w);
    expectOk(await planning(w, { type: 'openSelfSelect', capacity: null }));
    const rooms = storedPlan(w).rooms.map((room) => room.id);
    const runId = storedPlan(w).runId;
    const picks = [0, 1, 2].flatMap((round) =>
      w.participants.map((member, index) => ({ member, roomId: rooms[(index + round) % 2] })),
    );
    picks.forEach(({ member, roomId }, index) => {
      const picked = roomPicked(runId, roomId ?? null, personOf(member));
      globalThis.setTimeout(
        () => void member.board.events.broadcast(BROADCAST_EVENT, picked),
        index * 300,
      );
    });
    // Start is pressed as the last pick arrives (a broadcast takes a call).
    await vi.advanceTimersByTimeAsync(picks.length * 300 + 1_000);
    let started = false;
    const starting = control(w).handle({ type: 'start' });
    void starting.then(() => {
      started = true;
    });
    let waited = 0;
    while (!started && waited < 300_000) {
      await vi.advanceTimersByTimeAsync(1_000);
      waited += 1_000;
    }
    expectOk(await starting);
    // A write for each window of picks kept Start waiting 37 s here (minutes in the fault runs).
    expect(waited).toBeLessThan(15_000);
    // Everyone is in the room of their last pick.
    w.participants.forEach((member, index) => {
      expect(roomOfPerson(w, member)).toBe(rooms[index % 2]);
    });
  });

  it('ignores picks once the breakout has started', async () => {
    const w = await createWorkshop({ participants: 2, rooms: 2 });
    await planBreakout(w);
    expectOk(await planning(w, { type: 'openSelfSelect', capacity: null }));
    expectOk(await w.run(control(w).handle({ type: 'start' })));
    const [ada] = w.participants as [Member];
    const before = roomOfPerson(w, ada);
    const other = storedPlan(w).rooms.find((room) => room.id !== before)?.id ?? null;
    await pick(w, ada, other);
    await w.advance(PICK_COALESCE_MS);
    await w.flush();
    expect(roomOfPerson(w, ada)).toBe(before);
  });
});

describe('pre-assignment', () => {
  it('places listed people who are online and invites a listed latecomer while it runs', async () => {
    const w = await createWorkshop({ participants: 2, rooms: 2 });
    await withRooms(w);
    const [ada, grace] = w.participants as [Member, Member];
    const [room1, room2] = w.rooms.map((frame) => roomIdForFrame(frame.id)) as [string, string];
    expectOk(
      await planning(w, {
        type: 'setPreAssignments',
        rows: [
          { name: ada.user.name.toUpperCase(), roomId: room2 },
          { name: grace.user.name, roomId: room1 },
          { name: 'Ken Late', roomId: room2 },
        ],
      }),
    );
    await w.flush();
    expect(roomOfPerson(w, ada)).toBe(room2);
    expect(roomOfPerson(w, grace)).toBe(room1);

    expectOk(await w.run(control(w).handle({ type: 'start' })));
    const ken = await w.join(w.sim.addUser({ name: 'Ken Late' }));
    await w.flush();
    await w.flush();
    expect(roomOfPerson(w, ken)).toBe(room2);
    const session = storedPlan(w).rooms.find((room) => room.id === room2)?.sessionId;
    expect(w.sim.invitations(ken.user.id).map((i) => i.sessionId)).toEqual([session]);
    // One invitation per latecomer, however often presence changes afterwards.
    w.sim.addUser({ name: 'Someone Else' });
    await w.flush();
    expect(w.sim.invitations(ken.user.id)).toHaveLength(1);
  });

  it('tries a listed latecomer’s failed invitation again after a wait, and invites them once', async () => {
    const w = await createWorkshop({ participants: 2, rooms: 2 });
    await withRooms(w);
    const [ada, grace] = w.participants as [Member, Member];
    const [room1, room2] = w.rooms.map((frame) => roomIdForFrame(frame.id)) as [string, string];
    expectOk(
      await planning(w, {
        type: 'setPreAssignments',
        rows: [
          { name: ada.user.name, roomId: room1 },
          { name: grace.user.name, roomId: room2 },
          { name: 'Ken Late', roomId: room2 },
        ],
      }),
    );
    await w.flush();
    expectOk(await w.run(control(w).handle({ type: 'start' })));
    const invites = () => w.sim.counters().calls[w.facilitator.user.id]?.['session.invite'] ?? 0;
    const atStart = invites();
    // Every invitation fails while Ken arrives (the seam's own retries included).
    w.sim.setOptions({ failureRate: { 'session.invite': 1 } });
    const ken = await w.join(w.sim.addUser({ name: 'Ken Late' }));
    await w.flush();
    expect(roomOfPerson(w, ken)).toBe(room2);
    expect(w.sim.invitations(ken.user.id)).toEqual([]);
    // A minute of failures: tried again after growing waits, not in a tight loop (each try is
    // the seam's 4 attempts; waits of 2, 4, 8, 16 and 30 s fit 6 tries in a minute).
    await w.advance(60_000);
    expect(w.sim.invitations(ken.user.id)).toEqual([]);
    expect(invites() - atStart).toBeGreaterThan(4);
    expect(invites() - atStart).toBeLessThanOrEqual(6 * 4);

    w.sim.setOptions({ failureRate: {} });
    await w.advance(30_000);
    await w.flush();
    const session = storedPlan(w).rooms.find((room) => room.id === room2)?.sessionId;
    expect(w.sim.invitations(ken.user.id).map((i) => i.sessionId)).toEqual([session]);
    expect(storedPlan(w).people.find((p) => p.id === ken.user.id)?.status).toBe('invited');
    // Invited once: later presence changes and waits send nothing more.
    const sent = invites();
    w.sim.addUser({ name: 'Someone Else' });
    await w.advance(60_000);
    await w.flush();
    expect(invites()).toBe(sent);
  });

  it('leaves a name shared by two people online for the facilitator', async () => {
    const w = await createWorkshop({ participants: 1, rooms: 1 });
    await withRooms(w);
    const twin1 = await w.join(w.sim.addUser({ name: 'Sam Twin' }));
    const twin2 = await w.join(w.sim.addUser({ name: 'Sam Twin' }));
    expectOk(
      await planning(w, {
        type: 'setPreAssignments',
        rows: [{ name: 'Sam Twin', roomId: roomIdForFrame(w.rooms[0]?.id ?? '') }],
      }),
    );
    await w.flush();
    expect(roomOfPerson(w, twin1)).toBeNull();
    expect(roomOfPerson(w, twin2)).toBeNull();
  });
});

describe('history', () => {
  it('records every breakout in its own key when it ends, and not while it runs', async () => {
    const w = await createWorkshop({ participants: 3, rooms: 2 });
    await planBreakout(w);
    expectOk(await w.run(control(w).handle({ type: 'start' })));
    await w.flush();
    const read = async () =>
      parseHistory(
        await w.run(w.facilitator.board.storage.collection(PLAN_COLLECTION).get(HISTORY_KEY)),
      );
    expect((await read()).status).toBe('empty');

    expectOk(await w.run(control(w).handle({ type: 'end' })));
    await w.flush();
    const ended = await read();
    if (ended.status !== 'ok') throw new Error('no history');
    expect(ended.history.entries).toHaveLength(1);
    const [entry] = ended.history.entries;
    expect(entry?.runId).toBe(storedPlan(w).runId);
    expect(entry?.startedAt).toBe(storedPlan(w).startedAt);
    expect(entry?.endedAt).toBe(storedPlan(w).endedAt);
    expect(entry?.rooms.flatMap((room) => room.people.map((p) => p.id)).sort()).toEqual(
      w.participants.map((m) => m.user.id).sort(),
    );
  });
});

describe('rotation rounds', () => {
  it('applies each round and starts it with one command', async () => {
    const w = await createWorkshop({ participants: 6, rooms: 2 });
    const plan = await withRooms(w);
    const people = w.participants.map(personOf);
    const result = planRotation({
      people: people.map((p) => p.id),
      roomCount: 2,
      rounds: 3,
      random: createRandom(5),
    });
    if (result.status !== 'ok') throw new Error(result.message);
    const index = new Map(people.map((p, i) => [p.id, i]));
    const rotation: Rotation = {
      people,
      roomIds: plan.rooms.map((room) => room.id),
      rounds: result.rounds.map((round) =>
        round.map((room) => room.map((id) => index.get(id) ?? 0)),
      ),
      next: 0,
      repeatPairs: result.repeatPairs,
      lowerBound: result.lowerBound,
    };
    expectOk(await planning(w, { type: 'setRotation', rotation }));

    for (let round = 0; round < 3; round += 1) {
      expectOk(await planning(w, { type: 'startNextRound' }));
      const running = storedPlan(w);
      expect(running.phase).toBe('running');
      expect(running.rotation?.next).toBe(round + 1);
      for (const [roomIndex, group] of (result.rounds[round] ?? []).entries()) {
        for (const id of group) {
          expect(running.people.find((p) => p.id === id)?.roomId).toBe(rotation.roomIds[roomIndex]);
        }
      }
      expectOk(await w.run(control(w).handle({ type: 'end' })));
    }
    const done = await planning(w, { type: 'startNextRound' });
    expect(done).toEqual({ ok: false, message: 'Every round has run.' });
  });
});

describe('room frames on demand', () => {
  it('draws K frames like the template in a grid beside it and adds them as rooms', async () => {
    const w = await createWorkshop({ participants: 1, rooms: 0 });
    expectOk(await w.run(control(w).handle({ type: 'claim' })));
    const plan = expectOk(
      await planning(w, { type: 'createRoomFrames', templateFrameId: w.main.id, count: 4 }),
    );
    expect(plan.rooms.map((room) => room.name)).toEqual(['Room 1', 'Room 2', 'Room 3', 'Room 4']);
    const frames = w.sim
      .items()
      .filter(isFrame)
      .filter((f) => f.title.startsWith('Room '));
    expect(frames).toHaveLength(4);
    for (const frame of frames) {
      expect([frame.width, frame.height]).toEqual([w.main.width, w.main.height]);
      // Beside the template, never over it.
      expect(frame.x - frame.width / 2).toBeGreaterThan(w.main.x + w.main.width / 2);
    }
    expect(w.sim.counters().calls[w.facilitator.user.id]?.['board.createFrame']).toBe(4);
  });
});

describe('report-back', () => {
  it('moves everyone through the rooms one by one and counts the items added in each frame', async () => {
    const w = await createWorkshop({ participants: 4, rooms: 2 });
    await planBreakout(w);
    expectOk(await w.run(control(w).handle({ type: 'start' })));
    for (const member of w.participants) answer(w, member, 'accepted');
    await w.flush();
    const running = storedPlan(w);
    const [first] = running.rooms;
    if (!first) throw new Error('no room');
    w.sim.addSticky({
      content: 'idea',
      x: first.frame.x,
      y: first.frame.y,
      parentId: first.frameId,
    });
    w.sim.addSticky({
      content: 'idea 2',
      x: first.frame.x,
      y: first.frame.y,
      parentId: first.frameId,
    });
    expectOk(await w.run(control(w).handle({ type: 'end' })));
    await w.flush();
    const ended = storedPlan(w);
    expect(ended.frameItems?.runId).toBe(ended.runId);
    const counts = new Map(ended.frameItems?.rooms.map((room) => [room.roomId, room]));
    const firstCount = counts.get(first.id);
    expect((firstCount?.atEnd ?? 0) - (firstCount?.atStart ?? 0)).toBe(2);

    for (const [index, room] of ended.rooms.entries()) {
      expectOk(await planning(w, { type: 'reportBack', index }));
      await w.flush();
      for (const member of [w.facilitator, ...w.participants]) {
        expect(isLookingAt(w, member, room.frame)).toBe(true);
      }
    }
    // Moving past the end is refused by the reducer (the position stays valid).
    expectOk(await planning(w, { type: 'reportBack', index: ended.rooms.length }));
    expect(storedPlan(w).reportBack?.index).toBe(ended.rooms.length);
  });
});
