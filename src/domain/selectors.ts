/**
 * Derived data: computed from the plan (and presence) whenever needed, never stored, so it can
 * never disagree with the plan.
 */

import { isRoomClosed } from './facilitation';
import { isValidDuration, isValidId, MAX_DURATION_MS, MIN_DURATION_MS } from './limits';
import type { Person, PersonRef, PersonStatus, Phase, Plan, Rect, Room } from './plan';
import { cleanName } from './text';

export type RoomWithPeople = { room: Room; people: Person[] };

/** Every room in plan order with its people in plan order; empty rooms included. */
export function roomsWithPeople(plan: Plan): RoomWithPeople[] {
  const byRoom = new Map<string, Person[]>(plan.rooms.map((room) => [room.id, []]));
  for (const person of plan.people) {
    if (person.roomId !== null) byRoom.get(person.roomId)?.push(person);
  }
  return plan.rooms.map((room) => ({ room, people: byRoom.get(room.id) ?? [] }));
}

export function roomOf(plan: Plan, personId: string): Room | null {
  const roomId = plan.people.find((person) => person.id === personId)?.roomId ?? null;
  return roomId === null ? null : (plan.rooms.find((room) => room.id === roomId) ?? null);
}

/** Who is placed where, for `fillBalanced`. */
export function assignmentOf(plan: Plan): Map<string, string> {
  const assignment = new Map<string, string>();
  for (const person of plan.people) {
    if (person.roomId !== null) assignment.set(person.id, person.roomId);
  }
  return assignment;
}

/** `returned`: their room was closed early and they are back in the main area. */
export type DisplayStatus = PersonStatus | 'offline' | 'returned';
export type PersonView = Person & { online: boolean; display: DisplayStatus };

/**
 * Presence wins over the stored status: a person who dropped off shows as offline (C13). In a
 * room closed early, what they did there no longer matters: they are back in the main area.
 */
export function personView(
  person: Person,
  onlineIds: ReadonlySet<string>,
  roomClosed = false,
): PersonView {
  const online = onlineIds.has(person.id);
  const display = !online ? 'offline' : roomClosed ? 'returned' : person.status;
  return { ...person, online, display };
}

/**
 * Online users who are in no room: the people a split or a drag can still place. Duplicate
 * entries (several tabs) count once; the facilitator counts only when taking part.
 */
export function unassignedOnline(
  plan: Plan,
  onlineUsers: readonly PersonRef[],
  selfId: string,
): PersonRef[] {
  const placed = new Set(plan.people.filter((p) => p.roomId !== null).map((p) => p.id));
  const excluded = plan.includeFacilitator
    ? new Set<string>()
    : new Set([plan.facilitator.id, selfId]);
  const seen = new Set<string>();
  const result: PersonRef[] = [];
  for (const user of onlineUsers) {
    if (!isValidId(user.id) || seen.has(user.id) || placed.has(user.id) || excluded.has(user.id)) {
      continue;
    }
    seen.add(user.id);
    result.push({ id: user.id, name: cleanName(user.name) });
  }
  return result;
}

const PHASE_BLOCKERS: Record<Exclude<Plan['phase'], 'planning'>, string> = {
  starting: 'The breakout is starting.',
  running: 'The breakout is already running.',
  ending: 'The breakout is ending.',
  ended: 'This breakout has ended. Choose "Run again" to start a new round with these rooms.',
};

const minutes = (ms: number) => Math.round(ms / 60_000);

/** Why Start is disabled, as sentences to show next to it. Empty means Start can be pressed. */
export function startBlockers(plan: Plan, onlineIds: ReadonlySet<string>): string[] {
  if (plan.phase !== 'planning') return [PHASE_BLOCKERS[plan.phase]];
  const blockers: string[] = [];
  if (plan.rooms.length === 0) {
    blockers.push('Add a room first: select one or more frames and add them as rooms.');
  }
  for (const room of plan.rooms) {
    if (room.frameMissing) {
      blockers.push(
        `Room '${room.name}' has no frame any more: its frame was deleted. Remove the room or add a frame.`,
      );
    }
  }
  const assigned = plan.people.filter((person) => person.roomId !== null);
  if (plan.rooms.length > 0 && assigned.length === 0) {
    blockers.push('Nobody is in a room yet. Assign people or split them into the rooms.');
  } else if (assigned.length > 0 && !assigned.some((person) => onlineIds.has(person.id))) {
    blockers.push('None of the people in rooms is online now, so nobody could be invited.');
  }
  if (!isValidDuration(plan.durationMs)) {
    blockers.push(
      `Set a duration from ${minutes(MIN_DURATION_MS)} minute to ${minutes(MAX_DURATION_MS) / 60} hours, or no time limit.`,
    );
  }
  return blockers;
}

