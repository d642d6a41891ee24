/**
 * Who is in which room, and the settings the facilitator chooses before starting.
 *
 * While planning, the people list holds exactly the assigned people: unassigning removes the
 * entry, which keeps the stored plan small (64 KB per key). From the start on, entries are kept
 * (with their room) so the end summary can say who joined and who never did.
 */

import type { ActionOf } from './actions';
import { isValidId, MAX_DURATION_MS, MAX_PEOPLE } from './limits';
import type { Person, PersonRef, PersonStatus, Plan } from './plan';
import { cleanName } from './text';
import { filterSame, mapSame, patch } from './unchanged';

/** Statuses after which putting a person in the same room again means "invite them again". */
const REINVITABLE: ReadonlySet<PersonStatus> = new Set([
  'declined',
  'dismissed',
  'timed-out',
  'left',
]);

function unassign(plan: Plan, personId: string): Plan {
  if (plan.phase === 'planning') {
    return patch(plan, { people: filterSame(plan.people, (person) => person.id !== personId) });
  }
  return patch(plan, {
    people: mapSame(plan.people, (person) =>
      person.id === personId ? patch(person, { roomId: null, status: 'assigned' }) : person,
    ),
  });
}

function placeExisting(plan: Plan, person: Person, name: string, roomId: string): Person {
  if (person.roomId !== roomId) return { ...person, name, roomId, status: 'assigned' };
  const reinvite = plan.phase === 'running' && REINVITABLE.has(person.status);
  return patch(person, { name, status: reinvite ? 'assigned' : person.status });
}

/**
 * Puts one person in a room, or takes them out (`roomId` null). A move is this one change, so a
 * person can never be in two rooms. While running, the person becomes `assigned` again, which
 * tells the controller to invite them.
 */
export function assignPerson(plan: Plan, person: PersonRef, roomId: string | null): Plan {
  if (!isValidId(person.id)) return plan;
  if (roomId === null) return unassign(plan, person.id);
  const room = plan.rooms.find((candidate) => candidate.id === roomId);
  // Nobody can be sent to a frame that is gone; while planning, Start stays blocked instead.
  if (room === undefined || (plan.phase !== 'planning' && room.frameMissing)) return plan;
  const name = cleanName(person.name);
  const existing = plan.people.find((candidate) => candidate.id === person.id);
  if (existing === undefined) {
    if (plan.people.length >= MAX_PEOPLE) return plan;
    return {
      ...plan,
      people: [...plan.people, { id: person.id, name, roomId, status: 'assigned' }],
    };
  }
  return patch(plan, {
    people: mapSame(plan.people, (candidate) =>
      candidate === existing ? placeExisting(plan, existing, name, roomId) : candidate,
    ),
  });
}

export function personAssigned(plan: Plan, { person, roomId }: ActionOf<'personAssigned'>): Plan {
  return assignPerson(plan, person, roomId);
}

/** Applies a split computed by the caller; listed people missing from `assignment` are unassigned. */
export function peopleSplit(plan: Plan, { people, assignment }: ActionOf<'peopleSplit'>): Plan {
  // One entry per person (the last wins): two entries could change a person and change them back,
  // giving an equal plan in a new object, and the writer would make a write for nothing.
  const unique = [...new Map(people.map((person) => [person.id, person])).values()];
  return unique.reduce(
    (current, person) =>
      assignPerson(
        current,
        person,
        Object.hasOwn(assignment, person.id) ? (assignment[person.id] ?? null) : null,
      ),
    plan,
  );
}

export function assignmentsCleared(plan: Plan): Plan {
  return plan.people.length === 0 ? plan : { ...plan, people: [] };
}

/** Out-of-range values are ignored; a too-short duration is stored and reported by startBlockers. */
export function durationSet(plan: Plan, { durationMs }: ActionOf<'durationSet'>): Plan {
  if (durationMs === null) return patch(plan, { durationMs: null });
  if (!Number.isFinite(durationMs) || durationMs < 0 || durationMs > MAX_DURATION_MS) return plan;
  // Adding 0 turns -0 into 0, which is what JSON would give back anyway.
  return patch(plan, { durationMs: Math.round(durationMs) + 0 });
}

export function includeFacilitatorSet(
  plan: Plan,
  { include }: ActionOf<'includeFacilitatorSet'>,
): Plan {
  const next = patch(plan, { includeFacilitator: include });
  // Leaving the rooms to the participants takes the facilitator out of theirs.
  return include ? next : unassign(next, plan.facilitator.id);
}
