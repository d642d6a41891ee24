/**
 * The edges of each facilitation action: what it refuses, where its bounds sit exactly, and what
 * it leaves alone. A retried or hostile command reaches the reducer with any values, so each guard
 * is a promise to the facilitator (reducer-facilitation.test.ts tells the stories).
 */

import { describe, expect, it } from 'vitest';
import {
  isHelpOnTheWay,
  MAX_ANNOUNCEMENT_LENGTH,
  MAX_EXTENSION_MS,
} from '../../src/domain/facilitation';
import { MAX_DURATION_MS } from '../../src/domain/limits';
import type { Plan } from '../../src/domain/plan';
import { reduceAll, reducePlan } from '../../src/domain/reducer';
import { person, planWithRooms, room, runningPlan } from './fixtures';

const STARTED_AT = 2000;
const ENDS_AT = STARTED_AT + 15 * 60_000;

/** Rooms f1 and f2 running since STARTED_AT, ending at `endsAt` (null: no time limit). */
function runningUntil(endsAt: number | null): Plan {
  return reduceAll(planWithRooms('f1', 'f2'), [
    { type: 'personAssigned', person: person('p1'), roomId: room('f1') },
    { type: 'breakoutStarting', runId: 'run-2', at: 1000 },
    { type: 'sessionsStarted', sessions: { [room('f1')]: 's1', [room('f2')]: 's2' } },
    { type: 'breakoutStarted', at: STARTED_AT, endsAt, timer: 'board' },
  ]);
}

describe('announcementPosted', () => {
  const post = (plan: Plan, text: string, id = 'a1', at = 3000) =>
    reducePlan(plan, { type: 'announcementPosted', id, text, at });

  it('leaves no space at the end where the length cap cut a message', () => {
    const text = `${'a'.repeat(MAX_ANNOUNCEMENT_LENGTH - 1)} and more`;
    expect(post(runningPlan(), text).facilitation.announcements[0]?.text).toBe(
      'a'.repeat(MAX_ANNOUNCEMENT_LENGTH - 1),
    );
  });

  it('refuses an unusable id or time, and posts at time 0', () => {
    const plan = runningPlan();
    expect(post(plan, 'hi', '')).toBe(plan);
    for (const at of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(post(plan, 'hi', 'a1', at)).toBe(plan);
    }
    expect(post(plan, 'hi', 'a1', 0).facilitation.announcements).toEqual([
      { id: 'a1', text: 'hi', at: 0 },
    ]);
  });
});

describe('timeExtended', () => {
  const extend = (plan: Plan, byMs: number) => reducePlan(plan, { type: 'timeExtended', byMs });

  it('adds time up to an hour at once, and nothing for zero, a fraction or more', () => {
    const plan = runningPlan();
    expect(extend(plan, MAX_EXTENSION_MS).endsAt).toBe(ENDS_AT + MAX_EXTENSION_MS);
    expect(extend(plan, 1).endsAt).toBe(ENDS_AT + 1);
    for (const byMs of [0, 1.5, MAX_EXTENSION_MS + 1]) expect(extend(plan, byMs)).toBe(plan);
  });

  it('lets a breakout last at most a day from its start', () => {
    const nearlyADay = runningUntil(STARTED_AT + MAX_DURATION_MS - 30 * 60_000);
    expect(extend(nearlyADay, 30 * 60_000).endsAt).toBe(STARTED_AT + MAX_DURATION_MS);
    expect(extend(nearlyADay, 30 * 60_000 + 1)).toBe(nearlyADay);
  });

  it('has nothing to extend in a breakout without a time limit', () => {
    const open = runningUntil(null);
    expect(extend(open, 60_000)).toBe(open);
  });
});

