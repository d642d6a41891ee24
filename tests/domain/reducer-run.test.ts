import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/domain/plan';
import { isAllowedInPhase, reduceAll, reducePlan } from '../../src/domain/reducer';
import { FACILITATOR, person, planWithRooms, room, runningPlan } from './fixtures';

const statusOf = (plan: Plan, id: string) => plan.people.find((p) => p.id === id)?.status;
const roomOfPerson = (plan: Plan, id: string) => plan.people.find((p) => p.id === id)?.roomId;

function startingPlan(): Plan {
  return reduceAll(planWithRooms('f1', 'f2', 'f3'), [
    { type: 'personAssigned', person: person('p1'), roomId: room('f1') },
    { type: 'personAssigned', person: person('p2'), roomId: room('f2') },
    { type: 'breakoutStarting', runId: 'run-2', at: 1000 },
  ]);
}

describe('starting a breakout', () => {
  it('breakoutStarting moves to the starting phase under a new run id', () => {
    const plan = startingPlan();
    expect(plan).toMatchObject({ phase: 'starting', runId: 'run-2', startedAt: 1000 });
  });

  it('sessionsStarted records each room session, ignoring unknown rooms', () => {
    const plan = reducePlan(startingPlan(), {
      type: 'sessionsStarted',
      sessions: { [room('f1')]: 's1', 'r:unknown': 'sx' },
    });
    expect(plan.rooms.map((r) => r.sessionId)).toEqual(['s1', null, null]);
  });

  it('breakoutStarted marks people in rooms with a session as invited and sets the end time', () => {
    const plan = reduceAll(startingPlan(), [
      { type: 'sessionsStarted', sessions: { [room('f1')]: 's1' } },
      { type: 'breakoutStarted', at: 2000, endsAt: 902_000, timer: 'app' },
    ]);
    expect(plan).toMatchObject({
      phase: 'running',
      startedAt: 2000,
      endsAt: 902_000,
      timer: 'app',
    });
    expect(statusOf(plan, 'p1')).toBe('invited');
    // No session for that room: nobody could have invited p2 yet.
    expect(statusOf(plan, 'p2')).toBe('assigned');
  });

  it('a second breakoutStarting (double click) is ignored once starting', () => {
    const plan = startingPlan();
    expect(reducePlan(plan, { type: 'breakoutStarting', runId: 'run-3', at: 5 })).toBe(plan);
  });
});

describe('invitations', () => {
  it('a rejected invitation marks the person declined, dismissed or timed-out by its reason', () => {
    const plan = reduceAll(runningPlan(), [
      { type: 'invitationAnswered', personId: 'p1', accepted: false, reason: 'clicked-button' },
      { type: 'invitationAnswered', personId: 'p2', accepted: false, reason: 'timed-out' },
      { type: 'invitationAnswered', personId: 'p3', accepted: false, reason: 'clicked-outside' },
    ]);
    expect(statusOf(plan, 'p1')).toBe('declined');
    expect(statusOf(plan, 'p2')).toBe('timed-out');
    expect(statusOf(plan, 'p3')).toBe('dismissed');
  });

  it('an accepted invitation waits for the join event', () => {
    const plan = runningPlan();
    expect(
      reducePlan(plan, {
        type: 'invitationAnswered',
        personId: 'p1',
        accepted: true,
        reason: 'clicked-button',
      }),
    ).toBe(plan);
  });

  it('a late rejection does not undo a join that already happened (C3 reversed order)', () => {
    const plan = reduceAll(runningPlan(), [
      { type: 'participantJoined', personId: 'p1', sessionId: 's1' },
      { type: 'invitationAnswered', personId: 'p1', accepted: false, reason: 'timed-out' },
    ]);
    expect(statusOf(plan, 'p1')).toBe('joined');
  });

  it('participantsInvited re-invites people who declined but never downgrades a joined one', () => {
    const plan = reduceAll(runningPlan(), [
      { type: 'invitationAnswered', personId: 'p1', accepted: false, reason: 'clicked-button' },
      { type: 'participantJoined', personId: 'p3', sessionId: 's2' },
      { type: 'participantsInvited', personIds: ['p1', 'p3'] },
    ]);
    expect(statusOf(plan, 'p1')).toBe('invited');
    expect(statusOf(plan, 'p3')).toBe('joined');
  });
});

