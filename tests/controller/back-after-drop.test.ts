import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Command } from '../../src/controller/commands';
import type { Plan } from '../../src/domain/plan';
import { createWorkshop, type Member, type Workshop } from '../support/workshop';
import { answer, expectOk, isLookingAt, planBreakout, storedPlan } from './plan-breakout';

afterEach(() => {
  vi.useRealTimers();
});

type Options = Parameters<typeof createWorkshop>[0];

/** A running breakout, everyone joined. */
async function running(options: Options = {}): Promise<Workshop> {
  const w = await createWorkshop({ participants: 3, rooms: 2, ...options });
  await planBreakout(w);
  expectOk(await w.run(w.facilitator.headless.facilitator.handle({ type: 'start' })));
  for (const member of w.participants) answer(w, member, 'accepted');
  await w.flush();
  return w;
}

const send = (w: Workshop, command: Command) =>
  w.run(w.facilitator.headless.facilitator.handle(command));

const roomOf = (plan: Plan, member: Member) => {
  const roomId = plan.people.find((person) => person.id === member.user.id)?.roomId;
  const room = plan.rooms.find((candidate) => candidate.id === roomId);
  if (!room) throw new Error(`${member.user.name} has no room`);
  return room;
};

const statusOf = (w: Workshop, member: Member) =>
  storedPlan(w).people.find((person) => person.id === member.user.id)?.status;

const inSession = (w: Workshop, member: Member, sessionId: string | null) =>
  w.sim
    .sessions()
    .some((session) => session.id === sessionId && session.memberIds.includes(member.user.id));

/** Offline long enough for Miro to take them out of their room (C13), then back. */
async function dropAndReturn(w: Workshop, member: Member) {
  w.sim.setOnline(member.user.id, false);
  await w.flush();
  w.sim.setOnline(member.user.id, true);
  await w.advance(5_000);
  await w.flush();
}

describe('back after a drop', () => {
  it('a participant whose session lost them offline is in their room again, at their frame, and the facilitator is told', async () => {
    const w = await running();
    const [ada] = w.participants;
    if (!ada) throw new Error('participant missing');
    const room = roomOf(storedPlan(w), ada);
    // She had scrolled away from her frame before her connection dropped.
    await w.run(
      ada.board.viewport.set({ viewport: { x: 90_000, y: 90_000, width: 800, height: 600 } }),
    );
    expect(isLookingAt(w, ada, room.frame)).toBe(false);
    w.sim.setOnline(ada.user.id, false);
    await w.flush();
    expect(inSession(w, ada, room.sessionId)).toBe(false);
    expect(statusOf(w, ada)).toBe('left');
    w.sim.setOnline(ada.user.id, true);
    await w.advance(5_000);
    await w.flush();
    expect(inSession(w, ada, room.sessionId)).toBe(true);
    expect(statusOf(w, ada)).toBe('joined');
    expect(isLookingAt(w, ada, room.frame)).toBe(true);
    const told = w.sim.notifications(w.facilitator.user.id).map((n) => n.message);
    expect(told).toContain(`${ada.user.name} is back in ${room.name}`);
    // Nobody had to invite them: their own app joined.
    expect(w.sim.invitations(ada.user.id)).toHaveLength(0);
  });

  it('stays out of a room locked while they were away', async () => {
    const w = await running();
    const [ada] = w.participants;
    if (!ada) throw new Error('participant missing');
    const room = roomOf(storedPlan(w), ada);
    w.sim.setOnline(ada.user.id, false);
    await w.flush();
    expectOk(await send(w, { type: 'lockRoom', roomId: room.id, locked: true }));
    await dropAndReturn(w, ada);
    expect(inSession(w, ada, room.sessionId)).toBe(false);
    expect(statusOf(w, ada)).toBe('left');
  });

  it('stays out of a room closed while they were away', async () => {
    const w = await running();
    const [ada] = w.participants;
    if (!ada) throw new Error('participant missing');
    const room = roomOf(storedPlan(w), ada);
    w.sim.setOnline(ada.user.id, false);
    await w.flush();
    expectOk(await send(w, { type: 'closeRoom', roomId: room.id }));
    await dropAndReturn(w, ada);
    expect(inSession(w, ada, room.sessionId)).toBe(false);
    expect(w.sim.handlerErrors()).toEqual([]);
  });

  it('someone who left their room themselves is not put back when people come and go', async () => {
    const w = await running();
    const [ada, grace] = w.participants;
    if (!ada || !grace) throw new Error('participants missing');
    const room = roomOf(storedPlan(w), ada);
    const sessions = await w.run(ada.board.collaboration.getSessions());
    await w.run(
      sessions.find((session) => session.id === room.sessionId)?.leave() ?? Promise.resolve(),
    );
    await w.flush();
    await dropAndReturn(w, grace);
    expect(inSession(w, ada, room.sessionId)).toBe(false);
    expect(statusOf(w, ada)).toBe('left');
    // Grace, who was dropped, is back.
    expect(inSession(w, grace, roomOf(storedPlan(w), grace).sessionId)).toBe(true);
  });
});
