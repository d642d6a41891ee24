/**
 * What pressing Start decides, before anything is done: which rooms open, whom each invites,
 * whether the facilitator joins one, who is left out and why, and what the plan records once the
 * rooms are open. Pure: the controller performs the decision (controller/facilitator.ts `start`)
 * and feeds the result back through `startedActions`.
 */

import type { PlanAction } from './actions';
import type { MainArea, PersonRef, Plan, Room, TimerMode } from './plan';
import { invitesToSend } from './selectors';

/** Why someone assigned to a room gets no invitation at Start. */
export type LeftOutReason = 'offline';

export type RoomToOpen = {
  room: Room;
  /** Invited at once, in one call; empty when everyone in the room is offline. */
  invite: PersonRef[];
  /** The facilitator takes part and is in this room: they join it themselves. */
  joinMyself: boolean;
};

export type StartDecision = {
  runId: string;
  startedAt: number;
  endsAt: number | null;
  timer: TimerMode | null;
  /** Whether Miro's board timer is started (the app counts down itself otherwise). */
  startBoardTimer: boolean;
  /** Rooms in plan order; each gets a session, even one whose people are all offline yet. */
  rooms: RoomToOpen[];
  /**
   * People not invited now because they are offline. The plan counts them invited with their
   * room (they show as offline); "Invite again" reaches them once they are back.
   */
  leftOut: Array<{ person: PersonRef; roomId: string; reason: LeftOutReason }>;
  /** No main area was chosen: everyone comes back to where the facilitator looks at Start. */
  needsMainArea: boolean;
};

/** The session's description people see in Miro. */
export const ROOM_SESSION_DESCRIPTION = 'Breakout room';

/** Why Start cannot go ahead at all (before any call is made), or null. */
export function startRefusal(plan: Plan | null): string | null {
  if (plan?.phase !== 'planning') return 'The breakout is already running.';
  if (invitesToSend(plan).length === 0) return 'Assign people to at least one room first.';
  return null;
}

export type StartFacts = {
  /** The facilitator pressing Start. */
  me: PersonRef;
  /** Who is online now: only they can be invited. */
  online: ReadonlySet<string>;
  runId: string;
  at: number;
  /** The board's plan includes Miro's timer (T4). */
  timerEntitled: boolean;
};

/** The start of `plan` (which `startRefusal` allowed) given what is true now. */
export function decideStart(plan: Plan, facts: StartFacts): StartDecision {
  const { me, online } = facts;
  const mine = plan.includeFacilitator
    ? plan.people.find((person) => person.id === me.id)?.roomId
    : undefined;
  const rooms: RoomToOpen[] = [];
  const leftOut: StartDecision['leftOut'] = [];
  // A room opens when it has someone to invite, now or when they come online, or when the
  // imported list names someone for it who is not here yet: they are invited to it when they
  // arrive (D13: no empty invitation is sent; the facilitator alone is nobody to open a room for).
  const toInvite = new Map(invitesToSend(plan).map(({ room, people }) => [room.id, people]));
  const listed = new Set(plan.preAssignments.map((row) => row.roomId));
  for (const room of plan.rooms) {
    const people = toInvite.get(room.id) ?? [];
    if (people.length === 0 && !(listed.has(room.id) && !room.frameMissing)) continue;
    const invite = people.filter((person) => online.has(person.id));
    for (const person of people) {
      if (!online.has(person.id)) leftOut.push({ person, roomId: room.id, reason: 'offline' });
    }
    rooms.push({ room, invite, joinMyself: mine === room.id });
  }
  const endsAt = plan.durationMs === null ? null : facts.at + plan.durationMs;
  const startBoardTimer = endsAt !== null && facts.timerEntitled;
  return {
    runId: facts.runId,
    startedAt: facts.at,
    endsAt,
    timer: endsAt === null ? null : startBoardTimer ? 'board' : 'app',
    startBoardTimer,
    rooms,
    leftOut,
    needsMainArea: plan.mainArea === null,
  };
}

/**
 * What the plan records once the rooms are open: the run, each room's session, and the main area
 * when it had to be taken from the facilitator's viewport.
 */
export function startedActions(
  decision: StartDecision,
  sessionByRoom: Readonly<Record<string, string>>,
  mainArea: MainArea | null,
): PlanAction[] {
  return [
    { type: 'breakoutStarting', runId: decision.runId, at: decision.startedAt },
    { type: 'sessionsStarted', sessions: sessionByRoom },
    {
      type: 'breakoutStarted',
      at: decision.startedAt,
      endsAt: decision.endsAt,
      timer: decision.timer,
    },
    ...(decision.needsMainArea && mainArea ? [{ type: 'mainAreaChosen', mainArea } as const] : []),
  ];
}
