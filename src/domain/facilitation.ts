/**
 * The facilitation part of the stored plan (announcements, closing warning, pause, locked and
 * closed rooms, help on the way) and what is derived from it. The field came after plan version 1
 * without a new version (other fields are added at the same time), so a plan without it reads as
 * "nothing happened yet"; a plan with it damaged is damaged like any other field.
 */

import { isValidId } from './limits';
import type { Announcement, Facilitation, Plan, Room, RoomClosure } from './plan';
import {
  Damage,
  type Fields,
  field,
  isRecord,
  pathTo,
  readId,
  readList,
  readNullableNumber,
  readNumber,
  readRecord,
  readString,
} from './read-fields';

/** Only the latest announcements are kept: participants who were away read them in the panel. */
export const MAX_ANNOUNCEMENTS = 10;
/** Long enough for a paragraph, short enough that ten of them stay a small part of 64 KB. */
export const MAX_ANNOUNCEMENT_LENGTH = 500;
export const MIN_WARNING_MS = 30_000;
export const MAX_WARNING_MS = 120_000;
export const DEFAULT_WARNING_MS = 60_000;
/** The buttons offer +1 and +5 minutes; anything up to an hour at once is accepted. */
export const MAX_EXTENSION_MS = 60 * 60_000;

const TIMESTAMP = { min: 0, max: Number.MAX_SAFE_INTEGER };
const KEY = 'facilitation';

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

function records(fields: Fields, key: string, path: string, max: number): [Fields, string][] {
  return readList(fields, key, path, max).map((entry, index) => {
    const at = `${pathTo(path, key)}[${index}]`;
    if (!isRecord(entry)) throw new Damage(`${at} should be an object`);
    return [entry, at];
  });
}

function readRoomId(fields: Fields, key: string, path: string, roomIds: ReadonlySet<string>) {
  const roomId = readId(fields, key, path);
  if (!roomIds.has(roomId))
    throw new Damage(`${pathTo(path, key)} names a room that is not in the plan`);
  return roomId;
}

/** Reads `facilitation` of a stored plan; absent (older plans) means nothing happened yet. */
export function readFacilitation(document: Fields, roomIds: ReadonlySet<string>): Facilitation {
  const value = field(document, KEY);
  if (value === undefined || value === null) return emptyFacilitation();
  const fields = readRecord(document, KEY, '');
  const warningMs = readNumber(fields, 'warningMs', KEY, {
    min: MIN_WARNING_MS,
    max: MAX_WARNING_MS,
    integer: true,
  });
  const announcements: Announcement[] = records(
    fields,
    'announcements',
    KEY,
    MAX_ANNOUNCEMENTS,
  ).map(([entry, path]) => ({
    id: readId(entry, 'id', path),
    text: readString(entry, 'text', path, MAX_ANNOUNCEMENT_LENGTH),
    at: readNumber(entry, 'at', path, TIMESTAMP),
  }));
  const lockedRoomIds = readList(fields, 'lockedRoomIds', KEY, roomIds.size).map(
    (roomId, index) => {
      const at = `${pathTo(KEY, 'lockedRoomIds')}[${index}]`;
      if (!isValidId(roomId) || !roomIds.has(roomId)) {
        throw new Damage(`${at} should name a room of the plan`);
      }
      return roomId;
    },
  );
  const closedRooms: RoomClosure[] = records(fields, 'closedRooms', KEY, roomIds.size).map(
    ([entry, path]) => ({
      roomId: readRoomId(entry, 'roomId', path, roomIds),
      at: readNumber(entry, 'at', path, TIMESTAMP),
    }),
  );
  const helpOnTheWay = records(fields, 'helpOnTheWay', KEY, 1000).map(([entry, path]) => ({
    personId: readId(entry, 'personId', path),
    at: readNumber(entry, 'at', path, TIMESTAMP),
  }));
  return {
    warningMs,
    pausedAt: readNullableNumber(fields, 'pausedAt', KEY, TIMESTAMP),
    announcements,
    lockedRoomIds,
    closedRooms,
    helpOnTheWay,
  };
}

/** A fresh plain copy with exactly the known fields, for storage. */
export function encodeFacilitation(value: Facilitation): Facilitation {
  return {
    warningMs: value.warningMs,
    pausedAt: value.pausedAt,
    announcements: value.announcements.map(({ id, text, at }) => ({ id, text, at })),
    lockedRoomIds: [...value.lockedRoomIds],
    closedRooms: value.closedRooms.map(({ roomId, at }) => ({ roomId, at })),
    helpOnTheWay: value.helpOnTheWay.map(({ personId, at }) => ({ personId, at })),
  };
}

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