describe('breakoutPaused and breakoutResumed', () => {
  const pause = (plan: Plan, at: number) => reducePlan(plan, { type: 'breakoutPaused', at });

  it('pauses up to the moment before the end, not at or after it', () => {
    const plan = runningPlan();
    expect(pause(plan, ENDS_AT - 1).facilitation.pausedAt).toBe(ENDS_AT - 1);
    expect(pause(plan, ENDS_AT)).toBe(plan);
    expect(pause(plan, 0).facilitation.pausedAt).toBe(0);
    expect(pause(plan, -1)).toBe(plan);
  });

  it('has no clock to pause without a time limit', () => {
    const open = runningUntil(null);
    expect(pause(open, 5000)).toBe(open);
  });

  it('resumes with the end where it was when the clock says the pause ended before it began', () => {
    const paused = pause(runningPlan(), 10_000);
    const resumed = reducePlan(paused, { type: 'breakoutResumed', at: 9000 });
    expect(resumed.endsAt).toBe(ENDS_AT);
    expect(resumed.facilitation.pausedAt).toBeNull();
    expect(reducePlan(paused, { type: 'breakoutResumed', at: -1 })).toBe(paused);
  });
});

describe('roomLocked, roomUnlocked and roomClosed', () => {
  const locked = (...frameIds: string[]) =>
    reduceAll(
      runningPlan(),
      frameIds.map((frameId) => ({ type: 'roomLocked', roomId: room(frameId) }) as const),
    );

  it('locks rooms of the plan once each', () => {
    const plan = locked('f1');
    expect(plan.facilitation.lockedRoomIds).toEqual([room('f1')]);
    expect(reducePlan(plan, { type: 'roomLocked', roomId: room('f1') })).toBe(plan);
    const running = runningPlan();
    expect(reducePlan(running, { type: 'roomLocked', roomId: 'r:gone' })).toBe(running);
  });

  it('unlocks the one room and keeps the others locked; unlocking an open room changes nothing', () => {
    const both = locked('f1', 'f2');
    const one = reducePlan(both, { type: 'roomUnlocked', roomId: room('f1') });
    expect(one.facilitation.lockedRoomIds).toEqual([room('f2')]);
    expect(reducePlan(one, { type: 'roomUnlocked', roomId: room('f1') })).toBe(one);
  });

  it('closes only the room named, at a usable time, in a room the plan has', () => {
    const plan = runningPlan();
    const closed = reducePlan(plan, { type: 'roomClosed', roomId: room('f2'), at: 9000 });
    expect(closed.rooms.map((r) => r.sessionId)).toEqual(['s1', null]);
    expect(closed.facilitation.closedRooms).toEqual([{ roomId: room('f2'), at: 9000 }]);
    expect(reducePlan(plan, { type: 'roomClosed', roomId: 'r:gone', at: 9000 })).toBe(plan);
    expect(reducePlan(plan, { type: 'roomClosed', roomId: room('f2'), at: -5 })).toBe(plan);
  });
});

describe('facilitatorOnTheWay', () => {
  const asked = (plan: Plan, personId: string, at: number) =>
    reducePlan(plan, { type: 'helpRequested', personId, roomId: room('f1'), at });
  const coming = (plan: Plan, personId: string) =>
    reducePlan(plan, { type: 'facilitatorOnTheWay', personId });

  it('marks the request of the person named, whoever asked first', () => {
    const both = asked(asked(runningPlan(), 'p1', 5000), 'p2', 6000);
    const toBen = coming(both, 'p2');
    expect(toBen.facilitation.helpOnTheWay).toEqual([{ personId: 'p2', at: 6000 }]);
    expect(isHelpOnTheWay(toBen, 'p1')).toBe(false);
  });

  it('keeps being on the way to others, also to people who asked at the same moment', () => {
    const both = asked(asked(runningPlan(), 'p1', 5000), 'p2', 5000);
    const toBoth = coming(coming(both, 'p1'), 'p2');
    expect(toBoth.facilitation.helpOnTheWay).toEqual([
      { personId: 'p1', at: 5000 },
      { personId: 'p2', at: 5000 },
    ]);
    expect(coming(toBoth, 'p2')).toBe(toBoth);
  });

  it('forgets being on the way to a request that was answered', () => {
    const first = coming(asked(runningPlan(), 'p1', 5000), 'p1');
    const again = asked(reducePlan(first, { type: 'helpResolved', personId: 'p1' }), 'p1', 8000);
    expect(coming(again, 'p1').facilitation.helpOnTheWay).toEqual([{ personId: 'p1', at: 8000 }]);
  });
});
