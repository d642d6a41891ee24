import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Command } from '../../src/controller/commands';
import { STALE_PLAN_MS } from '../../src/controller/participant';
import {
  LEAVE_CHECK_MS,
  MOVE_CONFIRM_MS,
  ROOM_CLOSED_NOTIFICATION,
} from '../../src/controller/participant-moves';
import { ON_THE_WAY_NOTIFICATION, warningText } from '../../src/controller/participant-notices';
import { BROADCAST_EVENT, rejoinRequested } from '../../src/domain/messages';
import type { Plan } from '../../src/domain/plan';
import { createWorkshop, type Member, type Workshop } from '../support/workshop';
import { answer, expectOk, isLookingAt, personOf, planBreakout, storedPlan } from './plan-breakout';

afterEach(() => {
  vi.useRealTimers();
});

type Options = Parameters<typeof createWorkshop>[0];

/** A running breakout, everyone joined. */
async function running(options: Options = {}): Promise<Workshop> {
  const w = await createWorkshop({ participants: 4, rooms: 2, ...options });
  await planBreakout(w);
  expectOk(await w.run(w.facilitator.headless.facilitator.handle({ type: 'start' })));
  for (const member of w.participants) answer(w, member, 'accepted');
  await w.flush();
  return w;
}

const send = (w: Workshop, command: Command) =>
  w.run(w.facilitator.headless.facilitator.handle(command));

const messagesOf = (w: Workshop, member: Member) =>
  w.sim.notifications(member.user.id).map((notification) => notification.message);

const roomOf = (plan: Plan, member: Member) => {
  const roomId = plan.people.find((person) => person.id === member.user.id)?.roomId;
  const room = plan.rooms.find((candidate) => candidate.id === roomId);
  if (!room) throw new Error(`${member.user.name} has no room`);
  return room;
};

const calls = (w: Workshop, member: Member) => w.sim.counters().calls[member.user.id] ?? {};

describe('announcing to all rooms', () => {
  it('costs the facilitator one write whatever the number of people; each app shows it once', async () => {
    const w = await running({ participants: 6, rooms: 3 });
    const writes = w.sim.counters().storageWrites;
    const text = `Ten minutes left in today's session. ${'Please capture your ideas on stickies. '.repeat(4)}`;
    expectOk(await send(w, { type: 'announce', text }));
    await w.settle();
    expect(w.sim.counters().storageWrites - writes).toBe(1);
    expect(calls(w, w.facilitator)['notifications.showInfo'] ?? 0).toBe(0);
    for (const member of w.participants) {
      const parts = messagesOf(w, member).filter((message) => / \(\d\/\d\)$/.test(message));
      expect(parts.length).toBeGreaterThan(1);
      expect(parts.every((part) => part.length <= 80)).toBe(true);
      expect(parts[0]?.startsWith('Ten minutes left')).toBe(true);
    }
    // Another plan change does not show it again.
    expectOk(await send(w, { type: 'extendTime', minutes: 1 }));
    await w.settle();
    const ada = w.participants[0] as Member;
    expect(messagesOf(w, ada).filter((m) => m.startsWith('Ten minutes left'))).toHaveLength(1);
  });

  it('is not shown again to an app that opens a while later, but stays in the plan', async () => {
    const w = await running();
    expectOk(await send(w, { type: 'announce', text: 'Coffee is ready' }));
    await w.settle();
    await w.advance(2 * 60_000);
    const ada = w.participants[0] as Member;
    ada.headless.stop();
    ada.tab.close();
    const again = await w.join(ada.user);
    await w.settle();
    expect(messagesOf(w, ada).filter((m) => m === 'Coffee is ready')).toHaveLength(1);
    expect(again.headless.reader.plan()?.facilitation.announcements[0]?.text).toBe(
      'Coffee is ready',
    );
  });
});

