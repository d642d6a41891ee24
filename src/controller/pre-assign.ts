import type { PersonRef, Plan } from '../domain/plan';
import { nameKey } from '../domain/planning/name-key';

export type PreAssignedMatch = { person: PersonRef; roomId: string };

/** The people online who may be placed from the list, by their name's key. */
function onlineByName(plan: Plan, online: readonly PersonRef[]): Map<string, PersonRef[]> {
  const byName = new Map<string, PersonRef[]>();
  for (const person of online) {
    if (person.id === plan.facilitator.id && !plan.includeFacilitator) continue;
    const key = nameKey(person.name);
    byName.set(key, [...(byName.get(key) ?? []), person]);
  }
  return byName;
}

/** The one person online a row of the list names; nobody when the name is shared. */
function matchRow(byName: Map<string, PersonRef[]>, name: string): PersonRef | null {
  const candidates = byName.get(nameKey(name)) ?? [];
  const [person] = candidates;
  return candidates.length === 1 && person !== undefined
    ? { id: person.id, name: person.name }
    : null;
}

/**
 * Who of the imported list is online now and still needs their room: people the facilitator
 * placed by hand (or who picked a room) keep their place. A name shared by several people online
 * matches nobody; the panel lists it for the facilitator to place by hand.
 */
export function preAssignedArrivals(plan: Plan, online: readonly PersonRef[]): PreAssignedMatch[] {
  if (plan.preAssignments.length === 0) return [];
  const byName = onlineByName(plan, online);
  const placed = new Set(
    plan.people.filter((person) => person.roomId !== null).map((person) => person.id),
  );
  const rooms = new Set(plan.rooms.filter((room) => !room.frameMissing).map((room) => room.id));
  const matches: PreAssignedMatch[] = [];
  for (const row of plan.preAssignments) {
    const person = matchRow(byName, row.name);
    if (person === null || placed.has(person.id) || !rooms.has(row.roomId)) continue;
    placed.add(person.id);
    matches.push({ person, roomId: row.roomId });
  }
  return matches;
}

/**
 * While the breakout runs: who of the imported list is online and still waits for the invitation
 * to their listed room. That is an arrival not placed yet, and one already placed in that room
 * whom no invitation reached ("assigned" in a room that has its session): an invitation that
 * failed, or one cut short by a reload between the placing and the invite.
 */
export function lateArrivalsToInvite(plan: Plan, online: readonly PersonRef[]): PreAssignedMatch[] {
  if (plan.phase !== 'running' || plan.preAssignments.length === 0) return [];
  const byName = onlineByName(plan, online);
  const waiting: PreAssignedMatch[] = [];
  for (const row of plan.preAssignments) {
    const person = matchRow(byName, row.name);
    const stored = person && plan.people.find((candidate) => candidate.id === person.id);
    const room = plan.rooms.find((candidate) => candidate.id === row.roomId);
    if (!person || stored?.roomId !== row.roomId || stored.status !== 'assigned') continue;
    if (room?.sessionId) waiting.push({ person, roomId: row.roomId });
  }
  return [...preAssignedArrivals(plan, online), ...waiting];
}
