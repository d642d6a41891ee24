/**
 * The broadcast a participant sends when they pick a room (or leave their pick) in self-select.
 * Anyone running the app can broadcast anything, so the facilitator's app reads it with the same
 * care as the other messages: exact keys, bounded sizes, never a throw.
 */

import { isValidId } from '../limits';
import type { PersonRef } from '../plan';
import { field, isRecord } from '../stored/valid';
import { cleanName } from '../text';

export type RoomPickedMessage = {
  type: 'room-picked';
  runId: string;
  /** Null: the participant withdrew their pick. */
  roomId: string | null;
  from: PersonRef;
};

/** Generous for a display name, small enough that a flood of messages stays cheap to check. */
const MAX_MESSAGE_NAME_LENGTH = 1000;
const MESSAGE_KEYS = ['type', 'runId', 'roomId', 'from'];

const onlyKeys = (value: Readonly<Record<string, unknown>>, keys: readonly string[]) =>
  Object.keys(value).every((key) => keys.includes(key));

export function roomPicked(
  runId: string,
  roomId: string | null,
  from: PersonRef,
): RoomPickedMessage {
  // Only id and name travel, whatever else the caller's user object holds (never an email, D11).
  return { type: 'room-picked', runId, roomId, from: { id: from.id, name: cleanName(from.name) } };
}

/** Null for anything that is not a well-formed room pick. Never throws. */
export function parseRoomPicked(raw: unknown): RoomPickedMessage | null {
  try {
    if (!isRecord(raw) || !onlyKeys(raw, MESSAGE_KEYS)) return null;
    const runId = field(raw, 'runId');
    const roomId = field(raw, 'roomId');
    const from = field(raw, 'from');
    if (field(raw, 'type') !== 'room-picked' || !isValidId(runId)) return null;
    if (roomId !== null && !isValidId(roomId)) return null;
    if (!isRecord(from) || !onlyKeys(from, ['id', 'name'])) return null;
    const id = field(from, 'id');
    const name = field(from, 'name');
    if (!isValidId(id) || typeof name !== 'string' || name.length > MAX_MESSAGE_NAME_LENGTH) {
      return null;
    }
    return { type: 'room-picked', runId, roomId, from: { id, name: cleanName(name) } };
  } catch {
    // A hostile object with throwing getters is just not a message.
    return null;
  }
}
