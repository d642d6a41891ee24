/**
 * The life of one run: starting, sessions, invitations, joins and leaves, help, ending, and
 * going back to planning. Session events are matched against the room's own session, so a late
 * event from another session (a move, an old run) can never mark someone as in the wrong room.
 */

import type { ActionOf } from './actions';
import { isTimestamp, isValidId, MAX_HELP_REQUESTS } from './limits';
import type { Person, PersonStatus, Plan } from './plan';
import { cleanName } from './text';
import { filterSame, mapSame, patch } from './unchanged';

function sessionOfRoom(plan: Plan, roomId: string | null): string | null {
  if (roomId === null) return null;
  return plan.rooms.find((room) => room.id === roomId)?.sessionId ?? null;
}

function updatePerson(plan: Plan, personId: string, update: (person: Person) => Person): Plan {
  return patch(plan, {
    people: mapSame(plan.people, (person) => (person.id === personId ? update(person) : person)),
  });
}

export function breakoutStarting(plan: Plan, { runId, at }: ActionOf<'breakoutStarting'>): Plan {
  if (!isValidId(runId) || !isTimestamp(at)) return plan;
  return {
    ...plan,
    phase: 'starting',
    runId,
    // Recorded now so a controller that reloads mid-start can tell how long it has been trying.
    startedAt: at,
    endsAt: null,
    endedAt: null,
    timer: null,
    helpRequests: [],
  };
}

export function sessionsStarted(plan: Plan, { sessions }: ActionOf<'sessionsStarted'>): Plan {
  return patch(plan, {
    rooms: mapSame(plan.rooms, (room) => {
      const sessionId = Object.hasOwn(sessions, room.id) ? sessions[room.id] : undefined;
      return isValidId(sessionId) ? patch(room, { sessionId }) : room;
    }),
  });
}

/** People whose room has a session were invited with it; the others wait for one. */
export function breakoutStarted(
  plan: Plan,
  { at, endsAt, timer }: ActionOf<'breakoutStarted'>,
): Plan {
  if (!isTimestamp(at) || (endsAt !== null && !isTimestamp(endsAt))) return plan;
  return {
    ...plan,
    phase: 'running',
    startedAt: at,
    endsAt,
    timer,
    people: mapSame(plan.people, (person) =>
      person.status === 'assigned' && sessionOfRoom(plan, person.roomId) !== null
        ? { ...person, status: 'invited' }
        : person,
    ),
  };
}

/** A joined person is not downgraded by a late or repeated invitation. */
export function participantsInvited(
  plan: Plan,
  { personIds }: ActionOf<'participantsInvited'>,
): Plan {
  const invited = new Set(personIds);
  return patch(plan, {
    people: mapSame(plan.people, (person) =>
      invited.has(person.id) && person.roomId !== null && person.status !== 'joined'
        ? patch(person, { status: 'invited' })
        : person,
    ),
  });
}

/**
 * Only an open invitation can be answered. Accepting changes nothing yet: the join event says
 * when the person is really in, and it may come before or after the answer (C3).
 */
export function invitationAnswered(
  plan: Plan,
  { personId, accepted, reason }: ActionOf<'invitationAnswered'>,
): Plan {
  if (accepted) return plan;
  const status: PersonStatus =
    reason === 'timed-out' ? 'timed-out' : reason === 'clicked-outside' ? 'dismissed' : 'declined';
  return updatePerson(plan, personId, (person) =>
    person.status === 'invited' ? { ...person, status } : person,
  );
}

export function participantJoined(
  plan: Plan,
  { personId, sessionId }: ActionOf<'participantJoined'>,
): Plan {
  return updatePerson(plan, personId, (person) =>
    sessionOfRoom(plan, person.roomId) === sessionId ? patch(person, { status: 'joined' }) : person,
  );
}

/** Leaving keeps the room (D9): the person can rejoin or be invited again to the same room. */
export function participantLeft(
  plan: Plan,
  { personId, sessionId }: ActionOf<'participantLeft'>,
): Plan {
  return updatePerson(plan, personId, (person) =>
    person.status === 'joined' && sessionOfRoom(plan, person.roomId) === sessionId
      ? { ...person, status: 'left' }
      : person,
  );
}

/** One open request per person: asking again keeps the first time, so the queue stays fair. */
export function helpRequested(
  plan: Plan,
  { personId, roomId, at }: ActionOf<'helpRequested'>,
): Plan {
  if (!isValidId(personId) || !isTimestamp(at)) return plan;
  if (plan.helpRequests.length >= MAX_HELP_REQUESTS) return plan;
  if (plan.helpRequests.some((request) => request.personId === personId)) return plan;
  const knownRoom = roomId !== null && plan.rooms.some((room) => room.id === roomId);
  return {
    ...plan,
    helpRequests: [...plan.helpRequests, { personId, roomId: knownRoom ? roomId : null, at }],
  };
}

/** "Clear all": the facilitator has seen every request in the queue. */
export function helpCleared(plan: Plan): Plan {
  return plan.helpRequests.length === 0 ? plan : { ...plan, helpRequests: [] };
}

export function helpResolved(plan: Plan, { personId }: ActionOf<'helpResolved'>): Plan {
  return patch(plan, {
    helpRequests: filterSame(plan.helpRequests, (request) => request.personId !== personId),
  });
}

export function breakoutEnding(plan: Plan): Plan {
  return patch(plan, { phase: 'ending' });
}

/** Statuses stay as they were, so the end summary still says who joined. */
export function breakoutEnded(plan: Plan, { at }: ActionOf<'breakoutEnded'>): Plan {
  if (!isTimestamp(at)) return plan;
  return {
    ...plan,
    phase: 'ended',
    endedAt: at,
    rooms: mapSame(plan.rooms, (room) => patch(room, { sessionId: null })),
    helpRequests: [],
  };
}

export function facilitatorTookOver(
  plan: Plan,
  { facilitator }: ActionOf<'facilitatorTookOver'>,
): Plan {
  if (!isValidId(facilitator.id)) return plan;
  const name = cleanName(facilitator.name);
  if (plan.facilitator.id === facilitator.id && plan.facilitator.name === name) return plan;
  return { ...plan, facilitator: { id: facilitator.id, name } };
}

/** "Run again with these rooms": same rooms and assignments, a fresh run. */
export function planReset(plan: Plan, { runId }: ActionOf<'planReset'>): Plan {
  if (!isValidId(runId)) return plan;
  return {
    ...plan,
    phase: 'planning',
    runId,
    rooms: mapSame(plan.rooms, (room) => patch(room, { sessionId: null })),
    people: plan.people
      .filter((person) => person.roomId !== null)
      .map((person) => patch(person, { status: 'assigned' })),
    startedAt: null,
    endsAt: null,
    endedAt: null,
    timer: null,
    helpRequests: [],
  };
}
