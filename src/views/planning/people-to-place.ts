import type { Plan } from '../../domain/plan';
import { unassignedOnline } from '../../domain/selectors';
import type { OnlineUserInfo } from '../../sdk/surface';

export type PlaceablePerson = { id: string; name: string; roomId: string | null; online: boolean };

const byName = (a: PlaceablePerson, b: PlaceablePerson) =>
  a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/**
 * Everyone the facilitator can place while planning: people already in a room (even if they went
 * offline) and everyone online who is in none. Sorted by name, so a row does not jump when its
 * person is assigned.
 */
export function peopleToPlace(
  plan: Plan,
  onlineUsers: readonly OnlineUserInfo[],
  onlineIds: ReadonlySet<string>,
  meId: string,
): PlaceablePerson[] {
  const placed: PlaceablePerson[] = plan.people
    .filter((person) => person.roomId !== null)
    .map(({ id, name, roomId }) => ({ id, name, roomId, online: onlineIds.has(id) }));
  const free: PlaceablePerson[] = unassignedOnline(plan, onlineUsers, meId).map(({ id, name }) => ({
    id,
    name,
    roomId: null,
    online: true,
  }));
  return [...placed, ...free].sort(byName);
}