describe('closing warning', () => {
  it('warns every participant at end minus the warning, with no panel open, and then closes', async () => {
    const w = await running();
    expectOk(await send(w, { type: 'setClosingWarning', warningMs: 30_000 }));
    const plan = storedPlan(w);
    await w.advance((plan.endsAt ?? 0) - 30_000 - Date.now() - 1_000);
    const ada = w.participants[0] as Member;
    expect(messagesOf(w, ada).some((m) => m.startsWith('Rooms close in'))).toBe(false);
    await w.advance(2_000);
    for (const member of w.participants) {
      expect(messagesOf(w, member)).toContain(warningText(30_000));
    }
    await w.advance(30_000);
    expect(storedPlan(w).phase).toBe('ended');
  });

  it('warns again at the new time after more time is given', async () => {
    const w = await running();
    const ada = w.participants[0] as Member;
    const plan = storedPlan(w);
    await w.advance((plan.endsAt ?? 0) - 60_000 - Date.now() + 1);
    expect(messagesOf(w, ada).filter((m) => m.startsWith('Rooms close in'))).toHaveLength(1);
    expectOk(await send(w, { type: 'extendTime', minutes: 5 }));
    await w.advance(5 * 60_000);
    expect(storedPlan(w).phase).toBe('running');
    expect(messagesOf(w, ada).filter((m) => m.startsWith('Rooms close in'))).toHaveLength(2);
  });

  it('does not warn twice of the same end when the warning is made longer after it went out', async () => {
    const w = await running();
    const ada = w.participants[0] as Member;
    const plan = storedPlan(w);
    await w.advance((plan.endsAt ?? 0) - 60_000 - Date.now() + 1);
    expectOk(await send(w, { type: 'setClosingWarning', warningMs: 120_000 }));
    await w.advance(30_000);
    expect(messagesOf(w, ada).filter((m) => m.startsWith('Rooms close in'))).toHaveLength(1);
  });
});

describe('more time and pause', () => {
  it('prolongs and pauses the board timer, and auto-close honours both', async () => {
    const w = await running();
    const endsAt = storedPlan(w).endsAt ?? 0;
    expectOk(await send(w, { type: 'extendTime', minutes: 1 }));
    expect(storedPlan(w).endsAt).toBe(endsAt + 60_000);
    expect(w.sim.timer().totalDuration).toBe((storedPlan(w).durationMs ?? 0) + 60_000);
    expectOk(await send(w, { type: 'pauseTime' }));
    expect(w.sim.timer().status).toBe('PAUSED');
    // Long past the end: nothing closes while paused.
    await w.advance(endsAt + 5 * 60_000 - Date.now());
    expect(storedPlan(w).phase).toBe('running');
    expectOk(await send(w, { type: 'resumeTime' }));
    expect(w.sim.timer().status).toBe('STARTED');
    const left = (storedPlan(w).endsAt ?? 0) - Date.now();
    expect(left).toBeGreaterThan(60_000);
    await w.advance(left + 1);
    expect(storedPlan(w).phase).toBe('ended');
  });

  it('counts down on its own when there is no board timer', async () => {
    const w = await running({ sim: { timerEntitled: false } });
    expectOk(await send(w, { type: 'pauseTime' }));
    expectOk(await send(w, { type: 'extendTime', minutes: 5 }));
    expect(storedPlan(w).facilitation.pausedAt).not.toBeNull();
    const calls = w.sim.counters().calls[w.facilitator.user.id] ?? {};
    expect(calls['timer.pause'] ?? 0).toBe(0);
  });
});