describe('joining and leaving', () => {
  it("a join through the person's own room session marks them joined", () => {
    const plan = reducePlan(runningPlan(), {
      type: 'participantJoined',
      personId: 'p1',
      sessionId: 's1',
    });
    expect(statusOf(plan, 'p1')).toBe('joined');
  });

  it('a join through another session is ignored', () => {
    const plan = runningPlan();
    expect(reducePlan(plan, { type: 'participantJoined', personId: 'p1', sessionId: 's2' })).toBe(
      plan,
    );
  });

  it('a join by someone not in the plan is ignored', () => {
    const plan = runningPlan();
    expect(
      reducePlan(plan, { type: 'participantJoined', personId: 'stranger', sessionId: 's1' }),
    ).toBe(plan);
  });

  it('leaving keeps the person in their room (D9 regression)', () => {
    const plan = reduceAll(runningPlan(), [
      { type: 'participantJoined', personId: 'p1', sessionId: 's1' },
      { type: 'participantLeft', personId: 'p1', sessionId: 's1' },
    ]);
    expect(statusOf(plan, 'p1')).toBe('left');
    expect(roomOfPerson(plan, 'p1')).toBe(room('f1'));
  });

  it('a person who left can rejoin their room', () => {
    const plan = reduceAll(runningPlan(), [
      { type: 'participantJoined', personId: 'p1', sessionId: 's1' },
      { type: 'participantLeft', personId: 'p1', sessionId: 's1' },
      { type: 'participantJoined', personId: 'p1', sessionId: 's1' },
    ]);
    expect(statusOf(plan, 'p1')).toBe('joined');
  });

  it('leaving the old room after a move does not mark the person as gone from the new one', () => {
    const plan = reduceAll(runningPlan(), [
      { type: 'participantJoined', personId: 'p1', sessionId: 's1' },
      { type: 'personAssigned', person: person('p1'), roomId: room('f2') },
      { type: 'participantsInvited', personIds: ['p1'] },
      { type: 'participantJoined', personId: 'p1', sessionId: 's2' },
      { type: 'participantLeft', personId: 'p1', sessionId: 's1' },
    ]);
    expect(statusOf(plan, 'p1')).toBe('joined');
    expect(roomOfPerson(plan, 'p1')).toBe(room('f2'));
  });

  it('sessions closing while ending are not recorded as people leaving', () => {
    const joined = reducePlan(runningPlan(), {
      type: 'participantJoined',
      personId: 'p1',
      sessionId: 's1',
    });
    const plan = reduceAll(joined, [
      { type: 'breakoutEnding', at: 5000 },
      { type: 'participantLeft', personId: 'p1', sessionId: 's1' },
    ]);
    expect(statusOf(plan, 'p1')).toBe('joined');
  });

  it('a burst of joins reduces to one plan (one write)', () => {
    const actions = ['p1', 'p2'].map((personId) => ({
      type: 'participantJoined' as const,
      personId,
      sessionId: 's1',
    }));
    const plan = reduceAll(runningPlan(), [
      ...actions,
      { type: 'participantJoined', personId: 'p3', sessionId: 's2' },
    ]);
    expect(plan.people.every((p) => p.status === 'joined')).toBe(true);
  });
});

describe('help requests', () => {
  it('records a request and keeps only the first while it is open', () => {
    const plan = reduceAll(runningPlan(), [
      { type: 'helpRequested', personId: 'p1', roomId: room('f1'), at: 10 },
      { type: 'helpRequested', personId: 'p1', roomId: room('f1'), at: 20 },
    ]);
    expect(plan.helpRequests).toEqual([{ personId: 'p1', roomId: room('f1'), at: 10 }]);
  });

  it('drops an unknown room from a request rather than storing a dangling reference', () => {
    const plan = reducePlan(runningPlan(), {
      type: 'helpRequested',
      personId: 'p1',
      roomId: 'r:nope',
      at: 1,
    });
    expect(plan.helpRequests[0]?.roomId).toBeNull();
  });

  it('helpResolved closes the request, and the person may ask again', () => {
    const plan = reduceAll(runningPlan(), [
      { type: 'helpRequested', personId: 'p1', roomId: null, at: 10 },
      { type: 'helpResolved', personId: 'p1' },
      { type: 'helpRequested', personId: 'p1', roomId: null, at: 30 },
    ]);
    expect(plan.helpRequests).toEqual([{ personId: 'p1', roomId: null, at: 30 }]);
  });

  it('is ignored while planning', () => {
    const plan = planWithRooms('f1');
    expect(reducePlan(plan, { type: 'helpRequested', personId: 'p1', roomId: null, at: 1 })).toBe(
      plan,
    );
  });
});

