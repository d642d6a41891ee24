import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/domain/plan';
import { reduceAll, reducePlan } from '../../src/domain/reducer';
import {
  assignmentOf,
  countdownOf,
  endSummary,
  helpQueue,
  invitesToSend,
  ownRoomFrame,
  personView,
  roomOf,
  roomsNeedingSessions,
  roomsWithPeople,
  startBlockers,
  timeLeft,
  unassignedOnline,
} from '../../src/domain/selectors';
import { FACILITATOR, newPlan, person, planWithRooms, room, runningPlan } from './fixtures';

const ids = (people: ReadonlyArray<{ id: string }>) => people.map((p) => p.id);

function plannedPlan(): Plan {
  return reduceAll(planWithRooms('f1', 'f2', 'f3'), [
    { type: 'personAssigned', person: person('p1'), roomId: room('f1') },
    { type: 'personAssigned', person: person('p2'), roomId: room('f1') },
    { type: 'personAssigned', person: person('p3'), roomId: room('f2') },
  ]);
}

describe('roomsWithPeople and roomOf', () => {
  it('lists every room in order with its people, empty rooms included', () => {
    const rooms = roomsWithPeople(plannedPlan());
    expect(rooms.map(({ room: r, people }) => [r.id, ids(people)])).toEqual([
      [room('f1'), ['p1', 'p2']],
      [room('f2'), ['p3']],
      [room('f3'), []],
    ]);
  });

  it('finds the room of a person, or null', () => {
    expect(roomOf(plannedPlan(), 'p3')?.id).toBe(room('f2'));
    expect(roomOf(plannedPlan(), 'nobody')).toBeNull();
  });

  it('assignmentOf gives who is where, for fillBalanced', () => {
    expect([...assignmentOf(plannedPlan())]).toEqual([
      ['p1', room('f1')],
      ['p2', room('f1')],
      ['p3', room('f2')],
    ]);
  });
});

describe('personView', () => {
  /** p1 of the running fixture, after joining their room. */
  const joinedP1 = () => {
    const joined = reducePlan(runningPlan(), {
      type: 'participantJoined',
      personId: 'p1',
      sessionId: 's1',
    });
    const [p1] = joined.people;
    if (p1 === undefined) throw new Error('fixture has p1');
    return p1;
  };

  it('shows offline for a person not online, whatever their stored status (never stored)', () => {
    const p1 = joinedP1();
    expect(personView(p1, new Set(['p1'])).display).toBe('joined');
    expect(personView(p1, new Set())).toMatchObject({
      display: 'offline',
      online: false,
      status: 'joined',
    });
  });

  it('shows someone whose room was closed early as back in the main area, unless offline', () => {
    const p1 = joinedP1();
    expect(personView(p1, new Set(['p1']), true).display).toBe('returned');
    expect(personView(p1, new Set(), true).display).toBe('offline');
  });
});

describe('unassignedOnline', () => {
  it('lists online people in no room, once each, without the facilitator', () => {
    const online = [person('p1'), person('p9', 'Nia'), person('p9', 'Nia'), FACILITATOR];
    expect(unassignedOnline(plannedPlan(), online, FACILITATOR.id)).toEqual([
      { id: 'p9', name: 'Nia' },
    ]);
  });

  it('includes the facilitator when they take part', () => {
    const plan = reducePlan(plannedPlan(), { type: 'includeFacilitatorSet', include: true });
    expect(ids(unassignedOnline(plan, [FACILITATOR], FACILITATOR.id))).toEqual([FACILITATOR.id]);
  });
});

describe('startBlockers', () => {
  const everyone = new Set(['p1', 'p2', 'p3']);

  it('is empty when the plan can start', () => {
    expect(startBlockers(plannedPlan(), everyone)).toEqual([]);
  });

  it('asks for a room first when there is none', () => {
    expect(startBlockers(newPlan(), everyone)).toEqual([
      'Add a room first: select one or more frames and add them as rooms.',
    ]);
  });

  it('names the room whose frame was deleted and says what to do', () => {
    const plan = reducePlan(plannedPlan(), { type: 'frameDeleted', frameId: 'f2' });
    expect(startBlockers(plan, everyone)).toEqual([
      "Room 'Room f2' has no frame any more: its frame was deleted. Remove the room or add a frame.",
    ]);
  });

  it('says when nobody is assigned, or nobody assigned is online', () => {
    expect(startBlockers(planWithRooms('f1'), everyone)).toEqual([
      'Nobody is in a room yet. Assign people or split them into the rooms.',
    ]);
    expect(startBlockers(plannedPlan(), new Set())).toEqual([
      'None of the people in rooms is online now, so nobody could be invited.',
    ]);
  });

  it('rejects a duration under a minute', () => {
    const plan = reducePlan(plannedPlan(), { type: 'durationSet', durationMs: 10_000 });
    expect(startBlockers(plan, everyone)).toEqual([
      'Set a duration from 1 minute to 24 hours, or no time limit.',
    ]);
    expect(
      startBlockers(reducePlan(plan, { type: 'durationSet', durationMs: null }), everyone),
    ).toEqual([]);
  });

  it('says a breakout is already running', () => {
    expect(startBlockers(runningPlan(), everyone)).toEqual(['The breakout is already running.']);
  });
});

