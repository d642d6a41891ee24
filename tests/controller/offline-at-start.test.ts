import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UndocumentedBehaviour } from '../../src/simulator/api';
import { createWorkshop, type Member, type Workshop } from '../support/workshop';
import { expectOk, personOf, rectOf, storedPlan } from './plan-breakout';

/**
 * Start invites only who is online (D13: no invitation is sent to nobody). Someone offline at
 * Start gets no invitation: under C6 'reject' inviting them would fail their roommates' whole
 * call, under C6 'skip' it would be a call for nothing. The plan counts them invited with their
 * room, and "Invite again" reaches them once they are back. Tested under every way Miro may
 * report presence (U2: the list with the event, or an empty payload the app must re-fetch),
 * whether they left before the facilitator's app started listening or while it listened.
 */

afterEach(() => {
  vi.useRealTimers();
});

const presence: [string, Partial<UndocumentedBehaviour>][] = [
  ['U2 full payload, C6 skip', { onlineUsersPayload: 'full', inviteOffline: 'skip' }],
  ['U2 full payload, C6 reject', { onlineUsersPayload: 'full', inviteOffline: 'reject' }],
  ['U2 empty payload, C6 skip', { onlineUsersPayload: 'empty', inviteOffline: 'skip' }],
  ['U2 empty payload, C6 reject', { onlineUsersPayload: 'empty', inviteOffline: 'reject' }],
];

type Moment = 'before the facilitator claimed the board' | 'after planning, just before Start';
const moments: Moment[] = [
  'before the facilitator claimed the board',
  'after planning, just before Start',
];

async function goOffline(w: Workshop, ...members: Member[]) {
  for (const member of members) w.sim.setOnline(member.user.id, false);
  await w.settle();
}

describe.each(presence)('under %s', (_, behaviour) => {
  it.each(moments)('someone who went offline %s is not invited', async (moment) => {
    const w = await createWorkshop({ participants: 3, rooms: 2, sim: behaviour });
    const [ada, grace, alan] = w.participants;
    const [first, second] = w.rooms;
    if (!ada || !grace || !alan || !first || !second) throw new Error('workshop too small');
    if (moment === 'before the facilitator claimed the board') await goOffline(w, grace, alan);
    const control = w.facilitator.headless.facilitator;
    expectOk(await w.run(control.handle({ type: 'claim' })));
    const withRooms = expectOk(
      await w.run(
        control.handle({
          type: 'edit',
          actions: [
            { type: 'roomsAdded', frames: [first, second] },
            {
              type: 'mainAreaChosen',
              mainArea: { kind: 'frame', frameId: w.main.id, frame: rectOf(w.main) },
            },
          ],
        }),
      ),
    );
    const [roomA, roomB] = withRooms.rooms;
    if (!roomA || !roomB) throw new Error('rooms expected');
    expectOk(
      await w.run(
        control.handle({
          type: 'edit',
          actions: [
            { type: 'personAssigned', person: personOf(ada), roomId: roomA.id },
            { type: 'personAssigned', person: personOf(grace), roomId: roomA.id },
            { type: 'personAssigned', person: personOf(alan), roomId: roomB.id },
          ],
        }),
      ),
    );
    if (moment === 'after planning, just before Start') await goOffline(w, grace, alan);
    w.sim.resetCounters();

    expectOk(await w.run(control.handle({ type: 'start' })));
    await w.flush();

    // Ada's room invites her alone; Alan's room, whose only person is offline, costs no call.
    expect(w.sim.invitations(ada.user.id)).toHaveLength(1);
    expect(w.sim.invitations(grace.user.id)).toHaveLength(0);
    expect(w.sim.invitations(alan.user.id)).toHaveLength(0);
    expect(w.sim.counters().calls[w.facilitator.user.id]?.['session.invite']).toBe(1);
    expect(control.currentNotice().problem).toBeNull();
    // Both rooms are open, and the plan keeps the offline people in theirs, to invite again.
    const plan = storedPlan(w);
    expect(plan.rooms.every((room) => room.sessionId !== null)).toBe(true);
    const entryOf = (member: Member) => plan.people.find((person) => person.id === member.user.id);
    expect(entryOf(grace)).toMatchObject({ roomId: roomA.id, status: 'invited' });
    expect(entryOf(alan)).toMatchObject({ roomId: roomB.id, status: 'invited' });
  });
});
