/** Shared builders and generators for the domain tests. */

import fc from 'fast-check';
import type { FrameInfo, PlanAction } from '../../src/domain/actions';
import { createPlan } from '../../src/domain/create-plan';
import type { PersonRef, Plan } from '../../src/domain/plan';
import { roomIdForFrame } from '../../src/domain/reduce-rooms';
import { reduceAll } from '../../src/domain/reducer';

/**
 * One fixed seed for every property run, so a failure in CI replays locally. Override with
 * FC_SEED=<n> (and FC_RUNS=<n>) to explore; fast-check prints the seed and path of any
 * counterexample.
 */
const seed = Number(process.env.FC_SEED ?? 424242);
export const propertyOptions = { seed, numRuns: Number(process.env.FC_RUNS ?? 200) } as const;

export const FACILITATOR: PersonRef = { id: 'fac', name: 'Fran Facilitator' };

export function frame(id: string, title = '', x = 0, y = 0): FrameInfo {
  return { id, title, x, y, width: 800, height: 600 };
}

export const person = (id: string, name = `Person ${id}`): PersonRef => ({ id, name });

export function newPlan(): Plan {
  return createPlan({ runId: 'run-1', facilitator: FACILITATOR });
}

/** A planning plan with the given frames as rooms (room ids `r:<frameId>`). */
export function planWithRooms(...frameIds: string[]): Plan {
  return reduceAll(newPlan(), [
    { type: 'roomsAdded', frames: frameIds.map((id) => frame(id, `Room ${id}`)) },
  ]);
}

export const room = roomIdForFrame;

/**
 * A running breakout: rooms f1 and f2 (sessions s1, s2), p1 and p2 in r:f1, p3 in r:f2, all
 * invited.
 */
export function runningPlan(): Plan {
  return reduceAll(planWithRooms('f1', 'f2'), [
    { type: 'personAssigned', person: person('p1'), roomId: room('f1') },
    { type: 'personAssigned', person: person('p2'), roomId: room('f1') },
    { type: 'personAssigned', person: person('p3'), roomId: room('f2') },
    { type: 'breakoutStarting', runId: 'run-2', at: 1000 },
    { type: 'sessionsStarted', sessions: { [room('f1')]: 's1', [room('f2')]: 's2' } },
    { type: 'breakoutStarted', at: 2000, endsAt: 2000 + 15 * 60_000, timer: 'board' },
  ]);
}

