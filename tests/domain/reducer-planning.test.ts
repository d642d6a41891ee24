import { describe, expect, it } from 'vitest';
import type { Plan, Rotation } from '../../src/domain/plan';
import {
  MAX_CAPACITY,
  MAX_PRE_ASSIGNMENTS,
  MAX_ROTATION_PEOPLE_STORED,
  MAX_ROTATION_ROUNDS_STORED,
} from '../../src/domain/planning/plan-fields';
import { isPlanningAction, roomsOf } from '../../src/domain/reduce-planning';
import { reduceAll, reducePlan } from '../../src/domain/reducer';
import { person, planWithRooms, room, runningPlan } from './fixtures';

const ended = (plan: Plan = runningPlan()): Plan =>
  reduceAll(plan, [
    { type: 'breakoutEnding', at: 4000 },
    { type: 'breakoutEnded', at: 5000 },
  ]);

/** Three people over two rooms, two rounds: round 0 pairs p1 and p2, round 1 splits them. */
const rotation = (overrides: Partial<Rotation> = {}): Rotation => ({
  people: [person('p1', 'Ann'), person('p2', 'Ben'), person('p3', 'Cy')],
  roomIds: [room('f1'), room('f2')],
  rounds: [
    [[0, 1], [2]],
    [[0, 2], [1]],
  ],
  next: 0,
  repeatPairs: 1,
  lowerBound: 0,
  ...overrides,
});

const planned = (overrides: Partial<Rotation> = {}) =>
  reducePlan(planWithRooms('f1', 'f2'), { type: 'rotationPlanned', rotation: rotation(overrides) });

describe('isPlanningAction', () => {
  it('tells the planning tools’ actions from the others', () => {
    expect(isPlanningAction({ type: 'rotationPlanned' })).toBe(true);
    expect(isPlanningAction({ type: 'reportBackMoved' })).toBe(true);
    expect(isPlanningAction({ type: 'personAssigned' })).toBe(false);
  });
});

describe('selfSelectOpened', () => {
  it('opens self-select with a capacity per room, or none', () => {
    const plan = planWithRooms('f1');
    for (const capacity of [4, null, 1, MAX_CAPACITY]) {
      expect(reducePlan(plan, { type: 'selfSelectOpened', capacity }).selfSelect).toEqual({
        capacity,
      });
    }
  });

  it('refuses a capacity no room could have', () => {
    const plan = planWithRooms('f1');
    for (const capacity of [0, -1, 2.5, MAX_CAPACITY + 1, Number.NaN]) {
      expect(reducePlan(plan, { type: 'selfSelectOpened', capacity })).toBe(plan);
    }
  });

  it('returns the same plan when self-select is already open with that capacity', () => {
    const open = reducePlan(planWithRooms('f1'), { type: 'selfSelectOpened', capacity: 3 });
    expect(reducePlan(open, { type: 'selfSelectOpened', capacity: 3 })).toBe(open);
    expect(reducePlan(open, { type: 'selfSelectOpened', capacity: 5 }).selfSelect).toEqual({
      capacity: 5,
    });
  });

  it('opens only while planning, and closes in any phase', () => {
    const running = runningPlan();
    expect(reducePlan(running, { type: 'selfSelectOpened', capacity: 3 })).toBe(running);
    const open = reducePlan(planWithRooms('f1'), { type: 'selfSelectOpened', capacity: 3 });
    expect(reducePlan(open, { type: 'selfSelectClosed' }).selfSelect).toBeNull();
  });
});

