/**
 * Balanced placement of people into rooms. Fixes D10 of Miro's example: every person is placed,
 * room sizes differ by at most one, and fewer people than rooms (or no rooms) never throws.
 */

import { type Random, shuffle } from './random';

const unique = (ids: readonly string[]) => Array.from(new Set(ids));

/**
 * Places every person. Both the order of people and which rooms receive the extra person are
 * random, so repeated splits do not always overfill the first rooms. No rooms: an empty map.
 */
export function assignBalanced(
  personIds: readonly string[],
  roomIds: readonly string[],
  random: Random,
): Map<string, string> {
  const rooms = shuffle(unique(roomIds), random);
  const people = shuffle(unique(personIds), random);
  const assignment = new Map<string, string>();
  if (rooms.length === 0) return assignment;
  people.forEach((personId, index) => {
    assignment.set(personId, rooms[index % rooms.length] as string);
  });
  return assignment;
}

/**
 * Places only the people not yet placed, each into a currently smallest room, leaving everyone
 * else where they are (late joiners, "place whoever has not chosen"). Returns the new placements
 * only. Existing placements in rooms outside `roomIds` do not count towards any room.
 */
export function fillBalanced(
  existing: ReadonlyMap<string, string>,
  unplacedIds: readonly string[],
  roomIds: readonly string[],
  random: Random,
): Map<string, string> {
  const rooms = shuffle(unique(roomIds), random);
  const placements = new Map<string, string>();
  if (rooms.length === 0) return placements;
  const sizes = new Map<string, number>(rooms.map((roomId) => [roomId, 0]));
  for (const roomId of existing.values()) {
    const size = sizes.get(roomId);
    if (size !== undefined) sizes.set(roomId, size + 1);
  }
  const placedAlready = (personId: string) => {
    const roomId = existing.get(personId);
    return roomId !== undefined && sizes.has(roomId);
  };
  for (const personId of shuffle(unique(unplacedIds), random)) {
    if (placedAlready(personId)) continue;
    // Rooms are in random order, so among equally small rooms the first one is a random pick.
    let smallest = rooms[0] as string;
    for (const roomId of rooms) {
      if ((sizes.get(roomId) ?? 0) < (sizes.get(smallest) ?? 0)) smallest = roomId;
    }
    placements.set(personId, smallest);
    sizes.set(smallest, (sizes.get(smallest) ?? 0) + 1);
  }
  return placements;
}
