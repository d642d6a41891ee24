import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanAction } from '../../src/domain/actions';
import {
  type Layout,
  largestValueBytes,
  layoutOf,
  layoutWrites,
  shardOf,
  valueBytes,
} from '../../src/domain/layout';
import { assemble, followedKeys, prunedKeys, type Reader } from '../../src/domain/layout-assemble';
import { PLAN_KEY, type Plan } from '../../src/domain/plan';
import { reduceAll } from '../../src/domain/reducer';
import { encodePlan, parsePlan } from '../../src/domain/stored/plan-v1';
import {
  type Governed,
  indexKey,
  type Members,
  parseGoverned,
  parsePlanKey,
  roomsKey,
  type Statuses,
  statusKey,
} from '../../src/domain/stored/plan-v2';
import {
  frame,
  newPlan,
  person,
  planWithRooms,
  propertyOptions,
  reachablePlanArb,
  room,
  runningPlan,
} from './fixtures';

/** The writer's step: the plan after `actions`, one revision on. */
function next(plan: Plan, ...actions: PlanAction[]): Plan {
  return { ...reduceAll(plan, actions), revision: plan.revision + 1 };
}

/** The plan with its people ordered as the layout stores them: room by room, no room last. */
function grouped(plan: Plan): Plan {
  const order = new Map(plan.rooms.map((r, index) => [r.id, index]));
  const rank = (roomId: string | null) =>
    roomId === null ? plan.rooms.length : (order.get(roomId) ?? plan.rooms.length);
  const people = plan.people
    .map((p, index) => ({ p, index }))
    .sort((a, b) => rank(a.p.roomId) - rank(b.p.roomId) || a.index - b.index)
    .map(({ p }) => p);
  return encodePlan({ ...plan, people });
}

function assembled(
  layout: Layout,
  values: ReadonlyMap<string, Governed> = layout.values,
  reader?: Reader,
): Plan {
  const result = assemble(layout.control, values, reader);
  if (result.status !== 'ok') throw new Error(`not assembled: ${JSON.stringify(result)}`);
  return result.plan;
}

const keysOf = (writes: { values: Array<{ key: string }> }) => writes.values.map(({ key }) => key);
const b0 = roomsKey(0);
const s0 = statusKey(0);

describe('layoutOf and assemble', () => {
  it('store every reachable plan so that a reader of all the values gets it back', () => {
    fc.assert(
      fc.property(reachablePlanArb, (plan) => {
        const layout = layoutOf(plan, null);
        const read = parsePlanKey(JSON.parse(JSON.stringify(layout.control)));
        expect(read.status).toBe('control');
        expect(assembled(layout)).toEqual(grouped(plan));
      }),
      propertyOptions,
    );
  });

  it('keep the rooms with their members, their statuses and who is where apart', () => {
    const plan = runningPlan();
    const layout = layoutOf(plan, null);
    const members = layout.values.get(b0) as Members;
    expect(members.rooms.map((r) => [r.id, r.people.map((p) => p.id)])).toEqual([
      [room('f1'), ['p1', 'p2']],
      [room('f2'), ['p3']],
    ]);
    expect(members.rooms[0]).not.toHaveProperty('sessionId');
    expect((layout.values.get(s0) as Statuses).statuses).toEqual(['invited', 'invited', 'invited']);
    expect(layout.control).not.toHaveProperty('people');
    expect(layout.control.rooms).toEqual([
      { id: room('f1'), sessionId: 's1' },
      { id: room('f2'), sessionId: 's2' },
    ]);
    expect(layout.control.buckets).toEqual([{ rooms: 2, rev: plan.revision }]);
    expect(layout.control.unplaced).toBeNull();
  });
});