describe('preAssignmentsSet', () => {
  const base = () => planWithRooms('f1', 'f2');

  it('keeps rows for rooms of the plan, names cleaned', () => {
    const plan = reducePlan(base(), {
      type: 'preAssignmentsSet',
      rows: [
        { name: '  Ann\nLee ', roomId: room('f1') },
        { name: 'Ben', roomId: room('f2') },
      ],
    });
    expect(plan.preAssignments).toEqual([
      { name: 'Ann Lee', roomId: room('f1') },
      { name: 'Ben', roomId: room('f2') },
    ]);
  });

  it('drops rows without a name or for a room the plan does not have, and repeats of a name', () => {
    const plan = reducePlan(base(), {
      type: 'preAssignmentsSet',
      rows: [
        { name: '', roomId: room('f1') },
        { name: 'Ann', roomId: 'r:gone' },
        { name: 'Zoë', roomId: room('f1') },
        { name: 'ZOE', roomId: room('f2') },
        { name: 'Ben', roomId: room('f2') },
      ],
    });
    expect(plan.preAssignments).toEqual([
      { name: 'Zoë', roomId: room('f1') },
      { name: 'Ben', roomId: room('f2') },
    ]);
  });

  it('keeps at most the stored maximum of rows', () => {
    const rows = Array.from({ length: MAX_PRE_ASSIGNMENTS + 5 }, (_, index) => ({
      name: `Person ${index}`,
      roomId: room('f1'),
    }));
    const plan = reducePlan(base(), { type: 'preAssignmentsSet', rows });
    expect(plan.preAssignments).toHaveLength(MAX_PRE_ASSIGNMENTS);
    expect(plan.preAssignments.at(-1)?.name).toBe(`Person ${MAX_PRE_ASSIGNMENTS - 1}`);
  });

  it('returns the same plan for the same rows, and a new one when a room or name changes', () => {
    const ann = { name: 'Ann', roomId: room('f1') };
    const ben = { name: 'Ben', roomId: room('f2') };
    const plan = reducePlan(base(), { type: 'preAssignmentsSet', rows: [ann, ben] });
    expect(reducePlan(plan, { type: 'preAssignmentsSet', rows: [{ ...ann }, { ...ben }] })).toBe(
      plan,
    );
    const moved = reducePlan(plan, {
      type: 'preAssignmentsSet',
      rows: [ann, { ...ben, roomId: room('f1') }],
    });
    expect(moved.preAssignments).toEqual([ann, { ...ben, roomId: room('f1') }]);
    const renamed = reducePlan(plan, {
      type: 'preAssignmentsSet',
      rows: [ann, { ...ben, name: 'Bea' }],
    });
    expect(renamed.preAssignments).toEqual([ann, { ...ben, name: 'Bea' }]);
    expect(reducePlan(plan, { type: 'preAssignmentsSet', rows: [ann] }).preAssignments).toEqual([
      ann,
    ]);
  });

  it('can be set while rooms run, for people who arrive late, but not after the end', () => {
    const rows = [{ name: 'Late Lou', roomId: room('f1') }];
    expect(reducePlan(runningPlan(), { type: 'preAssignmentsSet', rows }).preAssignments).toEqual(
      rows,
    );
    const after = ended();
    expect(reducePlan(after, { type: 'preAssignmentsSet', rows })).toBe(after);
  });
});

describe('rotationPlanned', () => {
  it('stores a schedule of disjoint groups, one per room, starting at the first round', () => {
    const plan = planned({ next: 1, repeatPairs: 2, lowerBound: 1 });
    expect(plan.rotation).toEqual({ ...rotation(), next: 0, repeatPairs: 2, lowerBound: 1 });
  });

  it('stores counts that are not whole numbers as 0, and cleans the people’s names', () => {
    const plan = planned({
      repeatPairs: -3,
      lowerBound: 1.5,
      people: [person('p1', ' Ann\n'), person('p2', 'Ben'), person('p3', 'Cy')],
    });
    expect(plan.rotation).toMatchObject({ repeatPairs: 0, lowerBound: 0 });
    expect(plan.rotation?.people[0]?.name).toBe('Ann');
  });

  it('copies the schedule, so changing the action afterwards changes nothing stored', () => {
    const firstGroup = [0, 1];
    const roomIds = [room('f1'), room('f2')];
    const input = rotation({ roomIds, rounds: [[firstGroup, [2]]] });
    const plan = reducePlan(planWithRooms('f1', 'f2'), {
      type: 'rotationPlanned',
      rotation: input,
    });
    firstGroup.push(2);
    roomIds.pop();
    expect(plan.rotation?.rounds[0]).toEqual([[0, 1], [2]]);
    expect(plan.rotation?.roomIds).toEqual([room('f1'), room('f2')]);
  });

  it.each<[string, Partial<Rotation>]>([
    ['no rounds', { rounds: [] }],
    ['no rooms', { roomIds: [], rounds: [[]] }],
    ['a room the plan does not have', { roomIds: [room('f1'), 'r:gone'] }],
    ['a room listed twice', { roomIds: [room('f1'), room('f1')] }],
    ['a round with a group missing', { rounds: [[[0, 1, 2]]] }],
    ['a person in two groups of a round', { rounds: [[[0, 1], [1]]] }],
    ['a person twice in one group', { rounds: [[[0, 0], [2]]] }],
    ['a number past the people', { rounds: [[[0, 3], [2]]] }],
    ['a negative number', { rounds: [[[0, -1], [2]]] }],
    ['a number that is not whole', { rounds: [[[0, 0.5], [2]]] }],
    ['a person listed twice', { people: [person('p1'), person('p1'), person('p3')] }],
    ['a person with an unusable id', { people: [person('p1'), person(''), person('p3')] }],
  ])('refuses a schedule with %s', (_, overrides) => {
    const plan = planWithRooms('f1', 'f2');
    expect(reducePlan(plan, { type: 'rotationPlanned', rotation: rotation(overrides) })).toBe(plan);
  });

  it('refuses more people or rounds than can be stored, and takes exactly the maximum', () => {
    const plan = planWithRooms('f1', 'f2');
    const plan1 = (overrides: Partial<Rotation>) =>
      reducePlan(plan, { type: 'rotationPlanned', rotation: rotation(overrides) });
    const people = (count: number) => ({
      people: Array.from({ length: count }, (_, index) => person(`p${index}`)),
      rounds: [[Array.from({ length: count }, (_, index) => index), []]],
    });
    expect(plan1(people(MAX_ROTATION_PEOPLE_STORED + 1))).toBe(plan);
    expect(plan1(people(MAX_ROTATION_PEOPLE_STORED)).rotation?.people).toHaveLength(
      MAX_ROTATION_PEOPLE_STORED,
    );
    const rounds = (count: number) => ({
      rounds: Array.from({ length: count }, () => [[0, 1], [2]]),
    });
    expect(plan1(rounds(MAX_ROTATION_ROUNDS_STORED + 1))).toBe(plan);
    expect(plan1(rounds(MAX_ROTATION_ROUNDS_STORED)).rotation?.rounds).toHaveLength(
      MAX_ROTATION_ROUNDS_STORED,
    );
  });

  it('is planned before a start or after the end, never while rooms run', () => {
    const running = runningPlan();
    expect(reducePlan(running, { type: 'rotationPlanned', rotation: rotation() })).toBe(running);
    expect(reducePlan(ended(), { type: 'rotationPlanned', rotation: rotation() }).rotation).toEqual(
      rotation(),
    );
  });

  it('is cleared in any phase', () => {
    expect(reducePlan(planned(), { type: 'rotationCleared' }).rotation).toBeNull();
  });
});

