import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_CHECK_MS } from '../../src/controller/breakout-end';
import { LEFTOVER_CHECK_MS } from '../../src/controller/leftover-sessions';
import {
  JOIN_ACK_MS,
  PRESENCE_REFRESH_MS,
  QUIET_PLAN_MS,
  STALE_PLAN_MS,
} from '../../src/controller/participant';
import { END_NOTIFICATION } from '../../src/controller/return-to-main';
import { createWorkshop, type Workshop } from '../support/workshop';
import {
  answer,
  expectOk,
  isLookingAt,
  nameCoFacilitators,
  personOf,
  planBreakout,
  storedPlan,
} from './plan-breakout';

afterEach(() => {
  vi.useRealTimers();
});

const roomOfMember = (w: Workshop, memberId: string) => {
  const plan = storedPlan(w);
  const roomId = plan.people.find((person) => person.id === memberId)?.roomId;
  return plan.rooms.find((room) => room.id === roomId);
};

async function startedWorkshop(options: Parameters<typeof createWorkshop>[0] = {}) {
  const w = await createWorkshop(options);
  await planBreakout(w);
  expectOk(await w.run(w.facilitator.headless.facilitator.handle({ type: 'start' })));
  return w;
}

describe('starting a breakout', () => {
  it('opens one session per non-empty room, named after the room, and invites its people', async () => {
    const w = await createWorkshop({ participants: 5, rooms: 3 });
    await planBreakout(w);
    expectOk(await w.run(w.facilitator.headless.facilitator.handle({ type: 'start' })));

    const plan = storedPlan(w);
    expect(plan.phase).toBe('running');
    const sessions = w.sim.sessions().filter((session) => !session.ended);
    expect(sessions.map((session) => session.name).sort()).toEqual(
      plan.rooms.map((room) => room.name).sort(),
    );
    for (const room of plan.rooms) {
      expect(sessions.some((session) => session.id === room.sessionId)).toBe(true);
    }
    for (const member of w.participants) {
      const room = roomOfMember(w, member.user.id);
      const invitations = w.sim.invitations(member.user.id);
      expect(invitations).toHaveLength(1);
      expect(invitations[0]?.sessionId).toBe(room?.sessionId);
    }
    // Every participant's status was kept, not just the last written one (D2).
    expect(plan.people.every((person) => person.status === 'invited')).toBe(true);
  });

  it('starts no session for an empty room and sends no empty invitation (D13)', async () => {
    const w = await createWorkshop({ participants: 2, rooms: 3 });
    await planBreakout(w);
    expectOk(await w.run(w.facilitator.headless.facilitator.handle({ type: 'start' })));
    expect(w.sim.sessions().filter((session) => !session.ended)).toHaveLength(2);
    const calls = w.sim.counters().calls[w.facilitator.user.id] ?? {};
    expect(calls['session.invite']).toBe(2);
  });

  it('takes a facilitator who is in a room into it without inviting them', async () => {
    const w = await createWorkshop({ participants: 2, rooms: 2 });
    const planned = await planBreakout(w);
    const control = w.facilitator.headless.facilitator;
    const roomId = planned.rooms[0]?.id ?? '';
    expectOk(
      await w.run(
        control.handle({
          type: 'edit',
          actions: [
            { type: 'includeFacilitatorSet', include: true },
            { type: 'personAssigned', person: personOf(w.facilitator), roomId },
          ],
        }),
      ),
    );
    expectOk(await w.run(control.handle({ type: 'start' })));
    const sessionId = storedPlan(w).rooms.find((room) => room.id === roomId)?.sessionId;
    const session = w.sim.sessions().find((candidate) => candidate.id === sessionId);
    expect(session?.memberIds).toContain(w.facilitator.user.id);
    expect(w.sim.invitations(w.facilitator.user.id)).toHaveLength(0);
  });

  it('opens the rooms in parallel, not one after the other', async () => {
    const rooms = 8;
    const latencyMs = 100;
    const w = await createWorkshop({ participants: 16, rooms, sim: { callLatencyMs: latencyMs } });
    await planBreakout(w);
    const before = Date.now();
    expectOk(await w.run(w.facilitator.headless.facilitator.handle({ type: 'start' })));
    // Opening the rooms one after the other would alone take a round trip per room.
    expect(Date.now() - before).toBeLessThan(rooms * latencyMs);
  });

  it('stores the end time and starts the board timer when the board may use it', async () => {
    const w = await startedWorkshop();
    const plan = storedPlan(w);
    expect(plan.timer).toBe('board');
    expect(plan.endsAt).toBe((plan.startedAt ?? 0) + (plan.durationMs ?? 0));
    expect(w.sim.timer().status).toBe('STARTED');
  });

  it('counts down on its own when the board timer is not available (T4)', async () => {
    const w = await startedWorkshop({ sim: { timerEntitled: false } });
    expect(storedPlan(w).timer).toBe('app');
    expect(w.sim.timer().status).toBe('STOPPED');
  });

  it('refuses to start while a room’s frame is gone, and says which (D8)', async () => {
    const w = await createWorkshop();
    await planBreakout(w);
    w.sim.deleteItem(w.rooms[1]?.id ?? '');
    const result = await w.run(w.facilitator.headless.facilitator.handle({ type: 'start' }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('Room 2');
    expect(w.sim.sessions()).toHaveLength(0);
    expect(storedPlan(w).rooms.find((room) => room.frameId === w.rooms[1]?.id)?.frameMissing).toBe(
      true,
    );
  });

  it('keeps every room’s session id when replies arrive batched in one task (D4)', async () => {
    const w = await createWorkshop({ participants: 6, rooms: 3, sim: { batchedReplies: true } });
    await planBreakout(w);
    expectOk(await w.run(w.facilitator.headless.facilitator.handle({ type: 'start' })));
    const ids = storedPlan(w).rooms.map((room) => room.sessionId);
    expect(ids.every((id) => id !== null)).toBe(true);
    expect(new Set(ids).size).toBe(3);
  });
});

describe('joining', () => {
  it('takes a participant who accepts to their room’s frame and marks them joined', async () => {
    const w = await startedWorkshop();
    const ada = w.participants[0];
    if (!ada) throw new Error('no participant');
    answer(w, ada, 'accepted');
    await w.flush();
    const room = roomOfMember(w, ada.user.id);
    expect(room && isLookingAt(w, ada, room.frame)).toBe(true);
    expect(storedPlan(w).people.find((person) => person.id === ada.user.id)?.status).toBe('joined');
    // Getting there cost the participant at most three calls.
    const calls = Object.entries(ada.meter.snapshot().calls).filter(([method]) =>
      [
        'collaboration.getSessions',
        'session.hasJoined',
        'viewport.set',
        'viewport.zoomTo',
        'board.get',
      ].includes(method),
    );
    expect(calls.reduce((sum, [, count]) => sum + count, 0)).toBeLessThanOrEqual(3);
  });

  it('takes a participant to their room even when every plan notification to them is lost (S3)', async () => {
    const w = await createWorkshop();
    await planBreakout(w);
    w.sim.setOptions({ dropStorageNotification: 1 });
    expectOk(await w.run(w.facilitator.headless.facilitator.handle({ type: 'start' })));
    const ada = w.participants[0];
    if (!ada) throw new Error('no participant');
    answer(w, ada, 'accepted');
    await w.advance(STALE_PLAN_MS);
    await w.flush();
    const room = roomOfMember(w, ada.user.id);
    expect(room && isLookingAt(w, ada, room.frame)).toBe(true);
  });

  it('asks Miro whether it joined when neither its join nor the plan reaches its app (C4, S3)', async () => {
    const w = await startedWorkshop();
    const ada = w.participants[0];
    if (!ada) throw new Error('no participant');
    // Only the starter hears joins, and the plan saying "joined" never reaches Ada's app.
    w.sim.setOptions({ sessionEventRecipients: 'starter', dropStorageNotification: 1 });
    answer(w, ada, 'accepted');
    await w.flush();
    await w.advance(JOIN_ACK_MS);
    await w.flush();
    const room = roomOfMember(w, ada.user.id);
    expect(room && isLookingAt(w, ada, room.frame)).toBe(true);
  });

  it('lands someone moved to another room in its frame when no plan and no join reaches their app (C4, S3)', async () => {
    const w = await startedWorkshop();
    const ada = w.participants[0];
    if (!ada) throw new Error('no participant');
    answer(w, ada, 'accepted');
    await w.flush();
    const from = roomOfMember(w, ada.user.id);
    const to = storedPlan(w).rooms.find((room) => room.id !== from?.id);
    if (!from || !to) throw new Error('rooms missing');
    // From now on only the starter hears joins, and no plan notification reaches anyone.
    w.sim.setOptions({ sessionEventRecipients: 'starter', dropStorageNotification: 1 });
    expectOk(
      await w.run(
        w.facilitator.headless.facilitator.handle({
          type: 'movePerson',
          person: personOf(ada),
          roomId: to.id,
        }),
      ),
    );
    answer(w, ada, 'accepted');
    await w.flush();
    expect(isLookingAt(w, ada, to.frame)).toBe(false);
    await w.advance(QUIET_PLAN_MS);
    await w.flush();
    expect(isLookingAt(w, ada, to.frame)).toBe(true);
  });

  it('catches up with a start it missed while offline once it is back online', async () => {
    const w = await createWorkshop({ sim: { invitationTimeoutMs: null } });
    await planBreakout(w);
    w.sim.setOptions({ dropStorageNotification: 1 });
    expectOk(await w.run(w.facilitator.headless.facilitator.handle({ type: 'start' })));
    const ada = w.participants[0];
    if (!ada) throw new Error('no participant');
    // Offline before the start's plan could reach them, for longer than the re-reads last.
    w.sim.setOnline(ada.user.id, false);
    await w.advance(5 * STALE_PLAN_MS);
    w.sim.setOnline(ada.user.id, true);
    await w.advance(PRESENCE_REFRESH_MS);
    answer(w, ada, 'accepted');
    await w.flush();
    const room = roomOfMember(w, ada.user.id);
    expect(room && isLookingAt(w, ada, room.frame)).toBe(true);
  });

  it('does not mark someone joined again after they left when Miro cannot say if they are in', async () => {
    const w = await startedWorkshop();
    const ada = w.participants[0];
    if (!ada) throw new Error('no participant');
    // Ada's app hears nothing of the plan, so it keeps re-sending "I joined" (E4, S3)…
    w.sim.setOptions({ dropStorageNotification: 1 });
    answer(w, ada, 'accepted');
    await w.flush();
    // …and going offline takes her out of the room (C13); she is back but not in it.
    w.sim.setOnline(ada.user.id, false);
    await w.flush();
    w.sim.setOnline(ada.user.id, true);
    w.sim.setOptions({ failureRate: { 'session.hasJoined': 1 } });
    await w.advance(4 * 60_000);
    await w.flush();
    expect(w.sim.sessions().some((session) => session.memberIds.includes(ada.user.id))).toBe(false);
    expect(storedPlan(w).people.find((person) => person.id === ada.user.id)?.status).toBe('left');
  });

  it('marks a declined invitation as declined and a timed-out one as timed out', async () => {
    const w = await startedWorkshop({ sim: { invitationTimeoutMs: 30_000 } });
    const [ada, grace] = w.participants;
    if (!ada || !grace) throw new Error('no participants');
    answer(w, ada, 'rejected');
    await w.advance(30_000);
    await w.flush();
    const people = storedPlan(w).people;
    expect(people.find((person) => person.id === ada.user.id)?.status).toBe('declined');
    expect(people.find((person) => person.id === grace.user.id)?.status).toBe('timed-out');
  });

  it('tells a dismissed invitation (clicked outside) apart from a declined one', async () => {
    const w = await startedWorkshop();
    const [ada] = w.participants;
    if (!ada) throw new Error('no participant');
    const [invitation] = w.sim.invitations(ada.user.id);
    w.sim.respondToInvitation(invitation?.id ?? '', 'rejected', 'clicked-outside');
    await w.flush();
    expect(storedPlan(w).people.find((person) => person.id === ada.user.id)?.status).toBe(
      'dismissed',
    );
  });

  it('coalesces a burst of joins into few writes', async () => {
    const w = await startedWorkshop({ participants: 10, rooms: 3 });
    const before = w.sim.counters().storageWrites;
    for (const member of w.participants) answer(w, member, 'accepted');
    await w.flush();
    expect(storedPlan(w).people.every((person) => person.status === 'joined')).toBe(true);
    expect(w.sim.counters().storageWrites - before).toBeLessThanOrEqual(3);
  });

  it('keeps the room of someone who leaves, and lets them be invited again (D9)', async () => {
    const w = await startedWorkshop();
    const ada = w.participants[0];
    if (!ada) throw new Error('no participant');
    answer(w, ada, 'accepted');
    await w.flush();
    const room = roomOfMember(w, ada.user.id);
    const sessions = await w.run(ada.board.collaboration.getSessions());
    await w.run(sessions.find((s) => s.id === room?.sessionId)?.leave() ?? Promise.resolve());
    await w.flush();
    const person = storedPlan(w).people.find((candidate) => candidate.id === ada.user.id);
    expect(person?.roomId).toBe(room?.id);
    expect(person?.status).toBe('left');
    expectOk(
      await w.run(
        w.facilitator.headless.facilitator.handle({ type: 'reinvite', personIds: [ada.user.id] }),
      ),
    );
    expect(w.sim.invitations(ada.user.id)).toHaveLength(1);
  });

  it('assigns and invites a person who comes online during the breakout', async () => {
    const w = await startedWorkshop();
    const late = await w.join(w.sim.addUser({ name: 'Late Larry' }));
    await w.settle();
    const roomId = storedPlan(w).rooms[0]?.id ?? '';
    expectOk(
      await w.run(
        w.facilitator.headless.facilitator.handle({
          type: 'assignAndInvite',
          person: personOf(late),
          roomId,
        }),
      ),
    );
    expect(w.sim.invitations(late.user.id)[0]?.sessionId).toBe(storedPlan(w).rooms[0]?.sessionId);
    expect(storedPlan(w).people.find((person) => person.id === late.user.id)?.status).toBe(
      'invited',
    );
  });
});

describe('ending', () => {
  it('ends every session, stops the timer and brings everyone back with a notification', async () => {
    const w = await startedWorkshop();
    for (const member of w.participants) answer(w, member, 'accepted');
    await w.flush();
    expectOk(await w.run(w.facilitator.headless.facilitator.handle({ type: 'end' })));
    await w.settle();
    expect(storedPlan(w).phase).toBe('ended');
    expect(w.sim.sessions().every((session) => session.ended)).toBe(true);
    expect(w.sim.timer().status).toBe('STOPPED');
    for (const member of w.participants) {
      expect(isLookingAt(w, member, w.main)).toBe(true);
      expect(w.sim.notifications(member.user.id).map((n) => n.message)).toContain(END_NOTIFICATION);
    }
  });

  it('says when the board timer could not be stopped, and stops it when End is pressed again', async () => {
    const w = await startedWorkshop();
    const end = () => w.run(w.facilitator.headless.facilitator.handle({ type: 'end' }));
    w.sim.setOptions({ failureRate: { 'timer.stop': 1 } });
    expectOk(await end());
    expect(storedPlan(w).phase).toBe('ended');
    expect(w.facilitator.headless.facilitator.currentNotice().problem).toContain('timer');
    w.sim.setOptions({ failureRate: {} });
    expectOk(await end());
    expect(w.sim.timer().status).toBe('STOPPED');
    expect(w.facilitator.headless.facilitator.currentNotice().problem).toBeNull();
  });

  it('stops the board timer after the facilitator’s app was closed in the middle of the end', async () => {
    const w = await startedWorkshop();
    // The end is written, then the tab goes before the timer's stop gets through.
    w.sim.setOptions({ failureRate: { 'timer.stop': 1 } });
    expectOk(await w.run(w.facilitator.headless.facilitator.handle({ type: 'end' })));
    expect(w.sim.timer().status).toBe('STARTED');
    w.facilitator.headless.stop();
    w.facilitator.tab.close();
    w.sim.setOptions({ failureRate: {} });
    await w.join(w.facilitator.user);
    expect(w.sim.timer().status).toBe('STOPPED');
  });

  it('ends by itself when time is up, with no panel open anywhere', async () => {
    const w = await startedWorkshop();
    const plan = storedPlan(w);
    for (const member of w.participants) answer(w, member, 'accepted');
    await w.advance((plan.endsAt ?? 0) - Date.now() + 1);
    await w.settle();
    expect(storedPlan(w).phase).toBe('ended');
    expect(w.sim.sessions().every((session) => session.ended)).toBe(true);
    expect(w.participants.every((member) => isLookingAt(w, member, w.main))).toBe(true);
  });

  it('ends once when asked twice and when the timer also finishes (D7)', async () => {
    const w = await startedWorkshop({ sim: { timerFinishOnStop: true } });
    const control = w.facilitator.headless.facilitator;
    const [first, second] = await w.run(
      Promise.all([control.handle({ type: 'end' }), control.handle({ type: 'end' })]),
    );
    expect(first.ok && second.ok).toBe(true);
    const calls = w.sim.counters().calls[w.facilitator.user.id] ?? {};
    expect(calls['collaboration.startSession']).toBe(3);
    expect(calls['session.end']).toBe(3);
  });

  it('does not end the breakout when someone else’s board timer finishes (D7)', async () => {
    const w = await createWorkshop();
    await planBreakout(w);
    expectOk(
      await w.run(
        w.facilitator.headless.facilitator.handle({
          type: 'edit',
          actions: [{ type: 'durationSet', durationMs: null }],
        }),
      ),
    );
    expectOk(await w.run(w.facilitator.headless.facilitator.handle({ type: 'start' })));
    const someoneElse = w.participants[0];
    if (!someoneElse) throw new Error('no participant');
    await w.run(someoneElse.board.timer.stop().then(() => someoneElse.board.timer.start(1_000)));
    await w.advance(2_000);
    expect(storedPlan(w).phase).toBe('running');
  });

  it('summarises who joined and lets the facilitator run again with the same rooms', async () => {
    const w = await startedWorkshop();
    const [ada] = w.participants;
    if (!ada) throw new Error('no participant');
    answer(w, ada, 'accepted');
    await w.flush();
    expectOk(await w.run(w.facilitator.headless.facilitator.handle({ type: 'end' })));
    const again = expectOk(
      await w.run(w.facilitator.headless.facilitator.handle({ type: 'runAgain' })),
    );
    expect(again.phase).toBe('planning');
    expect(again.rooms.map((room) => room.frameId)).toEqual(
      storedPlan(w).rooms.map((room) => room.frameId),
    );
  });
});

describe('surviving reloads and hand-overs', () => {
  it('reattaches after the facilitator’s board reloads: joins are admitted and time-up still ends it', async () => {
    const w = await startedWorkshop();
    w.facilitator.headless.stop();
    w.facilitator.tab.close();
    const again = await w.join(w.facilitator.user);
    const [ada] = w.participants;
    if (!ada) throw new Error('no participant');
    answer(w, ada, 'accepted');
    await w.flush();
    expect(
      again.headless.reader.plan()?.people.find((person) => person.id === ada.user.id)?.status,
    ).toBe('joined');
    const endsAt = again.headless.reader.plan()?.endsAt ?? 0;
    await w.advance(endsAt - Date.now() + 1);
    await w.settle();
    expect(again.headless.reader.plan()?.phase).toBe('ended');
    expect(w.sim.sessions().every((session) => session.ended)).toBe(true);
  });

  it('ends a room the reloaded board’s last calls opened after it reopened, and starts cleanly', async () => {
    const w = await createWorkshop();
    await planBreakout(w);
    const old = w.facilitator;
    old.headless.stop();
    const again = await w.join(old.user);
    // A start of the app that went away was still on its way: Miro opens its room now.
    await w.run(old.board.collaboration.startSession({ name: 'Room 1' }));
    old.tab.close();
    await w.advance(LEFTOVER_CHECK_MS);
    await w.settle();
    expect(w.sim.sessions().filter((session) => !session.ended)).toEqual([]);
    expectOk(await w.run(again.headless.facilitator.handle({ type: 'start' })));
    const named = new Set(again.headless.reader.plan()?.rooms.map((room) => room.sessionId));
    expect(w.sim.sessions().filter((session) => !session.ended && !named.has(session.id))).toEqual(
      [],
    );
  });

  it('ends later the rooms of a failed start that Miro would not close at first', async () => {
    const w = await createWorkshop();
    await planBreakout(w);
    w.sim.setOptions({ failureRate: { 'storage.set': 1, 'session.end': 1 } });
    const result = await w.run(w.facilitator.headless.facilitator.handle({ type: 'start' }));
    expect(result.ok).toBe(false);
    expect(w.sim.sessions().some((session) => !session.ended)).toBe(true);
    w.sim.setOptions({ failureRate: {} });
    await w.advance(LEFTOVER_CHECK_MS);
    await w.settle();
    expect(w.sim.sessions().filter((session) => !session.ended)).toEqual([]);
  });

  it('marks a room whose frame was deleted while the facilitator’s board was closed', async () => {
    const w = await startedWorkshop();
    const [deleted, kept] = storedPlan(w).rooms;
    if (!deleted || !kept) throw new Error('rooms missing');
    w.facilitator.headless.stop();
    w.facilitator.tab.close();
    w.sim.deleteItem(deleted.frameId);
    const again = await w.join(w.facilitator.user);
    await w.flush();
    const rooms = again.headless.reader.plan()?.rooms ?? [];
    expect(rooms.find((room) => room.id === deleted.id)?.frameMissing).toBe(true);
    expect(rooms.find((room) => room.id === kept.id)?.frameMissing).toBe(false);
  });

  it('a take-over whose picking up of the rooms fails is still a take-over, and says so', async () => {
    const w = await startedWorkshop();
    const taker = w.participants[0];
    if (!taker) throw new Error('no participant');
    await nameCoFacilitators(w, taker);
    w.sim.setOptions({ failureRate: { 'collaboration.getSessions': 1 } });
    const result = await w.run(taker.headless.facilitator.handle({ type: 'claim' }));
    expectOk(result);
    expect(storedPlan(w).facilitator.id).toBe(taker.user.id);
    expect(taker.headless.facilitator.currentNotice().problem).toContain(
      'You are the facilitator now',
    );
    // Once Miro answers again, the new facilitator ends the breakout as usual.
    w.sim.setOptions({ failureRate: {} });
    expectOk(await w.run(taker.headless.facilitator.handle({ type: 'end' })));
    expect(w.sim.sessions().every((session) => session.ended)).toBe(true);
  });

  it('lets a co-facilitator take over and end the breakout', async () => {
    const w = await startedWorkshop();
    const [ada] = w.participants;
    if (!ada) throw new Error('no participant');
    await nameCoFacilitators(w, ada);
    const refused = await w.run(ada.headless.facilitator.handle({ type: 'end' }));
    expect(refused.ok).toBe(false);
    const taken = expectOk(await w.run(ada.headless.facilitator.handle({ type: 'claim' })));
    expect(taken.facilitator.id).toBe(ada.user.id);
    expectOk(await w.run(ada.headless.facilitator.handle({ type: 'end' })));
    expect(w.sim.sessions().every((session) => session.ended)).toBe(true);
    // The previous facilitator's app stops writing.
    const old = await w.run(w.facilitator.headless.facilitator.handle({ type: 'runAgain' }));
    expect(old.ok).toBe(false);
  });

  it('closes every room after a take-over where only the starter may end one (C12), from the starter’s reopened board', async () => {
    const w = await startedWorkshop({ sim: { starterOnly: true } });
    const [ada] = w.participants;
    if (!ada) throw new Error('no participant');
    await nameCoFacilitators(w, ada);
    expectOk(await w.run(ada.headless.facilitator.handle({ type: 'claim' })));
    // Then the starter's board reopens in a new tab (never offline, so Miro keeps the rooms):
    // the new app is not the facilitator and holds none of the sessions its user started.
    await w.join(w.facilitator.user);
    w.facilitator.headless.stop();
    w.facilitator.tab.close();
    expectOk(await w.run(ada.headless.facilitator.handle({ type: 'end' })));
    expect(ada.headless.facilitator.currentNotice().problem).toContain(
      `only ${w.facilitator.user.name}, who opened them`,
    );
    await w.flush();
    expect(w.sim.sessions().every((session) => session.ended)).toBe(true);
    await w.advance(CLOSE_CHECK_MS);
    await w.flush();
    expect(ada.headless.facilitator.currentNotice().problem).toBeNull();
  });

  it('invites into a room the previous facilitator opened after a take-over where only the starter may invite (C12): the starter’s app does', async () => {
    const w = await startedWorkshop({ sim: { starterOnly: true } });
    const [ada, grace] = w.participants;
    if (!ada || !grace) throw new Error('no participants');
    await nameCoFacilitators(w, ada);
    expectOk(await w.run(ada.headless.facilitator.handle({ type: 'claim' })));
    const plan = storedPlan(w);
    const from = plan.people.find((person) => person.id === grace.user.id)?.roomId;
    const target = plan.rooms.find((room) => room.id !== from && room.sessionId !== null);
    if (!target) throw new Error('no other room');
    // Miro refuses the new facilitator's invitation: Fran started the rooms.
    const moved = await w.run(
      ada.headless.facilitator.handle({
        type: 'movePerson',
        person: { id: grace.user.id, name: grace.user.name },
        roomId: target.id,
      }),
    );
    expect(moved.ok).toBe(false);
    await w.flush();
    expect(w.sim.invitations(grace.user.id).map((invitation) => invitation.sessionId)).toContain(
      target.sessionId,
    );
  });
});

describe('privacy', () => {
  it('never stores or broadcasts an email (D11)', async () => {
    const w = await startedWorkshop();
    for (const member of w.participants) answer(w, member, 'accepted');
    await w.flush();
    const stored = JSON.stringify(w.sim.storageValue('breakout-rooms', 'plan'));
    for (const user of w.sim.users()) expect(stored).not.toContain(user.email);
  });
});

describe('following the board', () => {
  it('marks a room whose frame is deleted on the board as missing, before anyone presses Start', async () => {
    const w = await createWorkshop();
    await planBreakout(w);
    w.sim.deleteItem(w.rooms[0]?.id ?? '');
    await w.flush();
    const room = storedPlan(w).rooms.find((candidate) => candidate.frameId === w.rooms[0]?.id);
    expect(room?.frameMissing).toBe(true);
  });

  it('renames a room when its frame is renamed on the board', async () => {
    const w = await createWorkshop();
    await planBreakout(w);
    w.sim.renameFrame(w.rooms[0]?.id ?? '', 'Customer journeys');
    await w.flush();
    expect(storedPlan(w).rooms.map((room) => room.name)).toContain('Customer journeys');
  });
});
