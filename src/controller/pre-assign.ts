import type { PersonRef, Plan } from '../domain/plan';
import { nameKey } from '../domain/planning/name-key';

export type PreAssignedMatch = { person: PersonRef; roomId: string };

/**
 * Who of the imported list is online now and still needs their room: people the facilitator
 * placed by hand (or who picked a room) keep their place. A name shared by several people online
 * matches nobody; the panel lists it for the facilitator to place by hand.
 */
export function preAssignedArrivals(plan: Plan, online: readonly PersonRef[]): PreAssignedMatch[] {
  if (plan.preAssignments.length === 0) return [];
  const byName = new Map<string, PersonRef[]>();
  for (const person of online) {
    if (person.id === plan.facilitator.id && !plan.includeFacilitator) continue;
    const key = nameKey(person.name);
    byName.set(key, [...(byName.get(key) ?? []), person]);
  }
  const placed = new Set(
    plan.people.filter((person) => person.roomId !== null).map((person) => person.id),
  );
  const rooms = new Set(plan.rooms.filter((room) => !room.frameMissing).map((room) => room.id));
  const matches: PreAssignedMatch[] = [];
  for (const row of plan.preAssignments) {
    const candidates = byName.get(nameKey(row.name)) ?? [];
    const [person] = candidates;
    if (candidates.length !== 1 || person === undefined) continue;
    if (placed.has(person.id) || !rooms.has(row.roomId)) continue;
    placed.add(person.id);
    matches.push({ person: { id: person.id, name: person.name }, roomId: row.roomId });
  }
  return matches;
}
