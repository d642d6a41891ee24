/**
 * Facilitation while rooms run: announcements, the closing warning, more time, pause, locking and
 * closing rooms, and "on the way" for help requests. Like every reducer here it is pure, returns
 * the same plan when nothing changes, and takes times from the action.
 */

import type { ActionOf, FacilitationAction, PlanAction } from './actions';
import {
  emptyFacilitation,
  isRoomClosed,
  isValidWarning,
  MAX_ANNOUNCEMENT_LENGTH,
  MAX_ANNOUNCEMENTS,
  MAX_EXTENSION_MS,
} from './facilitation';
import { isTimestamp, isValidId, MAX_DURATION_MS } from './limits';
import type { Facilitation, Phase, Plan } from './plan';
import { cutWithoutSplitting, toSingleLine } from './text';
import { mapSame, patch } from './unchanged';

function withFacilitation(plan: Plan, changes: Partial<Facilitation>): Plan {
  const facilitation = patch(plan.facilitation, changes);
  return facilitation === plan.facilitation ? plan : { ...plan, facilitation };
}

const hasRoom = (plan: Plan, roomId: string) => plan.rooms.some((room) => room.id === roomId);

/** One line, at most MAX_ANNOUNCEMENT_LENGTH units, never cut inside a character. */
export function cleanAnnouncement(raw: string): string {
  return cutWithoutSplitting(toSingleLine(raw), MAX_ANNOUNCEMENT_LENGTH).trim();
}

export function announcementPosted(
  plan: Plan,
  { id, text, at }: ActionOf<'announcementPosted'>,
): Plan {
  const clean = cleanAnnouncement(text);
  if (!isValidId(id) || clean === '' || !isTimestamp(at)) return plan;
  const { announcements } = plan.facilitation;
  // A retried command must not post the same announcement twice.
  if (announcements.some((announcement) => announcement.id === id)) return plan;
  return withFacilitation(plan, {
    announcements: [...announcements, { id, text: clean, at }].slice(-MAX_ANNOUNCEMENTS),
  });
}

export function closingWarningSet(plan: Plan, { warningMs }: ActionOf<'closingWarningSet'>): Plan {
  return isValidWarning(warningMs) ? withFacilitation(plan, { warningMs }) : plan;
}

/** More time moves the end; while paused too, so the time left grows either way. */
export function timeExtended(plan: Plan, { byMs }: ActionOf<'timeExtended'>): Plan {
  if (plan.endsAt === null || plan.startedAt === null) return plan;
  if (!Number.isInteger(byMs) || byMs <= 0 || byMs > MAX_EXTENSION_MS) return plan;
  const endsAt = plan.endsAt + byMs;
  if (endsAt - plan.startedAt > MAX_DURATION_MS) return plan;
  return { ...plan, endsAt };
}

export function breakoutPaused(plan: Plan, { at }: ActionOf<'breakoutPaused'>): Plan {
  if (plan.endsAt === null || plan.facilitation.pausedAt !== null || !isTimestamp(at)) return plan;
  // Pausing after the end time has passed would freeze a countdown at zero that auto-close missed.
  if (at >= plan.endsAt) return plan;
  return withFacilitation(plan, { pausedAt: at });
}

/** The end moves by as long as the pause lasted. */
export function breakoutResumed(plan: Plan, { at }: ActionOf<'breakoutResumed'>): Plan {
  const { pausedAt } = plan.facilitation;
  if (pausedAt === null || plan.endsAt === null || !isTimestamp(at)) return plan;
  const paused = Math.max(0, at - pausedAt);
  return {
    ...plan,
    endsAt: plan.endsAt + paused,
    facilitation: { ...plan.facilitation, pausedAt: null },
  };
}

export function roomLocked(plan: Plan, { roomId }: ActionOf<'roomLocked'>): Plan {
  const { lockedRoomIds } = plan.facilitation;
  if (!hasRoom(plan, roomId) || lockedRoomIds.includes(roomId)) return plan;
  return withFacilitation(plan, { lockedRoomIds: [...lockedRoomIds, roomId] });
}