describe('ending', () => {
  it('breakoutEnded clears sessions and help requests and keeps who joined', () => {
    const plan = reduceAll(runningPlan(), [
      { type: 'participantJoined', personId: 'p1', sessionId: 's1' },
      { type: 'helpRequested', personId: 'p2', roomId: null, at: 3 },
      { type: 'breakoutEnding', at: 4000 },
      { type: 'breakoutEnded', at: 5000 },
    ]);
    expect(plan).toMatchObject({ phase: 'ended', endedAt: 5000, helpRequests: [] });
    expect(plan.rooms.every((r) => r.sessionId === null)).toBe(true);
    expect(statusOf(plan, 'p1')).toBe('joined');
  });

  it('ending twice (timer and button at once) is harmless', () => {
    const ended = reduceAll(runningPlan(), [{ type: 'breakoutEnded', at: 5000 }]);
    expect(reducePlan(ended, { type: 'breakoutEnded', at: 6000 })).toBe(ended);
    expect(reducePlan(ended, { type: 'breakoutEnding', at: 6000 })).toBe(ended);
  });
});

describe('planReset', () => {
  it('goes back to planning with the same rooms and assignments under a new run id', () => {
    const ended = reduceAll(runningPlan(), [
      { type: 'participantJoined', personId: 'p1', sessionId: 's1' },
      { type: 'breakoutEnded', at: 5000 },
    ]);
    const plan = reducePlan(ended, { type: 'planReset', runId: 'run-3' });
    expect(plan).toMatchObject({
      phase: 'planning',
      runId: 'run-3',
      startedAt: null,
      endsAt: null,
      endedAt: null,
      timer: null,
    });
    expect(plan.rooms.map((r) => r.id)).toEqual(ended.rooms.map((r) => r.id));
    expect(plan.people.map((p) => [p.id, p.roomId, p.status])).toEqual([
      ['p1', room('f1'), 'assigned'],
      ['p2', room('f1'), 'assigned'],
      ['p3', room('f2'), 'assigned'],
    ]);
  });

  it('abandons a start that failed', () => {
    const plan = reducePlan(startingPlan(), { type: 'planReset', runId: 'run-9' });
    expect(plan.phase).toBe('planning');
  });

  it('cannot interrupt a running breakout', () => {
    const plan = runningPlan();
    expect(reducePlan(plan, { type: 'planReset', runId: 'run-9' })).toBe(plan);
  });
});

describe('facilitatorTookOver', () => {
  it('makes the new person the facilitator, in any phase', () => {
    const plan = reducePlan(runningPlan(), {
      type: 'facilitatorTookOver',
      facilitator: person('p9', 'Nia'),
    });
    expect(plan.facilitator).toEqual({ id: 'p9', name: 'Nia' });
  });

  it('returns the same plan when the facilitator is unchanged', () => {
    const plan = runningPlan();
    expect(reducePlan(plan, { type: 'facilitatorTookOver', facilitator: FACILITATOR })).toBe(plan);
  });
});

describe('phase guards', () => {
  it('allow assignments while planning and running only', () => {
    expect(isAllowedInPhase('personAssigned', 'planning')).toBe(true);
    expect(isAllowedInPhase('personAssigned', 'running')).toBe(true);
    expect(isAllowedInPhase('personAssigned', 'starting')).toBe(false);
    expect(isAllowedInPhase('personAssigned', 'ended')).toBe(false);
  });

  it('ignore session events after the end, so a late event cannot reopen anything', () => {
    const ended = reducePlan(runningPlan(), { type: 'breakoutEnded', at: 9 });
    expect(reducePlan(ended, { type: 'participantJoined', personId: 'p1', sessionId: 's1' })).toBe(
      ended,
    );
    expect(reducePlan(ended, { type: 'sessionsStarted', sessions: { [room('f1')]: 's7' } })).toBe(
      ended,
    );
  });
});
