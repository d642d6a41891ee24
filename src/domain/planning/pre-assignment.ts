/**
 * Matching a pasted pre-assignment list to the people online and the rooms of the plan. The app
 * only ever knows people by Miro id and display name (never emails, D11), so a row is matched by
 * its name; rows with only an email are reported with what to do instead. Nothing is matched by
 * guesswork: several people with the same name are listed for the facilitator to choose.
 */

import type { PersonRef } from '../plan';
import type { AssignmentRow } from './assignment-list';
import { nameKey } from './name-key';

export type { AssignmentRow } from './assignment-list';

export type RoomRef = { id: string; name: string };

export type MatchedRow = { personId: string; roomId: string; row: AssignmentRow };
export type UnmatchedRow = {
  row: AssignmentRow;
  reason: 'email-only' | 'not-online';
  message: string;
};
export type AmbiguousRow = { row: AssignmentRow; candidates: PersonRef[]; message: string };
export type UnknownRoomRow = { row: AssignmentRow; message: string };
export type DuplicateRow = { row: AssignmentRow; personId: string; message: string };

export type PreAssignmentMatch = {
  matched: MatchedRow[];
  /** Nobody online matches yet: match again when more people arrive. */
  unmatched: UnmatchedRow[];
  ambiguous: AmbiguousRow[];
  unknownRooms: UnknownRoomRow[];
  /** A later row for a person an earlier row already placed: the first row wins. */
  duplicates: DuplicateRow[];
};

export const EMAIL_ONLY_MESSAGE = "Emails can't be matched; give the name as shown in Miro.";

const ROOM_NUMBER = /^(?:room\s*|#\s*)?(\d+)$/;

type RoomLookup = { room: RoomRef } | { message: string };

function roomFinder(rooms: readonly RoomRef[]) {
  const byName = new Map<string, RoomRef[]>();
  for (const room of rooms) {
    const key = nameKey(room.name);
    byName.set(key, [...(byName.get(key) ?? []), room]);
  }
  return (text: string): RoomLookup => {
    const key = nameKey(text);
    const named = byName.get(key) ?? [];
    const [only] = named;
    if (named.length === 1 && only !== undefined) return { room: only };
    if (named.length > 1) {
      return {
        message: `${named.length} rooms are called "${text}". Rename one or use its number.`,
      };
    }
    // A name wins over a number: a room may well be called "2".
    const number = ROOM_NUMBER.exec(key);
    if (number !== null) {
      const room = rooms[Number(number[1]) - 1];
      if (room !== undefined) return { room };
      return { message: `There is no room ${number[1]}: the plan has ${rooms.length} rooms.` };
    }
    return { message: `No room is called "${text}".` };
  };
}

function peopleFinder(people: readonly PersonRef[]) {
  const byName = new Map<string, PersonRef[]>();
  const seen = new Set<string>();
  for (const person of people) {
    // The same user online in several tabs is one person.
    if (seen.has(person.id)) continue;
    seen.add(person.id);
    const key = nameKey(person.name);
    byName.set(key, [...(byName.get(key) ?? []), person]);
  }
  return (name: string) => byName.get(nameKey(name)) ?? [];
}

export function matchPreAssignments(
  rows: readonly AssignmentRow[],
  onlinePeople: readonly PersonRef[],
  rooms: readonly RoomRef[],
): PreAssignmentMatch {
  const findRoom = roomFinder(rooms);
  const findPeople = peopleFinder(onlinePeople);
  const result: PreAssignmentMatch = {
    matched: [],
    unmatched: [],
    ambiguous: [],
    unknownRooms: [],
    duplicates: [],
  };
  const placedBy = new Map<string, MatchedRow>();
  for (const row of rows) {
    const room = findRoom(row.room);
    if ('message' in room) {
      result.unknownRooms.push({ row, message: `Line ${row.line}: ${room.message}` });
      continue;
    }
    if (row.name === null) {
      result.unmatched.push({
        row,
        reason: 'email-only',
        message: `Line ${row.line}: ${row.who}: ${EMAIL_ONLY_MESSAGE}`,
      });
      continue;
    }
    const candidates = findPeople(row.name);
    const [person] = candidates;
    if (person === undefined) {
      result.unmatched.push({
        row,
        reason: 'not-online',
        message: `Line ${row.line}: nobody called ${row.name} is online yet.`,
      });
    } else if (candidates.length > 1) {
      result.ambiguous.push({
        row,
        candidates,
        message: `Line ${row.line}: ${candidates.length} people online are called ${row.name}. Place them by hand.`,
      });
    } else {
      const earlier = placedBy.get(person.id);
      if (earlier !== undefined) {
        result.duplicates.push({
          row,
          personId: person.id,
          message: `Line ${row.line}: ${person.name} is already placed in ${earlier.row.room} by line ${earlier.row.line}.`,
        });
        continue;
      }
      const match = { personId: person.id, roomId: room.room.id, row };
      placedBy.set(person.id, match);
      result.matched.push(match);
    }
  }
  return result;
}