describe('moving a person while rooms are open', () => {
  for (const secondSession of ['move', 'reject'] as const) {
    it(`leaves the old session and lands in the new room (C7 ${secondSession})`, async () => {
      const w = await running({ sim: { secondSession } });
      const ada = w.participants[0] as Member;
      const before = roomOf(storedPlan(w), ada);
      const target = storedPlan(w).rooms.find((room) => room.id !== before.id);
      if (!target) throw new Error('no other room');
      expectOk(await send(w, { type: 'movePerson', person: personOf(ada), roomId: target.id }));
      await w.flush();
      // Her app leaves once the stored move still stands a moment later (a forged one would not).
      await w.advance(MOVE_CONFIRM_MS);
      await w.flush();
      const old = w.sim.sessions().find((session) => session.id === before.sessionId);
      expect(old?.memberIds).not.toContain(ada.user.id);
      answer(w, ada, 'accepted');
      await w.flush();
      const plan = storedPlan(w);
      expect(roomOf(plan, ada).id).toBe(target.id);
      expect(plan.people.find((person) => person.id === ada.user.id)?.status).toBe('joined');
      expect(isLookingAt(w, ada, target.frame)).toBe(true);
    });
  }

  it('takes someone who clicks the old room’s invitation after a move back out of it (C7 reject)', async () => {
    const w = await createWorkshop({ participants: 4, rooms: 2, sim: { secondSession: 'reject' } });
    await planBreakout(w);
    expectOk(await send(w, { type: 'start' }));
    const ada = w.participants[0] as Member;
    const before = roomOf(storedPlan(w), ada);
    const target = storedPlan(w).rooms.find((room) => room.id !== before.id);
    if (!target) throw new Error('no other room');
    const [oldInvitation] = w.sim.invitations(ada.user.id);
    expectOk(await send(w, { type: 'movePerson', person: personOf(ada), roomId: target.id }));
    await w.flush();
    // Both toasts show; Ada clicks the old one first, and Miro puts her in the old room.
    w.sim.respondToInvitation(oldInvitation?.id ?? '', 'accepted');
    await w.flush();
    await w.advance(LEAVE_CHECK_MS);
    await w.flush();
    const inOld = () =>
      w.sim.sessions().find((session) => session.id === before.sessionId)?.memberIds ?? [];
    expect(inOld()).not.toContain(ada.user.id);
    answer(w, ada, 'accepted');
    await w.flush();
    expect(inOld()).not.toContain(ada.user.id);
    expect(isLookingAt(w, ada, target.frame)).toBe(true);
  });

  it('takes someone out of the old room also when their app heard of the start only after the move (C7 reject)', async () => {
    const w = await createWorkshop({ participants: 4, rooms: 2, sim: { secondSession: 'reject' } });
    await planBreakout(w);
    const ada = w.participants[0] as Member;
    const before = roomOf(storedPlan(w), ada);
    // Every plan notification of the start and the move is lost: Ada's app still holds the
    // plan of the planning, with her in her first room.
    w.sim.setOptions({ dropStorageNotification: 1 });
    expectOk(await send(w, { type: 'start' }));
    const target = storedPlan(w).rooms.find((room) => room.id !== before.id);
    if (!target) throw new Error('no other room');
    const oldSession = storedPlan(w).rooms.find((room) => room.id === before.id)?.sessionId;
    const [oldInvitation] = w.sim.invitations(ada.user.id);
    expectOk(await send(w, { type: 'movePerson', person: personOf(ada), roomId: target.id }));
    w.sim.setOptions({ dropStorageNotification: 0 });
    w.sim.respondToInvitation(oldInvitation?.id ?? '', 'accepted');
    const inOld = () =>
      w.sim.sessions().find((session) => session.id === oldSession)?.memberIds ?? [];
    expect(inOld()).toContain(ada.user.id);
    // Her app reads the plan again (the rooms opened and no plan naming them came) and finds
    // her in the other room, the start and the move in one plan.
    await w.advance(STALE_PLAN_MS + MOVE_CONFIRM_MS);
    await w.flush();
    expect(inOld()).not.toContain(ada.user.id);
  });

  it('refuses to move someone into a locked or closed room', async () => {
    const w = await running();
    const ada = w.participants[0] as Member;
    const other = storedPlan(w).rooms.find((room) => room.id !== roomOf(storedPlan(w), ada).id);
    if (!other) throw new Error('no other room');
    expectOk(await send(w, { type: 'lockRoom', roomId: other.id, locked: true }));
    const refused = await send(w, { type: 'movePerson', person: personOf(ada), roomId: other.id });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toContain('locked');
  });
});

