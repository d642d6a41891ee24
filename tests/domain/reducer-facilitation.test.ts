import { describe, expect, it } from 'vitest';
import { announcementNotifications, warningText } from '../../src/controller/participant-notices';
import {
  isHelpOnTheWay,
  MAX_ANNOUNCEMENTS,
  roomRefusal,
  warningAt,
} from '../../src/domain/facilitation';
import type { Plan } from '../../src/domain/plan';
import { reduceAll, reducePlan } from '../../src/domain/reducer';
import { countdownOf, timeLeft } from '../../src/domain/selectors';
import { encodePlan, parsePlan } from '../../src/domain/stored/plan-v1';
import { NOTIFICATION_LIMIT } from '../../src/domain/text';
import { deepFreeze, newPlan, room, runningPlan } from './fixtures';

const ENDS_AT = 2000 + 15 * 60_000;

describe('announcements', () => {
  it('keeps the last ten, one line each, capped at 500 characters, once per id', () => {
    let plan = deepFreeze(runningPlan());
    for (let index = 0; index < 12; index += 1) {
      plan = reducePlan(plan, {
        type: 'announcementPosted',
        id: `a${index}`,
        text: `Message\n${index} ${'x'.repeat(600)}`,
        at: 3000 + index,
      });
    }
    const { announcements } = plan.facilitation;
    expect(announcements).toHaveLength(MAX_ANNOUNCEMENTS);
    expect(announcements[0]?.id).toBe('a2');
    expect(announcements.every((a) => a.text.length <= 500 && !a.text.includes('\n'))).toBe(true);
    expect(reducePlan(plan, { type: 'announcementPosted', id: 'a11', text: 'again', at: 9 })).toBe(
      plan,
    );
  });

  it('ignores blank messages and is refused outside a run', () => {
    const plan = runningPlan();
    expect(reducePlan(plan, { type: 'announcementPosted', id: 'a', text: '  \n ', at: 1 })).toBe(
      plan,
    );
    const planning = newPlan();
    expect(reducePlan(planning, { type: 'announcementPosted', id: 'a', text: 'hi', at: 1 })).toBe(
      planning,
    );
  });

  it('splits a long message into numbered notifications of at most 80 characters', () => {
    const text = 'Please come back to the main area at 10:45 sharp. '.repeat(8);
    const parts = announcementNotifications(text);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((part) => part.length <= NOTIFICATION_LIMIT)).toBe(true);
    expect(parts[0]).toMatch(/ \(1\/\d+\)$/);
    expect(announcementNotifications('Short one')).toEqual(['Short one']);
    expect(warningText(30_000)).toBe('Rooms close in 0:30. Time to wrap up.');
  });
});

describe('time', () => {
  it('extends the end, pauses the clock and moves the end by the pause on resume', () => {
    const plan = reduceAll(runningPlan(), [
      { type: 'timeExtended', byMs: 5 * 60_000 },
      { type: 'breakoutPaused', at: 10_000 },
    ]);
    expect(plan.endsAt).toBe(ENDS_AT + 5 * 60_000);
    expect(timeLeft(countdownOf(plan), 10_000)).toBe(timeLeft(countdownOf(plan), 500_000));
    expect(warningAt(plan)).toBeNull();
    const extendedWhilePaused = reducePlan(plan, { type: 'timeExtended', byMs: 60_000 });
    const resumed = reducePlan(extendedWhilePaused, { type: 'breakoutResumed', at: 70_000 });
    expect(resumed.facilitation.pausedAt).toBeNull();
    expect(resumed.endsAt).toBe(ENDS_AT + 6 * 60_000 + 60_000);
    expect(warningAt(resumed)).toBe((resumed.endsAt ?? 0) - 60_000);
  });

  it('refuses nonsense: negative time, pausing twice, a warning outside 30-120 s', () => {
    const plan = runningPlan();
    expect(reducePlan(plan, { type: 'timeExtended', byMs: -1 })).toBe(plan);
    const paused = reducePlan(plan, { type: 'breakoutPaused', at: 5000 });
    expect(reducePlan(paused, { type: 'breakoutPaused', at: 6000 })).toBe(paused);
    expect(reducePlan(plan, { type: 'breakoutResumed', at: 6000 })).toBe(plan);
    expect(reducePlan(plan, { type: 'closingWarningSet', warningMs: 10_000 })).toBe(plan);
    expect(
      reducePlan(plan, { type: 'closingWarningSet', warningMs: 30_000 }).facilitation.warningMs,
    ).toBe(30_000);
  });
});

