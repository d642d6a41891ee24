/**
 * Rules for participants choosing their own room. The state is plain data the facilitator's
 * controller keeps (and turns into plan assignments); every rule returns a new state or a reason
 * to show the participant, so a full room is a message, never an exception.
 *
 * Capacity is places per room (Infinity for no limit). A pick holds its place even while its
 * person is offline: dropping someone's seat because their connection blinked would be unfair.
 */

import type { PersonRef } from '../plan';
import { type Random, shuffle } from '../random';
import type { RoomRef } from './pre-assignment';

export { parseRoomPicked, type RoomPickedMessage, roomPicked } from './room-picked-message';

export type SelfSelectState = {
  /** Rooms in plan order; their names make the reasons readable. */
  rooms: readonly RoomRef[];
  /** person id → room id. */
  picks: ReadonlyMap<string, string>;
};

export type PickResult = { ok: true; state: SelfSelectState } | { ok: false; reason: string };

export type RoomSpace = { room: RoomRef; taken: number; free: number };

export function selfSelectState(rooms: readonly RoomRef[]): SelfSelectState {
  return { rooms, picks: new Map() };
}

function takenByRoom(state: SelfSelectState): Map<string, number> {
  const taken = new Map(state.rooms.map((room) => [room.id, 0]));
  for (const roomId of state.picks.values()) {
    const count = taken.get(roomId);
    if (count !== undefined) taken.set(roomId, count + 1);
  }
  return taken;
}

const placesOf = (capacity: number) => (Number.isNaN(capacity) ? 0 : Math.max(0, capacity));

/** `roomId` null withdraws the pick. Picking the room one is already in changes nothing. */
export function pickRoom(
  state: SelfSelectState,
  personId: string,
  roomId: string | null,
  capacity: number,
): PickResult {
  const picks = new Map(state.picks);
  if (roomId === null) {
    picks.delete(personId);
    return { ok: true, state: { ...state, picks } };
  }
  const room = state.rooms.find((candidate) => candidate.id === roomId);
  if (room === undefined)
    return { ok: false, reason: 'That room is no longer open. Pick another.' };
  if (state.picks.get(personId) === roomId) return { ok: true, state };
  const taken = takenByRoom(state).get(roomId) ?? 0;
  const places = placesOf(capacity);
  if (taken >= places) {
    return {
      ok: false,
      reason: `${room.name} is full (${taken} of ${places} places taken). Pick another room.`,
    };
  }
  picks.set(personId, roomId);
  return { ok: true, state: { ...state, picks } };
}

/** Rooms a person can still pick, in plan order. */
export function roomsWithSpace(state: SelfSelectState, capacity: number): RoomSpace[] {
  const taken = takenByRoom(state);
  const places = placesOf(capacity);
  return state.rooms
    .map((room) => {
      const count = taken.get(room.id) ?? 0;
      return { room, taken: count, free: places - count };
    })
    .filter(({ free }) => free > 0);
}

export type PlaceUnchosenResult = {
  state: SelfSelectState;
  placed: { personId: string; roomId: string }[];
  /** Nobody had space for them: add rooms or raise the capacity. */
  unplaced: PersonRef[];
  message: string | null;
};

/**
 * Places everyone in `people` without a valid pick, each into a room with the fewest people that
 * still has space (random among equals), so the rooms end up as even as the picks allow.
 */
export function placeUnchosen(
  state: SelfSelectState,
  people: readonly PersonRef[],
  capacity: number,
  random: Random,
): PlaceUnchosenResult {
  const taken = takenByRoom(state);
  const places = placesOf(capacity);
  const picks = new Map(state.picks);
  const placed: { personId: string; roomId: string }[] = [];
  const unplaced: PersonRef[] = [];
  const seen = new Set<string>();
  const rooms = shuffle(state.rooms, random);
  for (const person of shuffle(people, random)) {
    if (seen.has(person.id)) continue;
    seen.add(person.id);
    const current = picks.get(person.id);
    if (current !== undefined && taken.has(current)) continue;
    let smallest: RoomRef | null = null;
    for (const room of rooms) {
      const count = taken.get(room.id) ?? 0;
      if (count < places && (smallest === null || count < (taken.get(smallest.id) ?? 0))) {
        smallest = room;
      }
    }
    if (smallest === null) {
      unplaced.push(person);
      continue;
    }
    picks.set(person.id, smallest.id);
    taken.set(smallest.id, (taken.get(smallest.id) ?? 0) + 1);
    placed.push({ personId: person.id, roomId: smallest.id });
  }
  // Listed in the caller's order, so the message reads like the list on screen.
  const order = new Map(people.map((person, index) => [person.id, index]));
  unplaced.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const message =
    unplaced.length === 0
      ? null
      : `${unplaced.length === 1 ? '1 person' : `${unplaced.length} people`} could not be placed: every room is full. Add a room or allow more people per room.`;
  return { state: { ...state, picks }, placed, unplaced, message };
}
