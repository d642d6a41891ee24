/**
 * Facilitation while rooms run (announcements, closing warning, pause, locked and closed rooms,
 * help on the way): its bounds, its empty state and what is derived from it. Its stored shape is
 * stored/facilitation.ts.
 */

import type { Facilitation, Plan, Room, RoomClosure } from './plan';

/** Only the latest announcements are kept: participants who were away read them in the panel. */
export const MAX_ANNOUNCEMENTS = 10;
/** Long enough for a paragraph, short enough that ten of them stay a small part of 64 KB. */
export const MAX_ANNOUNCEMENT_LENGTH = 500;
export const MIN_WARNING_MS = 30_000;
export const MAX_WARNING_MS = 120_000;
export const DEFAULT_WARNING_MS = 60_000;
/** The buttons offer +1 and +5 minutes; anything up to an hour at once is accepted. */
export const MAX_EXTENSION_MS = 60 * 60_000;
/** People the facilitator can be on the way to at once: far more than anyone walks to. */
export const MAX_HELP_ON_THE_WAY = 1000;

export const emptyFacilitation = (warningMs = DEFAULT_WARNING_MS): Facilitation => ({
  warningMs,
  pausedAt: null,
  announcements: [],
  lockedRoomIds: [],
  closedRooms: [],
  helpOnTheWay: [],
});

export const isValidWarning = (ms: number) =>
  Number.isInteger(ms) && ms >= MIN_WARNING_MS && ms <= MAX_WARNING_MS;

// Derived data, never stored.

export const isRoomLocked = (plan: Plan, roomId: string) =>
  plan.facilitation.lockedRoomIds.includes(roomId);

export const closureOf = (plan: Plan, roomId: string): RoomClosure | null =>
  plan.facilitation.closedRooms.find((closure) => closure.roomId === roomId) ?? null;

export const isRoomClosed = (plan: Plan, roomId: string) => closureOf(plan, roomId) !== null;

/** Why nobody more can be sent into this room now, or null when they can. */
export function roomRefusal(plan: Plan, roomId: string): string | null {
  const room: Room | undefined = plan.rooms.find((candidate) => candidate.id === roomId);
  if (!room) return 'That room is not in the breakout any more.';
  if (isRoomClosed(plan, roomId)) return `“${room.name}” is closed.`;
  if (isRoomLocked(plan, roomId)) return `“${room.name}” is locked. Unlock it to let people in.`;
  return null;
}

export const isPaused = (plan: Plan) => plan.facilitation.pausedAt !== null;

/** When everyone is warned, on the facilitator's clock; null when there is nothing to warn of. */
export function warningAt(plan: Plan): number | null {
  if (plan.phase !== 'running' || plan.endsAt === null || isPaused(plan)) return null;
  return plan.endsAt - plan.facilitation.warningMs;
}

export function isHelpOnTheWay(plan: Plan, personId: string): boolean {
  const request = plan.helpRequests.find((candidate) => candidate.personId === personId);
  return (
    request !== undefined &&
    plan.facilitation.helpOnTheWay.some(
      (entry) => entry.personId === personId && entry.at === request.at,
    )
  );
}
