import { describe, expect, it } from 'vitest';
import { MAX_DURATION_MS } from '../../src/domain/limits';
import { reduceAll, reducePlan } from '../../src/domain/reducer';
import { FACILITATOR, frame, person, planWithRooms, room, runningPlan } from './fixtures';

const statusOf = (plan: ReturnType<typeof runningPlan>, id: string) =>
  plan.people.find((p) => p.id === id)?.status;

describe('personAssigned while planning', () => {
  it('adds a new person to the room', () => {
    const plan = reducePlan(planWithRooms('f1'), {
      type: 'personAssigned',
      person: person('p1', 'Ada'),
      roomId: room('f1'),
    });
    expect(plan.people).toEqual([
      { id: 'p1', name: 'Ada', roomId: room('f1'), status: 'assigned' },
    ]);
  });

  it('moves a person in one step, so they are never in two rooms', () => {
    const plan = reduceAll(planWithRooms('f1', 'f2'), [
      { type: 'personAssigned', person: person('p1'), roomId: room('f1') },
      { type: 'personAssigned', person: person('p1'), roomId: room('f2') },
    ]);
    expect(plan.people).toHaveLength(1);
    expect(plan.people[0]?.roomId).toBe(room('f2'));
  });

  it('unassigning removes the person from the plan, keeping the stored plan small', () => {
    const plan = reduceAll(planWithRooms('f1'), [
      { type: 'personAssigned', person: person('p1'), roomId: room('f1') },
      { type: 'personAssigned', person: person('p1'), roomId: null },
    ]);
    expect(plan.people).toEqual([]);
  });

  it('ignores a room that does not exist', () => {
    const plan = planWithRooms('f1');
    expect(reducePlan(plan, { type: 'personAssigned', person: person('p1'), roomId: 'r:zz' })).toBe(
      plan,
    );
  });

  it('returns the same plan when the person is already there under the same name', () => {
    const plan = reducePlan(planWithRooms('f1'), {
      type: 'personAssigned',
      person: person('p1'),
      roomId: room('f1'),
    });
    expect(
      reducePlan(plan, { type: 'personAssigned', person: person('p1'), roomId: room('f1') }),
    ).toBe(plan);
  });

  it('stores only a cleaned id and name, never other fields such as an email (D11)', () => {
    const withEmail = { id: 'p1', name: 'Ada\n', email: 'ada@example.com' };
    const plan = reducePlan(planWithRooms('f1'), {
      type: 'personAssigned',
      person: withEmail,
      roomId: room('f1'),
    });
    expect(JSON.stringify(plan)).not.toContain('example.com');
    expect(plan.people[0]?.name).toBe('Ada');
  });
});

describe('personAssigned while running', () => {
  it('moves a person and marks them assigned so the controller invites them to the new room', () => {
    const plan = reducePlan(runningPlan(), {
      type: 'personAssigned',
      person: person('p1'),
      roomId: room('f2'),
    });
    expect(plan.people.find((p) => p.id === 'p1')).toMatchObject({
      roomId: room('f2'),
      status: 'assigned',
    });
  });

  it('places a late joiner as assigned', () => {
    const plan = reducePlan(runningPlan(), {
      type: 'personAssigned',
      person: person('late'),
      roomId: room('f1'),
    });
    expect(statusOf(plan, 'late')).toBe('assigned');
  });

  it('re-invites a person who declined when put in the same room again', () => {
    const plan = reduceAll(runningPlan(), [
      { type: 'invitationAnswered', personId: 'p1', accepted: false, reason: 'clicked-button' },
      { type: 'personAssigned', person: person('p1'), roomId: room('f1') },
    ]);
    expect(statusOf(plan, 'p1')).toBe('assigned');
  });

  it('does not disturb a person who already joined when put in the same room again', () => {
    const joined = reducePlan(runningPlan(), {
      type: 'participantJoined',
      personId: 'p1',
      sessionId: 's1',
    });
    expect(
      reducePlan(joined, { type: 'personAssigned', person: person('p1'), roomId: room('f1') }),
    ).toBe(joined);
  });

  it('refuses to send anyone to a room whose frame is gone', () => {
    const plan = reducePlan(runningPlan(), { type: 'frameDeleted', frameId: 'f2' });
    expect(
      reducePlan(plan, { type: 'personAssigned', person: person('p1'), roomId: room('f2') }),
    ).toBe(plan);
  });

  it('keeps the entry of an unassigned person for the end summary', () => {
    const plan = reducePlan(runningPlan(), {
      type: 'personAssigned',
      person: person('p1'),
      roomId: null,
    });
    expect(plan.people.find((p) => p.id === 'p1')).toMatchObject({ roomId: null });
  });
});