describe('closing one room early', () => {
  it('ends its session and brings its people back; the other rooms go on', async () => {
    const w = await running();
    const plan = storedPlan(w);
    const closing = plan.rooms[0];
    if (!closing) throw new Error('no room');
    const inIt = w.participants.filter((member) => roomOf(plan, member).id === closing.id);
    const others = w.participants.filter((member) => roomOf(plan, member).id !== closing.id);
    expectOk(await send(w, { type: 'closeRoom', roomId: closing.id }));
    await w.settle();
    expect(w.sim.sessions().find((session) => session.id === closing.sessionId)?.ended).toBe(true);
    for (const member of inIt) {
      expect(isLookingAt(w, member, w.main)).toBe(true);
      expect(messagesOf(w, member)).toContain(ROOM_CLOSED_NOTIFICATION);
    }
    for (const member of others)
      expect(messagesOf(w, member)).not.toContain(ROOM_CLOSED_NOTIFICATION);
    expect(storedPlan(w).phase).toBe('running');
    expect(w.sim.sessions().filter((session) => !session.ended)).toHaveLength(1);
    // Its people are back in the main area: "bring room here" does not pull them out again.
    const bring = await send(w, { type: 'bringRoomTo', roomId: closing.id, itemIds: [w.main.id] });
    expect(bring.ok).toBe(false);
    if (!bring.ok) expect(bring.message).toContain('closed');
    for (const member of inIt) expect(isLookingAt(w, member, w.main)).toBe(true);
    // The end closes only what is still open.
    expectOk(await send(w, { type: 'end' }));
    expect(calls(w, w.facilitator)['session.end']).toBe(2);
  });

  it('a room whose closing was never saved (the app went away) is recorded closed by the reopened app', async () => {
    const w = await running();
    const plan = storedPlan(w);
    const closing = plan.rooms[0];
    if (!closing) throw new Error('no room');
    const inIt = w.participants.filter((member) => roomOf(plan, member).id === closing.id);
    // The session ends, the write of the closure does not get through, then the tab goes.
    w.sim.setOptions({ failureRate: { 'storage.set': 1 } });
    const result = await send(w, { type: 'closeRoom', roomId: closing.id });
    expect(result.ok).toBe(false);
    expect(storedPlan(w).facilitation.closedRooms).toEqual([]);
    w.facilitator.headless.stop();
    w.facilitator.tab.close();
    w.sim.setOptions({ failureRate: {} });
    const again = await w.join(w.facilitator.user);
    await w.flush();
    const now = again.headless.reader.plan();
    expect(now?.facilitation.closedRooms.map((closure) => closure.roomId)).toEqual([closing.id]);
    for (const member of inIt) expect(isLookingAt(w, member, w.main)).toBe(true);
    expect(now?.phase).toBe('running');
  });

  it('a room whose session someone else ended (a close racing a take-over) is recorded closed at once', async () => {
    const w = await running();
    const plan = storedPlan(w);
    const closing = plan.rooms[0];
    if (!closing) throw new Error('no room');
    const inIt = w.participants.filter((member) => roomOf(plan, member).id === closing.id);
    const outside = w.participants.find((member) => roomOf(plan, member).id !== closing.id);
    if (!outside) throw new Error('everyone is in one room');
    // Another app of the board ends the session (here the old facilitator's late close is played
    // by a participant's app holding it from getSessions): Miro says it is over, nothing else.
    await w.run(
      outside.board.collaboration
        .getSessions()
        .then((all) => all.find((session) => session.id === closing.sessionId)?.end()),
    );
    await w.flush();
    const now = storedPlan(w);
    expect(now.phase).toBe('running');
    expect(now.facilitation.closedRooms.map((closure) => closure.roomId)).toEqual([closing.id]);
    for (const member of inIt) {
      expect(isLookingAt(w, member, w.main)).toBe(true);
      expect(messagesOf(w, member)).toContain(ROOM_CLOSED_NOTIFICATION);
    }
    expect(w.sim.sessions().filter((session) => !session.ended)).toHaveLength(1);
  });
});

describe('locking a room', () => {
  it('sends no invitation into it: not by hand, not on a request to rejoin', async () => {
    const w = await running();
    const ada = w.participants[0] as Member;
    const room = roomOf(storedPlan(w), ada);
    expectOk(await send(w, { type: 'lockRoom', roomId: room.id, locked: true }));
    await w.run(
      ada.board.collaboration
        .getSessions()
        .then((all) => all.find((s) => s.id === room.sessionId)?.leave()),
    );
    await w.flush();
    expect(storedPlan(w).people.find((p) => p.id === ada.user.id)?.status).toBe('left');
    const refused = await send(w, { type: 'reinvite', personIds: [ada.user.id] });
    expect(refused.ok).toBe(false);
    await w.run(
      ada.board.events.broadcast(
        BROADCAST_EVENT,
        rejoinRequested(storedPlan(w).runId, personOf(ada)),
      ),
    );
    await w.flush();
    expect(w.sim.invitations(ada.user.id)).toHaveLength(0);
    expectOk(await send(w, { type: 'lockRoom', roomId: room.id, locked: false }));
    expectOk(await send(w, { type: 'reinvite', personIds: [ada.user.id] }));
    expect(w.sim.invitations(ada.user.id)).toHaveLength(1);
  });
});

describe('help and visits', () => {
  it('tells the person the facilitator is on the way', async () => {
    const w = await running();
    const ada = w.participants[0] as Member;
    await w.run(
      ada.board.events.broadcast(BROADCAST_EVENT, {
        type: 'help-requested',
        runId: storedPlan(w).runId,
        from: personOf(ada),
      }),
    );
    await w.flush();
    expectOk(await send(w, { type: 'helpOnTheWay', personId: ada.user.id }));
    await w.settle();
    expect(messagesOf(w, ada)).toContain(ON_THE_WAY_NOTIFICATION);
  });

  it('brings everyone in one room to the selected item, one zoomTo per member (C15)', async () => {
    const w = await running();
    const plan = storedPlan(w);
    const room = plan.rooms[0];
    if (!room) throw new Error('no room');
    const sticky = w.sim.addSticky({ content: 'Look here', x: 0, y: -300 });
    const members = w.participants.filter((member) => roomOf(plan, member).id === room.id);
    expectOk(await send(w, { type: 'bringRoomTo', roomId: room.id, itemIds: [sticky.id] }));
    for (const member of members) {
      expect(isLookingAt(w, member, { x: 0, y: -300, width: 400, height: 400 })).toBe(true);
    }
    expect(calls(w, w.facilitator)['collaboration.zoomTo']).toBe(members.length);
  });
});
