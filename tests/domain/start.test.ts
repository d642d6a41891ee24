import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/domain/plan';
import { reduceAll } from '../../src/domain/reducer';
import { decideStart, startedActions, startRefusal } from '../../src/domain/start';
import { FACILITATOR, person, planWithRooms, room } from './fixtures';

/** Rooms f1, f2, f3; p1 and p2 in f1, p3 in f3, f2 empty. */
function planned(): Plan {
  return reduceAll(planWithRooms('f1', 'f2', 'f3'), [
    { type: 'personAssigned', person: person('p1'), roomId: room('f1') },
    { type: 'personAssigned', person: person('p2'), roomId: room('f1') },
    { type: 'personAssigned', person: person('p3'), roomId: room('f3') },
  ]);
}

const facts = (online: string[], timerEntitled = true) => ({
  me: FACILITATOR,
  online: new Set(online),
  runId: 'run-2',
  at: 1_000,
  timerEntitled,
});

describe('startRefusal', () => {
  it('refuses a breakout that is not being planned, or has nobody to invite', () => {
    expect(startRefusal(null)).toBe('The breakout is already running.');
    const running = reduceAll(planned(), [{ type: 'breakoutStarting', runId: 'r', at: 1 }]);
    expect(startRefusal(running)).toBe('The breakout is already running.');
    expect(startRefusal(planWithRooms('f1'))).toBe('Assign people to at least one room first.');
    expect(startRefusal(planned())).toBeNull();
  });

  it('does not count the facilitator alone in a room as someone to invite', () => {
    const onlyMe = reduceAll(planWithRooms('f1'), [
      { type: 'includeFacilitatorSet', include: true },
      { type: 'personAssigned', person: FACILITATOR, roomId: room('f1') },
    ]);
    expect(startRefusal(onlyMe)).toBe('Assign people to at least one room first.');
  });
});

describe('decideStart', () => {
  it('opens the rooms that have people, in plan order, and invites who is online', () => {
    const decision = decideStart(planned(), facts(['p1', 'p3', 'fac']));
    expect(decision.rooms.map(({ room: r }) => r.id)).toEqual([room('f1'), room('f3')]);
    expect(decision.rooms.map(({ invite }) => invite)).toEqual([
      [{ id: 'p1', name: 'Person p1' }],
      [{ id: 'p3', name: 'Person p3' }],
    ]);
    expect(decision.leftOut).toEqual([
      { person: { id: 'p2', name: 'Person p2' }, roomId: room('f1'), reason: 'offline' },
    ]);
  });

  it('opens a room whose people are all offline, so they can be invited when they come', () => {
    const decision = decideStart(planned(), facts(['p1', 'p2']));
    const f3 = decision.rooms.find(({ room: r }) => r.id === room('f3'));
    expect(f3?.invite).toEqual([]);
    expect(decision.leftOut.map(({ person: p }) => p.id)).toEqual(['p3']);
  });

  it('opens a room the imported list names someone for who has not arrived, so they can be invited to it later', () => {
    const plan = reduceAll(planned(), [
      { type: 'preAssignmentsSet', rows: [{ name: 'Ken Late', roomId: room('f2') }] },
    ]);
    const decision = decideStart(plan, facts(['p1', 'p2', 'p3']));
    expect(decision.rooms.map(({ room: r }) => r.id)).toEqual([room('f1'), room('f2'), room('f3')]);
    expect(decision.rooms[1]?.invite).toEqual([]);
    // Without the list an empty room stays closed.
    expect(decideStart(planned(), facts(['p1'])).rooms.map(({ room: r }) => r.id)).toEqual([
      room('f1'),
      room('f3'),
    ]);
  });

  it('never invites the facilitator; a facilitator taking part joins their own room', () => {
    const plan = reduceAll(planned(), [
      { type: 'includeFacilitatorSet', include: true },
      { type: 'personAssigned', person: FACILITATOR, roomId: room('f3') },
    ]);
    const decision = decideStart(plan, facts(['p1', 'p2', 'p3', 'fac']));
    expect(decision.rooms.flatMap(({ invite }) => invite).map((p) => p.id)).not.toContain('fac');
    expect(decision.rooms.map(({ joinMyself }) => joinMyself)).toEqual([false, true]);
    expect(decision.leftOut).toEqual([]);
  });

  it('uses the board timer only with a time limit and the entitlement', () => {
    const plan = planned();
    const limited = decideStart(plan, facts(['p1']));
    expect(limited).toMatchObject({
      startedAt: 1_000,
      endsAt: 1_000 + (plan.durationMs ?? 0),
      timer: 'board',
      startBoardTimer: true,
    });
    expect(decideStart(plan, facts(['p1'], false))).toMatchObject({
      timer: 'app',
      startBoardTimer: false,
    });
    const open = reduceAll(plan, [{ type: 'durationSet', durationMs: null }]);
    expect(decideStart(open, facts(['p1']))).toMatchObject({
      endsAt: null,
      timer: null,
      startBoardTimer: false,
    });
  });

  it('asks for the main area only when none was chosen', () => {
    expect(decideStart(planned(), facts(['p1'])).needsMainArea).toBe(true);
    const chosen = reduceAll(planned(), [
      {
        type: 'mainAreaChosen',
        mainArea: { kind: 'viewport', rect: { x: 0, y: 0, width: 10, height: 10 } },
      },
    ]);
    expect(decideStart(chosen, facts(['p1'])).needsMainArea).toBe(false);
  });
});

describe('startedActions', () => {
  it('record a running breakout: its run, its sessions, its main area, everyone invited', () => {
    const plan = planned();
    const decision = decideStart(plan, facts(['p1', 'p3']));
    const rect = { x: 1, y: 2, width: 3, height: 4 };
    const after = reduceAll(
      plan,
      startedActions(
        decision,
        { [room('f1')]: 's1', [room('f3')]: 's3' },
        { kind: 'viewport', rect },
      ),
    );
    expect(after).toMatchObject({ phase: 'running', runId: 'run-2', startedAt: 1_000 });
    expect(after.mainArea).toEqual({ kind: 'viewport', rect });
    expect(after.rooms.map((r) => r.sessionId)).toEqual(['s1', null, 's3']);
    expect(after.people.every((p) => p.status === 'invited')).toBe(true);
  });
});