describe('layoutWrites', () => {
  const plan = runningPlan();
  const stored = layoutOf(plan, null);

  it('a join writes its bucket’s statuses alone: no control value, no members', () => {
    const joined = next(plan, { type: 'participantJoined', personId: 'p3', sessionId: 's2' });
    const layout = layoutOf(joined, stored);
    const writes = layoutWrites(stored, layout);
    expect(keysOf(writes)).toEqual([s0]);
    expect(writes.control).toBeNull();
    // Same members, so the listed revision still holds; the write's own revision is newer.
    expect(writes.values[0]?.value).toMatchObject({ rev: plan.revision, at: joined.revision });
    expect(assembled(layout)).toEqual(grouped(joined));
  });

  it('a start writes the control value (the sessions) and the statuses, not the members', () => {
    const planned = reduceAll(planWithRooms('f1', 'f2'), [
      { type: 'personAssigned', person: person('p1'), roomId: room('f1') },
    ]);
    const before = layoutOf(planned, null);
    const started = next(
      planned,
      { type: 'breakoutStarting', runId: 'run-2', at: 1000 },
      { type: 'sessionsStarted', sessions: { [room('f1')]: 's1' } },
      { type: 'breakoutStarted', at: 2000, endsAt: null, timer: null },
    );
    const writes = layoutWrites(before, layoutOf(started, before));
    expect(keysOf(writes)).toEqual([s0]);
    expect(writes.control?.rooms[0]).toEqual({ id: room('f1'), sessionId: 's1' });
  });

  it('a move writes the members, their statuses and the index first, then the control value', () => {
    const moved = next(plan, { type: 'personAssigned', person: person('p1'), roomId: room('f2') });
    const writes = layoutWrites(stored, layoutOf(moved, stored));
    expect(keysOf(writes)).toEqual([b0, s0, indexKey(shardOf('p1'))]);
    expect(writes.control?.buckets).toEqual([{ rooms: 2, rev: moved.revision }]);
    expect(writes.control?.index[shardOf('p1')]).toBe(moved.revision);
  });

  it('nothing changed, nothing written', () => {
    const again = layoutOf({ ...plan, revision: plan.revision + 1 }, stored);
    expect(layoutWrites(stored, again)).toEqual({ values: [], control: null, removed: [] });
  });

  it('a bucket no longer needed is removed after the control value stops listing it', () => {
    const planned = reduceAll(newPlan(), [
      {
        type: 'roomsAdded',
        frames: Array.from({ length: 11 }, (_, n) => frame(`f${n}`)),
      },
      { type: 'personAssigned', person: person('p1'), roomId: room('f0') },
    ]);
    const before = layoutOf(planned, null);
    expect(before.control.buckets.map((b) => b.rooms)).toEqual([10, 1]);
    const removed = next(planned, { type: 'roomRemoved', roomId: room('f10') });
    const writes = layoutWrites(before, layoutOf(removed, before));
    expect(keysOf(writes)).toEqual([]);
    expect(writes.control?.buckets.map((b) => b.rooms)).toEqual([10]);
    expect(writes.removed).toEqual([roomsKey(1), statusKey(1)]);
  });

  it('keeps the imported list and the rotation out of the control value', () => {
    const planned = reduceAll(planWithRooms('f1', 'f2'), [
      { type: 'personAssigned', person: person('p1'), roomId: room('f1') },
    ]);
    const before = layoutOf(planned, null);
    const rows = Array.from({ length: 500 }, (_, n) => ({
      name: `Imported participant ${n}`,
      roomId: room(n % 2 ? 'f1' : 'f2'),
    }));
    const imported = next(planned, { type: 'preAssignmentsSet', rows });
    const layout = layoutOf(imported, before);
    const writes = layoutWrites(before, layout);
    expect(keysOf(writes)).toEqual(['planning']);
    expect(writes.control?.planning).toBe(imported.revision);
    expect(valueBytes(layout.control)).toBeLessThan(2_000);
    expect(assembled(layout).preAssignments).toHaveLength(500);
    const values = new Map([...layout.values].filter(([key]) => key !== 'planning'));
    expect(assemble(layout.control, values)).toEqual({ status: 'waiting', keys: ['planning'] });
    const p1 = assembled(layout, values, { kind: 'participant', personId: 'p1' });
    expect(p1.preAssignments).toEqual([]);
  });

  it('people moved out of every room while running have their own group', () => {
    const out = next(plan, { type: 'personAssigned', person: person('p3'), roomId: null });
    const layout = layoutOf(out, stored);
    expect(layout.control.unplaced).toBe(out.revision);
    expect((layout.values.get(roomsKey('none')) as Members).unplaced).toEqual([
      { id: 'p3', name: 'Person p3' },
    ]);
    expect(assembled(layout)).toEqual(grouped(out));
  });
});