describe('rotationRoundApplied', () => {
  const roomOf = (plan: Plan) =>
    Object.fromEntries(plan.people.map((someone) => [someone.id, someone.roomId]));

  it('assigns everyone of the rotation to their group’s room and moves on to the next round', () => {
    const first = reducePlan(planned(), { type: 'rotationRoundApplied', round: 0 });
    expect(roomOf(first)).toEqual({ p1: room('f1'), p2: room('f1'), p3: room('f2') });
    expect(first.rotation?.next).toBe(1);
    const second = reducePlan(first, { type: 'rotationRoundApplied', round: 1 });
    expect(roomOf(second)).toEqual({ p1: room('f1'), p2: room('f2'), p3: room('f1') });
    expect(second.rotation?.next).toBe(2);
  });

  it('takes people of the rotation whom a round leaves out out of their room', () => {
    const withBen = reducePlan(planned({ rounds: [[[0], [2]]] }), {
      type: 'personAssigned',
      person: person('p2', 'Ben'),
      roomId: room('f2'),
    });
    const applied = reducePlan(withBen, { type: 'rotationRoundApplied', round: 0 });
    expect(roomOf(applied)).toEqual({ p1: room('f1'), p3: room('f2') });
  });

  it('applies only the round that is next, so a repeated click cannot skip one', () => {
    const plan = planned();
    expect(reducePlan(plan, { type: 'rotationRoundApplied', round: 1 })).toBe(plan);
    const first = reducePlan(plan, { type: 'rotationRoundApplied', round: 0 });
    expect(reducePlan(first, { type: 'rotationRoundApplied', round: 0 })).toBe(first);
    const last = reducePlan(first, { type: 'rotationRoundApplied', round: 1 });
    expect(reducePlan(last, { type: 'rotationRoundApplied', round: 2 })).toBe(last);
  });

  it('does nothing without a rotation, or while rooms run', () => {
    const none = planWithRooms('f1', 'f2');
    expect(reducePlan(none, { type: 'rotationRoundApplied', round: 0 })).toBe(none);
    const running = runningPlan();
    expect(reducePlan(running, { type: 'rotationRoundApplied', round: 0 })).toBe(running);
  });
});