describe('peopleSplit', () => {
  it('applies the split the caller computed, in one step', () => {
    const plan = reducePlan(planWithRooms('f1', 'f2'), {
      type: 'peopleSplit',
      people: [person('a'), person('b'), person('c')],
      assignment: { a: room('f1'), b: room('f2'), c: room('f1') },
    });
    expect(plan.people.map((p) => [p.id, p.roomId])).toEqual([
      ['a', room('f1')],
      ['b', room('f2')],
      ['c', room('f1')],
    ]);
  });

  it('leaves people it does not list where they are', () => {
    const plan = reduceAll(planWithRooms('f1', 'f2'), [
      { type: 'personAssigned', person: person('a'), roomId: room('f1') },
      { type: 'peopleSplit', people: [person('b')], assignment: { b: room('f2') } },
    ]);
    expect(plan.people.find((p) => p.id === 'a')?.roomId).toBe(room('f1'));
  });

  it('does not pick up assignment keys from the object prototype', () => {
    const plan = reducePlan(planWithRooms('f1'), {
      type: 'peopleSplit',
      people: [person('toString')],
      assignment: {},
    });
    expect(plan.people).toEqual([]);
  });
});

describe('assignmentsCleared', () => {
  it('takes everyone out of the rooms', () => {
    const plan = reduceAll(planWithRooms('f1'), [
      { type: 'personAssigned', person: person('a'), roomId: room('f1') },
      { type: 'assignmentsCleared' },
    ]);
    expect(plan.people).toEqual([]);
  });

  it('is ignored while running, so nobody loses their room mid-breakout', () => {
    const plan = runningPlan();
    expect(reducePlan(plan, { type: 'assignmentsCleared' })).toBe(plan);
  });
});

describe('durationSet', () => {
  it('stores a duration in whole milliseconds, or no limit', () => {
    const plan = reducePlan(planWithRooms('f1'), { type: 'durationSet', durationMs: 600_000.4 });
    expect(plan.durationMs).toBe(600_000);
    expect(reducePlan(plan, { type: 'durationSet', durationMs: null }).durationMs).toBeNull();
  });

  it('ignores values that are not a duration', () => {
    const plan = planWithRooms('f1');
    for (const durationMs of [Number.NaN, -1, Infinity, MAX_DURATION_MS + 1]) {
      expect(reducePlan(plan, { type: 'durationSet', durationMs })).toBe(plan);
    }
  });
});

describe('includeFacilitatorSet', () => {
  it('switching it off takes the facilitator out of their room', () => {
    const plan = reduceAll(planWithRooms('f1'), [
      { type: 'includeFacilitatorSet', include: true },
      { type: 'personAssigned', person: FACILITATOR, roomId: room('f1') },
      { type: 'includeFacilitatorSet', include: false },
    ]);
    expect(plan.includeFacilitator).toBe(false);
    expect(plan.people).toEqual([]);
  });

  it('returns the same plan when the setting does not change', () => {
    const plan = planWithRooms('f1');
    expect(reducePlan(plan, { type: 'includeFacilitatorSet', include: false })).toBe(plan);
  });
});

describe('roomsAdded then framesSeen for rooms added later', () => {
  it('a new frame listing does not add rooms by itself', () => {
    const plan = planWithRooms('f1');
    expect(reducePlan(plan, { type: 'framesSeen', frames: [frame('f7', 'New')] })).toBe(plan);
  });
});