describe('rooms', () => {
  it('locks and unlocks; a closed room loses its session and takes nobody', () => {
    const locked = reducePlan(runningPlan(), { type: 'roomLocked', roomId: room('f1') });
    expect(roomRefusal(locked, room('f1'))).toContain('locked');
    const unlocked = reducePlan(locked, { type: 'roomUnlocked', roomId: room('f1') });
    expect(roomRefusal(unlocked, room('f1'))).toBeNull();
    const closed = reducePlan(unlocked, { type: 'roomClosed', roomId: room('f2'), at: 9000 });
    expect(closed.rooms.find((r) => r.id === room('f2'))?.sessionId).toBeNull();
    expect(roomRefusal(closed, room('f2'))).toContain('closed');
    // Its people keep their room and status, for the end summary.
    expect(closed.people.find((p) => p.id === 'p3')?.roomId).toBe(room('f2'));
    expect(reducePlan(closed, { type: 'roomClosed', roomId: room('f2'), at: 9999 })).toBe(closed);
  });

  it('starts a new run with nothing locked, closed, paused or announced, keeping the warning', () => {
    const busy = reduceAll(runningPlan(), [
      { type: 'closingWarningSet', warningMs: 90_000 },
      { type: 'roomLocked', roomId: room('f1') },
      { type: 'roomClosed', roomId: room('f2'), at: 9000 },
      { type: 'announcementPosted', id: 'a', text: 'hi', at: 9000 },
      { type: 'breakoutPaused', at: 9500 },
      { type: 'breakoutEnded', at: 10_000 },
      { type: 'planReset', runId: 'run-3' },
    ]);
    expect(busy.facilitation).toEqual({
      warningMs: 90_000,
      pausedAt: null,
      announcements: [],
      lockedRoomIds: [],
      closedRooms: [],
      helpOnTheWay: [],
    });
  });
});

describe('help on the way', () => {
  it('marks the open request, and a request made again later is a new one', () => {
    const asked = reducePlan(runningPlan(), {
      type: 'helpRequested',
      personId: 'p1',
      roomId: room('f1'),
      at: 5000,
    });
    const coming = reducePlan(asked, { type: 'facilitatorOnTheWay', personId: 'p1' });
    expect(isHelpOnTheWay(coming, 'p1')).toBe(true);
    const again = reduceAll(coming, [
      { type: 'helpResolved', personId: 'p1' },
      { type: 'helpRequested', personId: 'p1', roomId: room('f1'), at: 8000 },
    ]);
    expect(isHelpOnTheWay(again, 'p1')).toBe(false);
    expect(reducePlan(runningPlan(), { type: 'facilitatorOnTheWay', personId: 'p1' })).toEqual(
      runningPlan(),
    );
  });
});

describe('stored', () => {
  it('reads back what was written, and a plan written before the field reads with defaults', () => {
    const plan = reduceAll(runningPlan(), [
      { type: 'announcementPosted', id: 'a', text: 'Wrap up, please 🙂', at: 9000 },
      { type: 'roomLocked', roomId: room('f1') },
      { type: 'roomClosed', roomId: room('f2'), at: 9000 },
    ]);
    const stored = JSON.parse(JSON.stringify(encodePlan(plan)));
    expect(parsePlan(stored)).toEqual({ status: 'ok', plan });
    const { facilitation: _dropped, ...older } = stored as Plan;
    const read = parsePlan(older);
    expect(read.status).toBe('ok');
    if (read.status === 'ok') expect(read.plan.facilitation.warningMs).toBe(60_000);
  });

  it('names a room lock that points at no room as damage', () => {
    const stored = JSON.parse(JSON.stringify(encodePlan(runningPlan())));
    stored.facilitation.lockedRoomIds = ['r:nowhere'];
    const read = parsePlan(stored);
    expect(read.status).toBe('corrupt');
    if (read.status === 'corrupt') expect(read.message).toContain('facilitation.lockedRoomIds[0]');
  });
});
