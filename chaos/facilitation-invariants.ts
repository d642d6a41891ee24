/**
 * What must hold while the facilitator acts on running rooms, whatever faults the run met:
 * - the countdown never runs out while paused, and the breakout never ends by itself early;
 * - announcements stay within their limits and each part reaches a person at most once;
 * - a person is warned at most once for each end time;
 * - nobody is invited into a room that is locked (or closed);
 * - a closed room's session is over, its people are in no session and back in the main area.
 */
import { announcementNotifications } from '../src/controller/participant-notices';
import {
  isRoomLocked,
  MAX_ANNOUNCEMENT_LENGTH,
  MAX_ANNOUNCEMENTS,
} from '../src/domain/facilitation';
import type { Plan } from '../src/domain/plan';
import type { SimBoard } from '../src/simulator/api';
import { isInMainArea } from './geometry';
import type { FacilitationObserved } from './observed';

/**
 * A lock reaches the facilitator's app when its own write does; an invitation already on its way
 * then (sent before the click, delayed by latency and retries) may still land. Past this, any
 * invitation into the room is one the app sent knowing it was locked.
 */
export const LOCK_GRACE_MS = 30_000;

const WARNING = /^Rooms close in /;

export function watchFacilitation(
  sim: SimBoard,
  now: () => number,
  observed: FacilitationObserved,
  storedPlan: () => Plan | null,
  violate: (problem: string) => void,
): void {
  let previous: Plan | null = null;
  /** Every announcement part ever stored, to recognise its notification. */
  const parts = new Set<string>();
  const shownParts = new Map<string, number>();
  /** Bumped whenever the stored end time changes: a new end time may be warned of again. */
  let endTime = 0;
  const warnedAt = new Map<string, number>();
  const lockedSince = new Map<string, number>();
  let invitationIds = new Set(sim.invitations().map((invitation) => invitation.id));

  const onPlan = (plan: Plan) => {
    const { announcements, lockedRoomIds } = plan.facilitation;
    if (announcements.length > MAX_ANNOUNCEMENTS)
      violate(`the plan holds ${announcements.length} announcements`);
    for (const { text } of announcements) {
      if (text.length > MAX_ANNOUNCEMENT_LENGTH)
        violate(`an announcement of ${text.length} characters was stored`);
      for (const part of announcementNotifications(text)) parts.add(part);
    }
    for (const room of plan.rooms) {
      if (room.sessionId === null) continue;
      const sessions = observed.roomSessions.get(room.id) ?? new Set<string>();
      sessions.add(room.sessionId);
      observed.roomSessions.set(room.id, sessions);
    }
    for (const roomId of lockedRoomIds)
      if (!lockedSince.has(roomId)) lockedSince.set(roomId, now());
    for (const roomId of lockedSince.keys())
      if (!lockedRoomIds.includes(roomId)) lockedSince.delete(roomId);
    if (previous === null || plan.revision < previous.revision) {
      // A stale writer's overwrite (a take-over race) is not what the app decided: skip it.
      previous ??= plan;
      return;
    }
    if (plan.endsAt !== previous.endsAt || plan.runId !== previous.runId) endTime += 1;
    const endedNow =
      previous.phase === 'running' && (plan.phase === 'ending' || plan.phase === 'ended');
    if (endedNow && !observed.endPressed) {
      if (previous.facilitation.pausedAt !== null)
        violate('the breakout ended by itself while its countdown was paused');
      else if (previous.endsAt === null) violate('a breakout without a time limit ended by itself');
      else if (now() < previous.endsAt)
        violate(`the breakout ended by itself ${previous.endsAt - now()} ms before its time`);
    }
    previous = plan;
  };

  sim.subscribe((change) => {
    if (change.kind === 'storage') {
      const plan = storedPlan();
      if (plan) onPlan(plan);
    } else if (change.kind === 'notification') {
      const { userId, message } = change.notification;
      if (observed.reloaded.has(userId)) return;
      if (parts.has(message)) {
        const key = `${userId}\n${message}`;
        const count = (shownParts.get(key) ?? 0) + 1;
        shownParts.set(key, count);
        if (count === 2) violate(`user ${userId} was shown the announcement "${message}" twice`);
      } else if (WARNING.test(message)) {
        if (warnedAt.get(userId) === endTime)
          violate(`user ${userId} was warned twice of the same end time`);
        warnedAt.set(userId, endTime);
      }
    } else if (change.kind === 'invitations') {
      const current = sim.invitations();
      const plan = storedPlan();
      for (const invitation of current) {
        if (invitationIds.has(invitation.id) || !plan) continue;
        const room = plan.rooms.find((candidate) => candidate.sessionId === invitation.sessionId);
        const since = room ? lockedSince.get(room.id) : undefined;
        if (
          room &&
          since !== undefined &&
          now() - since > LOCK_GRACE_MS &&
          isRoomLocked(plan, room.id)
        )
          violate(`user ${invitation.userId} was invited into the locked room "${room.name}"`);
      }
      invitationIds = new Set(current.map((invitation) => invitation.id));
    }
  });
}

/** A closed room is over for good: its sessions ended, its people out and back in the main area. */
export function checkClosedRooms(
  sim: SimBoard,
  plan: Plan,
  observed: FacilitationObserved,
  violate: (problem: string) => void,
): void {
  const sessions = sim.sessions();
  for (const { roomId } of plan.facilitation.closedRooms) {
    const room = plan.rooms.find((candidate) => candidate.id === roomId);
    if (!room) continue;
    const former = observed.roomSessions.get(roomId) ?? new Set<string>();
    const open = sessions.filter((session) => former.has(session.id) && !session.ended);
    if (open.length > 0) violate(`"${room.name}" was closed but its session still runs`);
    for (const person of plan.people) {
      if (person.roomId !== roomId || person.status !== 'joined') continue;
      if (sessions.some((session) => !session.ended && session.memberIds.includes(person.id)))
        violate(`${person.name}'s room "${room.name}" was closed but they are still in a session`);
      const user = sim.users().find((candidate) => candidate.id === person.id);
      if (user && plan.mainArea && !isInMainArea(user.viewport, plan.mainArea))
        violate(`${person.name}'s room "${room.name}" was closed but they were not brought back`);
    }
  }
}
