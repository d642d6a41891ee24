import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UndocumentedBehaviour } from '../../src/simulator/api';
import { createWorkshop } from '../support/workshop';
import { answer, expectOk, isLookingAt, planBreakout, storedPlan } from './plan-breakout';

afterEach(() => {
  vi.useRealTimers();
});

/**
 * Every behaviour miro-sdk.md marks undocumented, switched to each of its other variants
 * (DESIGN.md principle 5). The whole breakout must work under each.
 */
const VARIANTS: [string, Partial<UndocumentedBehaviour>][] = [
  ['S1 no echo to the writer', { echoToWriter: 'none' }],
  ['S1 echo only to other iframes of the tab', { echoToWriter: 'other-iframes-of-tab' }],
  ['S2 initial delivery on subscribe', { initialDelivery: true }],
  ['S4 unchanged writes suppressed', { suppressUnchanged: true }],
  ['S5 opaque versions', { versionFormat: 'opaque' }],
  ['E1 broadcast skips only the sending iframe', { broadcastExcludeScope: 'iframe' }],
  ['C2 invitations never time out', { invitationTimeoutMs: null }],
  ['C3 joined before responded', { acceptEventOrder: 'joined-then-responded' }],
  ['C4 session events only to members', { sessionEventRecipients: 'members' }],
  ['C4 session events only to the starter', { sessionEventRecipients: 'starter' }],
  ['C5 inviting a member rejects', { inviteMember: 'reject' }],
  ['C6 inviting someone offline rejects', { inviteOffline: 'reject' }],
  ['C7 a second session rejects', { secondSession: 'reject' }],
  ['C8 getUsers returns strings', { getUsersShape: 'strings' }],
  ['C9 end emits user-left', { endEmitsUserLeft: true }],
  ['C10 sessions:started skips the starter’s tab', { sessionsStartedToStarterTab: false }],
  ['C12 only the starter may end or invite', { starterOnly: true }],
  ['C13 offline members stay members', { offlineMemberLeaves: false }],
  ['C14 redundant join/leave rejects', { redundantJoinLeave: 'reject' }],
  ['C15 zoomTo without membership', { zoomToRequiresMembership: false }],
  ['C18 the starter joins automatically', { starterAutoJoins: true }],
  ['T2 stop also emits finish', { timerFinishOnStop: true }],
  ['T2 periodic timer ticks', { timerTickMs: 1_000 }],
  ['T3 start restarts a running timer', { timerStartRestarts: true }],
  ['T4 timer not entitled', { timerEntitled: false }],
  ['T5 stopped timer total is zero', { timerStoppedTotal: 'zero' }],
  ['N1 long notifications truncated', { notificationOverflow: 'truncate' }],
  ['U2 online users update without payload', { onlineUsersPayload: 'empty' }],
  ['U3 user info without email', { userInfoEmail: false }],
  ['B1 get of an unknown id rejects', { getUnknownId: 'reject' }],
  ['B2 get ignores type with id', { getTypeAndId: 'ignore-type' }],
  ['B3 getById of an unknown id is undefined', { getByIdUnknown: 'undefined' }],
  ['P1 reopening the panel is a no-op', { reopenPanel: 'no-op' }],
];

describe.each(VARIANTS)('under %s', (_name, behaviour) => {
  it('starts, admits, records a decline, ends and brings everyone back', async () => {
    const w = await createWorkshop({ participants: 4, rooms: 2, sim: behaviour });
    await planBreakout(w);
    const control = w.facilitator.headless.facilitator;
    expectOk(await w.run(control.handle({ type: 'start' })));

    const [ada, grace, alan, barbara] = w.participants;
    if (!ada || !grace || !alan || !barbara) throw new Error('four participants expected');
    answer(w, ada, 'accepted');
    answer(w, grace, 'accepted');
    answer(w, alan, 'rejected');
    await w.flush();
    // Where the facilitator's app hears no joins (C4), a participant's "I joined" is checked
    // against Miro's member list first, a moment later.
    await w.advance(2_000);
    await w.flush();

    const plan = storedPlan(w);
    const statusOf = (id: string) => plan.people.find((person) => person.id === id)?.status;
    const frameOf = (id: string) => {
      const roomId = plan.people.find((person) => person.id === id)?.roomId;
      return plan.rooms.find((room) => room.id === roomId)?.frame;
    };
    for (const member of [ada, grace]) {
      expect(statusOf(member.user.id)).toBe('joined');
      const frame = frameOf(member.user.id);
      expect(frame && isLookingAt(w, member, frame)).toBe(true);
    }
    expect(statusOf(alan.user.id)).not.toBe('joined');
    expect(statusOf(barbara.user.id)).toBe('invited');

    expectOk(await w.run(control.handle({ type: 'end' })));
    await w.settle();
    expect(storedPlan(w).phase).toBe('ended');
    expect(w.sim.sessions().every((session) => session.ended)).toBe(true);
    for (const member of [ada, grace]) expect(isLookingAt(w, member, w.main)).toBe(true);
    expect(w.sim.timer().status).toBe('STOPPED');
  });
});