describe('invitesToSend and roomsNeedingSessions', () => {
  it('groups the people to invite by room and leaves out rooms with nobody to invite (D13)', () => {
    const invites = invitesToSend(plannedPlan());
    expect(invites.map(({ room: r, people }) => [r.id, ids(people)])).toEqual([
      [room('f1'), ['p1', 'p2']],
      [room('f2'), ['p3']],
    ]);
  });

  it('never invites the facilitator, who joins their room directly', () => {
    const plan = reduceAll(plannedPlan(), [
      { type: 'includeFacilitatorSet', include: true },
      { type: 'personAssigned', person: FACILITATOR, roomId: room('f3') },
    ]);
    expect(invitesToSend(plan).map(({ room: r }) => r.id)).not.toContain(room('f3'));
    expect(roomsNeedingSessions(plan).map((r) => r.id)).toContain(room('f3'));
  });

  it('sends only what is still owed once running: the moved person, nobody already invited', () => {
    const plan = reducePlan(runningPlan(), {
      type: 'personAssigned',
      person: person('p1'),
      roomId: room('f2'),
    });
    expect(invitesToSend(plan).map(({ room: r, people }) => [r.id, ids(people)])).toEqual([
      [room('f2'), ['p1']],
    ]);
  });

  it('starts sessions only for rooms with people in them', () => {
    expect(roomsNeedingSessions(plannedPlan()).map((r) => r.id)).toEqual([room('f1'), room('f2')]);
    expect(roomsNeedingSessions(runningPlan())).toEqual([]);
  });
});

describe('endSummary', () => {
  it('sums up per room who joined (even if they left later) and who never came', () => {
    const plan = reduceAll(runningPlan(), [
      { type: 'participantJoined', personId: 'p1', sessionId: 's1' },
      { type: 'participantLeft', personId: 'p1', sessionId: 's1' },
      { type: 'invitationAnswered', personId: 'p2', accepted: false, reason: 'timed-out' },
      { type: 'breakoutEnded', at: 10 },
    ]);
    expect(
      endSummary(plan).map(({ room: r, joined, neverJoined }) => [
        r.id,
        ids(joined),
        ids(neverJoined),
      ]),
    ).toEqual([
      [room('f1'), ['p1'], ['p2']],
      [room('f2'), [], ['p3']],
    ]);
  });
});

describe('timeLeft', () => {
  it('counts down to the end and never below zero', () => {
    const plan = runningPlan();
    const endsAt = plan.endsAt as number;
    expect(timeLeft(countdownOf(plan), endsAt - 5000)).toBe(5000);
    expect(timeLeft(countdownOf(plan), endsAt + 5000)).toBe(0);
  });

  it('is null without a time limit or when nothing runs', () => {
    expect(timeLeft(countdownOf(plannedPlan()), 0)).toBeNull();
    const unlimited = reducePlan(runningPlan(), { type: 'breakoutEnded', at: 1 });
    expect(timeLeft(countdownOf(unlimited), 0)).toBeNull();
  });
});

describe('ownRoomFrame', () => {
  it("is the person's room frame only while their room runs", () => {
    const running = runningPlan();
    const mine = running.people.find((p) => p.roomId !== null);
    if (!mine) throw new Error('fixture has nobody in a room');
    const frame = running.rooms.find((r) => r.id === mine.roomId)?.frame;
    expect(ownRoomFrame(running, mine.id)).toEqual({ frame });

    const closed = reducePlan(running, { type: 'roomClosed', roomId: mine.roomId ?? '', at: 5 });
    expect(ownRoomFrame(closed, mine.id)).toEqual({ refusal: 'Your room was closed.' });
    const ended = reducePlan(running, { type: 'breakoutEnded', at: 5 });
    expect(ownRoomFrame(ended, mine.id)).toEqual({
      refusal: 'The breakout has ended: you are back in the main area.',
    });
    expect(ownRoomFrame(running, 'nobody')).toEqual({ refusal: 'You are not in a room.' });
    expect(ownRoomFrame(null, mine.id)).toEqual({ refusal: 'You are not in a room.' });
  });
});

describe('helpQueue', () => {
  it('lists open requests oldest first with names, even for people in no room', () => {
    const plan = reduceAll(runningPlan(), [
      { type: 'helpRequested', personId: 'p2', roomId: room('f1'), at: 20 },
      { type: 'helpRequested', personId: 'stranger', roomId: null, at: 10 },
    ]);
    const queue = helpQueue(plan, [person('stranger', 'Sam')]);
    expect(queue.map((entry) => [entry.name, entry.room?.id ?? null])).toEqual([
      ['Sam', null],
      ['Person p2', room('f1')],
    ]);
  });
});