export function roomUnlocked(plan: Plan, { roomId }: ActionOf<'roomUnlocked'>): Plan {
  const { lockedRoomIds } = plan.facilitation;
  if (!lockedRoomIds.includes(roomId)) return plan;
  return withFacilitation(plan, { lockedRoomIds: lockedRoomIds.filter((id) => id !== roomId) });
}

/**
 * The room's session id goes, so nothing (invitations, late joins, the end) reaches for it again;
 * its people keep their room and status, so the end summary still says who was there.
 */
export function roomClosed(plan: Plan, { roomId, at }: ActionOf<'roomClosed'>): Plan {
  if (!hasRoom(plan, roomId) || isRoomClosed(plan, roomId) || !isTimestamp(at)) return plan;
  return {
    ...plan,
    rooms: mapSame(plan.rooms, (room) =>
      room.id === roomId ? patch(room, { sessionId: null }) : room,
    ),
    facilitation: {
      ...plan.facilitation,
      closedRooms: [...plan.facilitation.closedRooms, { roomId, at }],
    },
  };
}

export function facilitatorOnTheWay(
  plan: Plan,
  { personId }: ActionOf<'facilitatorOnTheWay'>,
): Plan {
  const request = plan.helpRequests.find((candidate) => candidate.personId === personId);
  if (!request) return plan;
  const { helpOnTheWay } = plan.facilitation;
  if (helpOnTheWay.some((entry) => entry.personId === personId && entry.at === request.at)) {
    return plan;
  }
  // Entries of answered requests are dropped here, so the list never outgrows the open requests.
  const open = new Set(
    plan.helpRequests.map((candidate) => `${candidate.personId}@${candidate.at}`),
  );
  return withFacilitation(plan, {
    helpOnTheWay: [
      ...helpOnTheWay.filter((entry) => open.has(`${entry.personId}@${entry.at}`)),
      { personId, at: request.at },
    ],
  });
}

export function reduceFacilitation(plan: Plan, action: FacilitationAction): Plan {
  switch (action.type) {
    case 'announcementPosted':
      return announcementPosted(plan, action);
    case 'closingWarningSet':
      return closingWarningSet(plan, action);
    case 'timeExtended':
      return timeExtended(plan, action);
    case 'breakoutPaused':
      return breakoutPaused(plan, action);
    case 'breakoutResumed':
      return breakoutResumed(plan, action);
    case 'roomLocked':
      return roomLocked(plan, action);
    case 'roomUnlocked':
      return roomUnlocked(plan, action);
    case 'roomClosed':
      return roomClosed(plan, action);
    case 'facilitatorOnTheWay':
      return facilitatorOnTheWay(plan, action);
  }
}

/**
 * A new run (a start, "run again") begins with nothing announced, paused, locked or closed; the
 * warning is a setting and stays.
 */
export function facilitationForNewRun(before: Plan, after: Plan): Plan {
  if (after === before) return after;
  // Back to planning always starts afresh too, even when the run id was kept (an undone start).
  const backToPlanning = after.phase === 'planning' && before.phase !== 'planning';
  if (after.runId === before.runId && !backToPlanning) return after;
  const fresh = emptyFacilitation(after.facilitation.warningMs);
  const current = after.facilitation;
  const alreadyFresh =
    current.pausedAt === null &&
    current.announcements.length === 0 &&
    current.lockedRoomIds.length === 0 &&
    current.closedRooms.length === 0 &&
    current.helpOnTheWay.length === 0;
  return alreadyFresh ? after : { ...after, facilitation: fresh };
}

/** In which phases each facilitation action may change the plan (merged into ACTION_PHASES). */
export const FACILITATION_ACTION_PHASES: Readonly<
  Record<FacilitationAction['type'], readonly Phase[]>
> = {
  announcementPosted: ['running'],
  // A setting: chosen while planning, changed while running.
  closingWarningSet: ['planning', 'starting', 'running'],
  timeExtended: ['running'],
  breakoutPaused: ['running'],
  breakoutResumed: ['running'],
  roomLocked: ['running'],
  roomUnlocked: ['running'],
  roomClosed: ['running'],
  facilitatorOnTheWay: ['running'],
};

export function isFacilitationAction(action: PlanAction): action is FacilitationAction {
  return Object.hasOwn(FACILITATION_ACTION_PHASES, action.type);
}