export type RoomInvites = { room: Room; people: PersonRef[] };

/**
 * Who the controller should invite now, room by room: people marked `assigned` in a room. Rooms
 * with nobody to invite are left out, so no empty invite is ever sent (D13). The facilitator is
 * never invited: they join their room themselves. Who of them is online now is the start's
 * decision (domain/start.ts `decideStart`), not this list's.
 */
export function invitesToSend(plan: Plan): RoomInvites[] {
  return roomsWithPeople(plan)
    .map(({ room, people }) => ({
      room,
      people: people
        .filter((person) => person.status === 'assigned' && person.id !== plan.facilitator.id)
        .map(({ id, name }) => ({ id, name })),
    }))
    .filter(({ people }) => people.length > 0);
}

/** Rooms that have someone in them but no session yet: the only sessions worth starting. */
export function roomsNeedingSessions(plan: Plan): Room[] {
  return roomsWithPeople(plan)
    .filter(
      ({ room, people }) => room.sessionId === null && !room.frameMissing && people.length > 0,
    )
    .map(({ room }) => room);
}

/** People with a room who are not in it. */
export type RoomSummary = { room: Room; joined: Person[]; neverJoined: Person[] };

/** Per room, who was there at some point (including those who left) and who never came. */
export function endSummary(plan: Plan): RoomSummary[] {
  return roomsWithPeople(plan).map(({ room, people }) => ({
    room,
    joined: people.filter((person) => person.status === 'joined' || person.status === 'left'),
    neverJoined: people.filter((person) => person.status !== 'joined' && person.status !== 'left'),
  }));
}

/** What the countdown depends on, and nothing else: a join leaves it unchanged. */
export type Countdown = { phase: Phase; endsAt: number | null; pausedAt: number | null };

export const countdownOf = (plan: Plan): Countdown => ({
  phase: plan.phase,
  endsAt: plan.endsAt,
  pausedAt: plan.facilitation.pausedAt,
});

/** Milliseconds until the end, never negative; null when there is no time limit or no run. */
export function timeLeft(countdown: Countdown, now: number): number | null {
  const { phase, endsAt, pausedAt } = countdown;
  if (endsAt === null || (phase !== 'running' && phase !== 'starting')) return null;
  // While paused the clock stands still at the moment of the pause.
  return Math.max(0, endsAt - (pausedAt ?? now));
}

/**
 * The frame of this person's room while it runs, for "Take me back to my room"; otherwise why
 * not. Asked of the plan the user's own app holds when the move goes out, so a click made just
 * as the breakout ended never takes them back into a room that is over.
 */
export function ownRoomFrame(
  plan: Plan | null,
  personId: string,
): { frame: Rect } | { refusal: string } {
  const room = plan ? roomOf(plan, personId) : null;
  if (!plan || !room) return { refusal: 'You are not in a room.' };
  if (plan.phase === 'ending' || plan.phase === 'ended') {
    return { refusal: 'The breakout has ended: you are back in the main area.' };
  }
  if (plan.phase !== 'running') return { refusal: 'The breakout has not started yet.' };
  if (isRoomClosed(plan, room.id)) return { refusal: 'Your room was closed.' };
  return { frame: room.frame };
}

/** Open help requests, oldest first, with a name to show even for people in no room. */
export function helpQueue(
  plan: Plan,
  onlineUsers: readonly PersonRef[] = [],
): Array<{ personId: string; name: string; room: Room | null; at: number }> {
  const names = new Map<string, string>();
  // Miro's list of who is online names people first; the plan's names came from it too.
  for (const person of plan.people) names.set(person.id, person.name);
  for (const user of onlineUsers) names.set(user.id, cleanName(user.name));
  return plan.helpRequests
    .slice()
    .sort((a, b) => a.at - b.at)
    .map((request) => ({
      personId: request.personId,
      name: names.get(request.personId) ?? 'Someone',
      room: plan.rooms.find((room) => room.id === request.roomId) ?? null,
      at: request.at,
    }));
}