describe('frameItemsCounted', () => {
  const count = (plan: Plan, when: 'start' | 'end', counts: object, runId = plan.runId) =>
    reducePlan(plan, {
      type: 'frameItemsCounted',
      runId,
      when,
      counts: counts as Record<string, number>,
    });

  it('records each room’s items at the start, then at the end', () => {
    const atStart = count(runningPlan(), 'start', { [room('f1')]: 3, [room('f2')]: 0 });
    expect(atStart.frameItems).toEqual({
      runId: 'run-2',
      rooms: [
        { roomId: room('f1'), atStart: 3, atEnd: null },
        { roomId: room('f2'), atStart: 0, atEnd: null },
      ],
    });
    expect(count(atStart, 'end', { [room('f1')]: 7 }).frameItems?.rooms).toEqual([
      { roomId: room('f1'), atStart: 3, atEnd: 7 },
      { roomId: room('f2'), atStart: 0, atEnd: null },
    ]);
  });

  it('leaves out counts that are not whole numbers, and rooms the plan does not have', () => {
    const odd = { [room('f1')]: -1, [room('f2')]: 2.5, 'r:other': 4 };
    expect(count(runningPlan(), 'start', odd).frameItems?.rooms).toEqual([]);
    const counted = count(runningPlan(), 'start', { [room('f2')]: 1 });
    expect(count(counted, 'end', { [room('f2')]: -2 })).toBe(counted);
    expect(count(counted, 'end', { [room('f2')]: 1.5 })).toBe(counted);
  });

  it('ignores a count inherited from the object prototype', () => {
    const inherited = Object.create({ [room('f1')]: 5 }) as object;
    expect(count(runningPlan(), 'start', inherited).frameItems?.rooms).toEqual([]);
  });

  it('counts the start once per run and changes nothing for an end count it already has', () => {
    const atStart = count(runningPlan(), 'start', { [room('f1')]: 3 });
    expect(count(atStart, 'start', { [room('f1')]: 9 })).toBe(atStart);
    const atEnd = count(atStart, 'end', { [room('f1')]: 4 });
    expect(count(atEnd, 'end', { [room('f1')]: 4 })).toBe(atEnd);
    expect(count(atEnd, 'end', { [room('f1')]: 6 }).frameItems?.rooms[0]?.atEnd).toBe(6);
  });

  it('keeps a room’s end count when a later count leaves that room out', () => {
    const atStart = count(runningPlan(), 'start', { [room('f1')]: 3, [room('f2')]: 1 });
    const atEnd = count(atStart, 'end', { [room('f1')]: 4, [room('f2')]: 2 });
    const later = count(atEnd, 'end', { [room('f2')]: 5 });
    expect(later.frameItems?.rooms.map((entry) => entry.atEnd)).toEqual([4, 5]);
  });

  it('ignores counts of another run, and an end count without this run’s start count', () => {
    const plan = runningPlan();
    expect(count(plan, 'start', { [room('f1')]: 3 }, 'run-old')).toBe(plan);
    expect(count(plan, 'end', { [room('f1')]: 3 })).toBe(plan);
    const atStart = count(plan, 'start', { [room('f1')]: 3 });
    expect(count(atStart, 'end', { [room('f1')]: 5 }, 'run-old')).toBe(atStart);
  });

  it('is counted while rooms run or after, not while planning', () => {
    const plan = planWithRooms('f1');
    expect(count(plan, 'start', { [room('f1')]: 1 })).toBe(plan);
  });
});

describe('reportBackMoved', () => {
  const move = (plan: Plan, index: number, runId = plan.runId) =>
    reducePlan(plan, { type: 'reportBackMoved', runId, index });

  it('walks from before the first room to past the last room with people', () => {
    const after = ended();
    expect(roomsOf(after).map((entry) => [entry.id, entry.name, entry.people.length])).toEqual([
      [room('f1'), 'Room f1', 2],
      [room('f2'), 'Room f2', 1],
    ]);
    for (const index of [-1, 0, 2]) {
      expect(move(after, index).reportBack).toEqual({ runId: 'run-2', index });
    }
  });

  it('refuses a position outside the walk, one that is not whole, or another run’s', () => {
    const after = ended();
    for (const index of [-2, 3, 0.5]) expect(move(after, index)).toBe(after);
    expect(move(after, 0, 'run-old')).toBe(after);
  });

  it('counts only rooms with people in the walk', () => {
    const oneEmpty = reduceAll(planWithRooms('f1', 'f2'), [
      { type: 'personAssigned', person: person('p1'), roomId: room('f1') },
      { type: 'breakoutStarting', runId: 'run-2', at: 1000 },
      { type: 'sessionsStarted', sessions: { [room('f1')]: 's1', [room('f2')]: 's2' } },
      { type: 'breakoutStarted', at: 2000, endsAt: 60_000, timer: 'board' },
    ]);
    const after = ended(oneEmpty);
    expect(move(after, 1).reportBack?.index).toBe(1);
    expect(move(after, 2)).toBe(after);
  });

  it('returns the same plan when the walk is already there, and moves only after the end', () => {
    const at = move(ended(), 1);
    expect(move(at, 1)).toBe(at);
    expect(move(at, 0).reportBack?.index).toBe(0);
    const running = runningPlan();
    expect(move(running, 0)).toBe(running);
  });
});
