import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BROADCAST_EVENT, helpRequested, joinedRoom } from '../../src/domain/messages';
import type { Json } from '../../src/sdk/surface';
import { propertyOptions } from '../domain/fixtures';
import { createWorkshop, type Workshop } from '../support/workshop';
import { answer, expectOk, isLookingAt, personOf, planBreakout, storedPlan } from './plan-breakout';

/**
 * Miro's broadcast carries no sender it vouches for: any participant's client can send any
 * message in the app's name. Whatever it sends, a running breakout changes only as far as that
 * participant may change it (their own help request).
 */

afterEach(() => {
  vi.useRealTimers();
});

async function runningWorkshop(sim: Parameters<typeof createWorkshop>[0] = {}): Promise<Workshop> {
  const w = await createWorkshop({ participants: 3, rooms: 2, ...sim });
  await planBreakout(w);
  expectOk(await w.run(w.facilitator.headless.facilitator.handle({ type: 'start' })));
  return w;
}

const roomOf = (w: Workshop, userId: string) => {
  const plan = storedPlan(w);
  const roomId = plan.people.find((person) => person.id === userId)?.roomId;
  return plan.rooms.find((room) => room.id === roomId);
};

describe('forged "I joined"', () => {
  it('for someone else marks nobody joined and moves nobody', async () => {
    const w = await runningWorkshop();
    const [forger, victim] = w.participants;
    if (!forger || !victim) throw new Error('participants missing');
    const room = roomOf(w, victim.user.id);
    if (!room?.sessionId) throw new Error('no room');
    await w.run(
      forger.board.events.broadcast(
        BROADCAST_EVENT,
        joinedRoom(storedPlan(w).runId, room.sessionId, personOf(victim)),
      ),
    );
    await w.flush();
    await w.advance(5_000);
    await w.flush();
    expect(storedPlan(w).people.find((p) => p.id === victim.user.id)?.status).toBe('invited');
    expect(isLookingAt(w, victim, room.frame)).toBe(false);
  });

  it('from someone who really joined counts, where only the starter hears joins (C4)', async () => {
    const w = await runningWorkshop({ sim: { sessionEventRecipients: 'members' } });
    const [ada] = w.participants;
    if (!ada) throw new Error('participant missing');
    answer(w, ada, 'accepted');
    await w.flush();
    await w.advance(5_000);
    await w.flush();
    expect(storedPlan(w).people.find((p) => p.id === ada.user.id)?.status).toBe('joined');
  });
});

describe('any payload from a participant', () => {
  it('throws nowhere and changes nothing but their own help request', async () => {
    // Invitations that never time out: statuses change only if a forged message changes them.
    const w = await runningWorkshop({ sim: { invitationTimeoutMs: null } });
    const [forger] = w.participants;
    if (!forger) throw new Error('participant missing');
    const before = storedPlan(w);
    const { runId } = before;
    const messageLike = fc.record({
      type: fc.constantFrom(
        'help-requested',
        'rejoin-requested',
        'joined-room',
        'close-your-rooms',
        'room-picked',
        'breakout-ended',
      ),
      runId: fc.oneof(fc.constant(runId), fc.string()),
      sessionId: fc.oneof(fc.constantFrom(...before.rooms.map((r) => r.sessionId)), fc.jsonValue()),
      roomId: fc.oneof(fc.constantFrom(...before.rooms.map((r) => r.id)), fc.jsonValue()),
      from: fc.oneof(
        fc.constantFrom(...w.participants.map(personOf), personOf(w.facilitator)),
        fc.jsonValue(),
      ),
    });
    const payload = fc.oneof(
      messageLike,
      fc.jsonValue(),
      fc.string({ maxLength: 10_000 }),
      fc.constant(helpRequested(runId, personOf(forger))),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(payload, { maxLength: 6 }), async (payloads) => {
        for (const value of payloads) {
          await w.run(forger.board.events.broadcast(BROADCAST_EVENT, value as Json));
        }
        await w.flush();
        await w.advance(5_000);
        await w.flush();
        const plan = storedPlan(w);
        expect(w.sim.handlerErrors()).toEqual([]);
        expect(plan.phase).toBe('running');
        expect(plan.rooms).toEqual(before.rooms);
        expect(plan.people.map(({ id, roomId, status }) => ({ id, roomId, status }))).toEqual(
          before.people.map(({ id, roomId, status }) => ({ id, roomId, status })),
        );
        expect(w.sim.sessions().filter((session) => !session.ended)).toHaveLength(
          before.rooms.length,
        );
        // Help requests: at most one per person in the queue, whoever they claimed to be.
        const requesters = plan.helpRequests.map((request) => request.personId);
        expect(new Set(requesters).size).toBe(requesters.length);
      }),
      { ...propertyOptions, numRuns: Math.min(propertyOptions.numRuns, 40) },
    );
  });
});