describe('a reader holding values that disagree', () => {
  const plan = runningPlan();
  const stored = layoutOf(plan, null);
  const moved = next(plan, { type: 'personAssigned', person: person('p1'), roomId: room('f2') });
  const after = layoutOf(moved, stored);

  it('waits for the control value while the values are ahead of it, and reads it again', () => {
    expect(assemble(stored.control, after.values)).toEqual({ status: 'waiting', keys: [PLAN_KEY] });
  });

  it('waits for a value the control value lists at a revision it does not hold yet', () => {
    // Half of the move seen: the new control value and members, the statuses still old.
    const values = new Map([...after.values, [s0, stored.values.get(s0) as Governed]]);
    expect(assemble(after.control, values)).toEqual({ status: 'waiting', keys: [s0] });
    values.delete(s0);
    expect(assemble(after.control, values)).toEqual({ status: 'waiting', keys: [s0] });
  });

  it('with every value at its listed revision, the person is in exactly one room', () => {
    const people = assembled(after).people.filter((p) => p.id === 'p1');
    expect(people.map((p) => p.roomId)).toEqual([room('f2')]);
  });

  it('lets go of values the control value no longer lists, but not of newer ones', () => {
    const rooms = reduceAll(newPlan(), [
      { type: 'roomsAdded', frames: Array.from({ length: 11 }, (_, n) => frame(`f${n}`)) },
    ]);
    const eleven = layoutOf(rooms, null);
    const tenRooms = next(rooms, { type: 'roomRemoved', roomId: room('f10') });
    const ten = layoutOf(tenRooms, eleven);
    const held = new Map([...ten.values, ...eleven.values]);
    expect(prunedKeys(ten.control, held)).toEqual([roomsKey(1), statusKey(1)]);
    // Rooms added again: the new bucket is written before the control value that lists it.
    const again = layoutOf(next(tenRooms, { type: 'roomsAdded', frames: [frame('f11')] }), ten);
    expect(prunedKeys(ten.control, again.values)).toEqual([]);
  });

  it('refuses values that, together, put one person in two rooms', () => {
    const members = stored.values.get(b0) as Members;
    const forged: Members = {
      ...members,
      rooms: members.rooms.map((r, i) =>
        i === 1 ? { ...r, people: [...r.people, { id: 'p1', name: 'Person p1' }] } : r,
      ),
    };
    const statuses = stored.values.get(s0) as Statuses;
    const values = new Map<string, Governed>([
      ...stored.values,
      [b0, forged],
      [s0, { ...statuses, statuses: [...statuses.statuses, 'invited'] }],
    ]);
    const result = assemble(stored.control, values);
    expect(result.status === 'corrupt' && result.message).toMatch(/people\[3\]\.id repeats/);
  });

  it('refuses statuses that do not line up with the members', () => {
    const statuses = stored.values.get(s0) as Statuses;
    const values = new Map<string, Governed>([
      ...stored.values,
      [s0, { ...statuses, statuses: ['joined'] }],
    ]);
    const result = assemble(stored.control, values);
    expect(result.status === 'corrupt' && result.message).toMatch(/status:0: statuses should be/);
  });
});