/** Freezes every object and array reachable from `value`, so any mutation throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

// Small pools so that generated actions collide: same people, same rooms, same sessions.
const frameIds = ['f1', 'f2', 'f3', 'f4', 'f5'];
const personIds = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'fac'];
const sessionIds = ['s1', 's2', 's3', 's4'];

const frameIdArb = fc.constantFrom(...frameIds);
const roomIdArb = frameIdArb.map(roomIdForFrame);
const personIdArb = fc.constantFrom(...personIds);
const sessionIdArb = fc.constantFrom(...sessionIds);
const timeArb = fc.integer({ min: 0, max: 10_000_000 });
const nameArb = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
);
const personArb = fc.record({ id: personIdArb, name: nameArb });
const frameArb = fc.record({
  id: frameIdArb,
  title: nameArb,
  x: fc.double(),
  y: fc.integer({ min: -5000, max: 5000 }),
  width: fc.integer({ min: 0, max: 2000 }),
  height: fc.double({ min: -10, max: 2000 }),
});

export const actionArb: fc.Arbitrary<PlanAction> = fc.oneof(
  fc.record({
    type: fc.constant('roomsAdded' as const),
    frames: fc.array(frameArb, { maxLength: 4 }),
  }),
  fc.record({ type: fc.constant('roomRenamed' as const), roomId: roomIdArb, name: nameArb }),
  fc.record({ type: fc.constant('roomRemoved' as const), roomId: roomIdArb }),
  fc.record({
    type: fc.constant('framesSeen' as const),
    frames: fc.array(frameArb, { maxLength: 4 }),
  }),
  fc.record({ type: fc.constant('frameDeleted' as const), frameId: frameIdArb }),
  fc.record({
    type: fc.constant('mainAreaChosen' as const),
    mainArea: fc.oneof(
      fc.constant(null),
      fc.record({
        kind: fc.constant('frame' as const),
        frameId: frameIdArb,
        frame: fc.record({
          x: fc.double(),
          y: fc.double(),
          width: fc.double(),
          height: fc.double(),
        }),
      }),
    ),
  }),
  fc.record({
    type: fc.constant('personAssigned' as const),
    person: personArb,
    roomId: fc.option(roomIdArb),
  }),
  fc.array(personArb, { maxLength: 6 }).chain((people) =>
    fc.record({
      type: fc.constant('peopleSplit' as const),
      people: fc.constant(people),
      assignment: fc.dictionary(personIdArb, roomIdArb),
    }),
  ),
  fc.constant({ type: 'assignmentsCleared' as const }),
  fc.record({
    type: fc.constant('durationSet' as const),
    durationMs: fc.option(fc.oneof(fc.double(), fc.integer({ min: 0, max: 90_000_000 }))),
  }),
  fc.record({ type: fc.constant('includeFacilitatorSet' as const), include: fc.boolean() }),
  fc.record({
    type: fc.constant('breakoutStarting' as const),
    runId: fc.constantFrom('run-a', 'run-b', ''),
    at: timeArb,
  }),
  fc.record({
    type: fc.constant('sessionsStarted' as const),
    sessions: fc.dictionary(roomIdArb, sessionIdArb),
  }),
  fc.record({
    type: fc.constant('breakoutStarted' as const),
    at: timeArb,
    endsAt: fc.option(timeArb),
    timer: fc.constantFrom('board' as const, 'app' as const, null),
  }),
  fc.record({
    type: fc.constant('participantsInvited' as const),
    personIds: fc.array(personIdArb, { maxLength: 4 }),
  }),
  fc.record({
    type: fc.constant('invitationAnswered' as const),
    personId: personIdArb,
    accepted: fc.boolean(),
    reason: fc.constantFrom(
      'clicked-button' as const,
      'timed-out' as const,
      'clicked-outside' as const,
    ),
  }),
  fc.record({
    type: fc.constant('participantJoined' as const),
    personId: personIdArb,
    sessionId: sessionIdArb,
  }),
  fc.record({
    type: fc.constant('participantLeft' as const),
    personId: personIdArb,
    sessionId: sessionIdArb,
  }),
  fc.record({
    type: fc.constant('helpRequested' as const),
    personId: personIdArb,
    roomId: fc.option(fc.oneof(roomIdArb, fc.constant('nowhere'))),
    at: timeArb,
  }),
  fc.record({ type: fc.constant('helpResolved' as const), personId: personIdArb }),
  fc.record({ type: fc.constant('breakoutEnding' as const), at: timeArb }),
  fc.record({ type: fc.constant('breakoutEnded' as const), at: timeArb }),
  fc.record({ type: fc.constant('facilitatorTookOver' as const), facilitator: personArb }),
  fc.record({ type: fc.constant('planReset' as const), runId: fc.constantFrom('run-c', 'run-d') }),
  // Facilitation while running (reduce-facilitation.ts).
  fc.record({
    type: fc.constant('announcementPosted' as const),
    id: fc.constantFrom('a1', 'a2', 'a3', ''),
    text: fc.oneof(nameArb, fc.string({ maxLength: 700 })),
    at: timeArb,
  }),
  fc.record({
    type: fc.constant('closingWarningSet' as const),
    warningMs: fc.oneof(fc.constantFrom(30_000, 60_000, 120_000), fc.integer()),
  }),
  fc.record({
    type: fc.constant('timeExtended' as const),
    byMs: fc.integer({ min: -1, max: 4e6 }),
  }),
  fc.record({ type: fc.constant('breakoutPaused' as const), at: timeArb }),
  fc.record({ type: fc.constant('breakoutResumed' as const), at: timeArb }),
  fc.record({ type: fc.constant('roomLocked' as const), roomId: roomIdArb }),
  fc.record({ type: fc.constant('roomUnlocked' as const), roomId: roomIdArb }),
  fc.record({ type: fc.constant('roomClosed' as const), roomId: roomIdArb, at: timeArb }),
  fc.record({ type: fc.constant('facilitatorOnTheWay' as const), personId: personIdArb }),
);

const setupActionArb: fc.Arbitrary<PlanAction> = fc.oneof(
  fc.record({
    type: fc.constant('roomsAdded' as const),
    frames: fc.array(frameArb, { minLength: 1, maxLength: 4 }),
  }),
  fc.record({ type: fc.constant('personAssigned' as const), person: personArb, roomId: roomIdArb }),
  fc.record({ type: fc.constant('personAssigned' as const), person: personArb, roomId: roomIdArb }),
);

const stageArb = fc.constantFrom('planning', 'starting', 'running', 'ending', 'ended', 'reset');

/**
 * Plans reachable through the reducer, in every phase, with a random revision: rooms and people
 * are set up first, then the breakout is taken to a random stage with random events in between,
 * so that running and ended plans are as common as planning ones.
 */
export const reachablePlanArb: fc.Arbitrary<Plan> = fc
  .record({
    rooms: fc.uniqueArray(frameIdArb, { minLength: 1 }),
    setup: fc.array(setupActionArb, { minLength: 3, maxLength: 16 }),
    stage: stageArb,
    sessions: fc.dictionary(roomIdArb, sessionIdArb),
    during: fc.array(actionArb, { maxLength: 16 }),
    after: fc.array(actionArb, { maxLength: 6 }),
    revision: fc.nat(),
  })
  .map(({ rooms, setup, stage, sessions, during, after, revision }) => {
    const started = stage !== 'planning';
    const actions: PlanAction[] = [
      { type: 'roomsAdded', frames: rooms.map((id) => frame(id, id)) },
      ...setup,
      ...(started
        ? [
            { type: 'breakoutStarting', runId: 'run-s', at: 100 } as const,
            { type: 'sessionsStarted', sessions } as const,
          ]
        : []),
      ...(started && stage !== 'starting'
        ? [{ type: 'breakoutStarted', at: 200, endsAt: 100_000, timer: 'board' } as const]
        : []),
      ...during,
      ...(stage === 'ending' || stage === 'ended' || stage === 'reset'
        ? [{ type: 'breakoutEnding', at: 300 } as const]
        : []),
      ...(stage === 'ended' || stage === 'reset'
        ? [{ type: 'breakoutEnded', at: 400 } as const]
        : []),
      ...(stage === 'reset' ? [{ type: 'planReset', runId: 'run-r' } as const] : []),
      ...after,
    ];
    return { ...reduceAll(newPlan(), actions), revision };
  });