describe('a participant reading the control value, their index shard and their room', () => {
  const plan = reduceAll(runningPlan(), [
    { type: 'helpRequested', personId: 'p3', roomId: room('f2'), at: 3000 },
    { type: 'roomLocked', roomId: room('f2') },
  ]);
  const layout = layoutOf(plan, null);
  const p1: Reader = { kind: 'participant', personId: 'p1' };

  it('gets a plan of their room only, with what concerns it', () => {
    const mine = assembled(layout, layout.values, p1);
    expect(mine.rooms.map((r) => r.id)).toEqual([room('f1')]);
    expect(mine.rooms[0]?.sessionId).toBe('s1');
    expect(mine.people.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(mine.helpRequests).toEqual([]);
    expect(mine.facilitation.lockedRoomIds).toEqual([]);
    expect(mine).toMatchObject({ phase: 'running', runId: plan.runId, endsAt: plan.endsAt });
  });

  it('needs only their shard of the index and their bucket', () => {
    const needed = new Map(
      [indexKey(shardOf('p1')), b0, s0].map((key) => [key, layout.values.get(key) as Governed]),
    );
    expect(assembled(layout, needed, p1).rooms.map((r) => r.id)).toEqual([room('f1')]);
    const withoutIndex = new Map([...needed].filter(([key]) => !key.startsWith('index:')));
    expect(assemble(layout.control, withoutIndex, p1)).toEqual({
      status: 'waiting',
      keys: [indexKey(shardOf('p1'))],
    });
  });

  it('follow the control value and their index shard, then their room’s bucket', () => {
    const shard = indexKey(shardOf('p1'));
    expect(followedKeys(null, new Map(), p1)).toEqual([PLAN_KEY]);
    expect(followedKeys(layout.control, new Map(), p1)).toEqual([PLAN_KEY, shard]);
    const index = new Map([[shard, layout.values.get(shard) as Governed]]);
    expect(followedKeys(layout.control, index, p1)).toEqual([PLAN_KEY, shard, b0, s0]);
    expect(followedKeys(layout.control, new Map(), { kind: 'everyone' })).toEqual([
      PLAN_KEY,
      b0,
      s0,
      'planning',
    ]);
  });

  it('someone in no room gets the breakout without rooms', () => {
    const nobody = assembled(layout, layout.values, { kind: 'participant', personId: 'p9' });
    expect(nobody).toMatchObject({ phase: 'running', rooms: [], people: [] });
  });
});

describe('reading the stored values', () => {
  it('reads a plan of the one-key layout as before, for the new version to store anew', () => {
    const plan = runningPlan();
    const read = parsePlanKey(JSON.parse(JSON.stringify(encodePlan(plan))));
    expect(read).toEqual({ status: 'v1', plan: encodePlan(plan) });
    if (read.status !== 'v1') return;
    const layout = layoutOf(read.plan, null);
    const writes = layoutWrites(null, layout);
    expect(keysOf(writes)).toEqual([...layout.values.keys()]);
    expect(writes.control).toBe(layout.control);
    expect(assembled(layout)).toEqual(grouped(plan));
  });

  it('an app of the one-key layout meeting a control value says a newer version wrote it', () => {
    const control = JSON.parse(JSON.stringify(layoutOf(runningPlan(), null).control));
    const read = parsePlan(control);
    expect(read).toMatchObject({ status: 'future', version: 2 });
    expect(read.status === 'future' && read.message).toMatch(/newer version.*Reload the board/);
  });

  it('refuses a layout newer than its own, and names damage in the control value', () => {
    const control = JSON.parse(JSON.stringify(layoutOf(runningPlan(), null).control));
    expect(parsePlanKey({ ...control, schema: 3 })).toMatchObject({ status: 'future' });
    const damaged = parsePlanKey({ ...control, buckets: [{ rooms: 2, rev: -1 }] });
    expect(damaged.status === 'corrupt' && damaged.message).toMatch(/buckets\[0\]\.rev should be/);
    const short = parsePlanKey({ ...control, buckets: [{ rooms: 1, rev: 1 }] });
    expect(short.status === 'corrupt' && short.message).toMatch(/buckets should hold the 2 rooms/);
    expect(parsePlanKey(undefined)).toEqual({ status: 'empty' });
  });

  it('names the key and the field of a damaged value', () => {
    const layout = layoutOf(runningPlan(), null);
    const raw = (key: string) => JSON.parse(JSON.stringify(layout.values.get(key)));
    expect(parseGoverned(b0, raw(b0))).toMatchObject({ ok: true });
    const statuses = raw(s0);
    expect(parseGoverned(s0, { ...statuses, statuses: ['asleep'] })).toEqual({
      ok: false,
      detail: expect.stringMatching(/^status:0: statuses\[0\] should be one of assigned/),
    });
    expect(parseGoverned(s0, { ...statuses, at: statuses.rev - 1 })).toMatchObject({ ok: false });
    expect(parseGoverned(b0, statuses)).toMatchObject({ ok: false });
    expect(parseGoverned('elsewhere', statuses)).toEqual({
      ok: false,
      detail: 'elsewhere: not a key of the breakout',
    });
  });
});

describe('1,000 people in 100 rooms', () => {
  // Ids and names the size Miro's are: 19-digit ids, names of about 20 characters.
  const id = (n: number) => String(3074457345618258000n + BigInt(n));
  const planned = reduceAll(newPlan(), [
    {
      type: 'roomsAdded',
      frames: Array.from({ length: 100 }, (_, r) => frame(id(r), `Breakout room ${r + 1}`)),
    },
    ...Array.from({ length: 1000 }, (_, n) => ({
      type: 'personAssigned' as const,
      person: { id: id(10_000 + n), name: `Participant number ${n}` },
      roomId: room(id(n % 100)),
    })),
  ]);
  const layout = layoutOf(planned, null);
  const sessions = Object.fromEntries(
    planned.rooms.map((r, index) => [r.id, `${id(50_000 + index)}-session`]),
  );
  const running = next(
    planned,
    { type: 'breakoutStarting', runId: 'run-9', at: 1 },
    { type: 'sessionsStarted', sessions },
    { type: 'breakoutStarted', at: 1, endsAt: 60_000, timer: 'app' },
  );
  const started = layoutOf(running, layout);

  it('fit in values of at most a quarter of a key', () => {
    expect(planned.people).toHaveLength(1000);
    expect(largestValueBytes(layout)).toBeLessThanOrEqual(16_384);
    expect(largestValueBytes(started)).toBeLessThanOrEqual(16_384);
  });

  it('are followed as 22 keys by the facilitator and 4 by a participant', () => {
    expect(followedKeys(started.control, started.values, { kind: 'everyone' })).toHaveLength(22);
    const last = { kind: 'participant' as const, personId: id(10_999) };
    expect(followedKeys(started.control, started.values, last)).toEqual([
      PLAN_KEY,
      indexKey(shardOf(id(10_999))),
      roomsKey(9),
      statusKey(9),
    ]);
  });

  it('start with rooms / 10 + 2 values written at most', () => {
    const writes = layoutWrites(layout, started);
    expect(writes.values.length + (writes.control ? 1 : 0)).toBeLessThanOrEqual(100 / 10 + 2);
  });

  it('write a join as the statuses of its bucket alone, a few hundred bytes', () => {
    const joined = next(running, {
      type: 'participantJoined',
      personId: id(10_000),
      sessionId: sessions[room(id(0))] ?? '',
    });
    const writes = layoutWrites(started, layoutOf(joined, started));
    expect(writes.control).toBeNull();
    expect(keysOf(writes)).toEqual([s0]);
    expect(valueBytes(writes.values[0]?.value as Governed)).toBeLessThanOrEqual(1_500);
  });
});
