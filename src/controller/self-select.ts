import type { PlanAction } from '../domain/actions';
import type { PersonRef, Plan } from '../domain/plan';
import type { RoomPickedMessage } from '../domain/planning/room-picked-message';
import { pickRoom, placeUnchosen, type SelfSelectState } from '../domain/planning/self-select';
import { createRandom } from '../domain/random';

/** Places per room for the self-select rules; the plan stores null for "no limit". */
export const capacityOf = (plan: Plan): number =>
  plan.selfSelect?.capacity ?? Number.POSITIVE_INFINITY;

/** The self-select state the plan implies: every placed person holds a place, picked or not. */
export function selfSelectStateOf(plan: Plan): SelfSelectState {
  const picks = new Map<string, string>();
  for (const person of plan.people) if (person.roomId !== null) picks.set(person.id, person.roomId);
  return { rooms: plan.rooms.map(({ id, name }) => ({ id, name })), picks };
}

/**
 * Turns a burst of validated picks into assignments, checked one after the other against the
 * plan and the picks before them, so two people can never both take a room's last place.
 */
export function picksToActions(
  plan: Plan,
  messages: readonly RoomPickedMessage[],
  onlineIds: ReadonlySet<string>,
): PlanAction[] {
  if (plan.phase !== 'planning' || plan.selfSelect === null) return [];
  let state = selfSelectStateOf(plan);
  const capacity = capacityOf(plan);
  const latest = new Map<string, RoomPickedMessage>();
  for (const message of messages) {
    // Anyone may broadcast: only picks of this run from people on the board count.
    if (message.runId !== plan.runId || !onlineIds.has(message.from.id)) continue;
    if (message.from.id === plan.facilitator.id) continue;
    latest.delete(message.from.id);
    latest.set(message.from.id, message);
  }
  const actions: PlanAction[] = [];
  for (const message of latest.values()) {
    const result = pickRoom(state, message.from.id, message.roomId, capacity);
    if (!result.ok || result.state === state) continue;
    state = result.state;
    actions.push({ type: 'personAssigned', person: message.from, roomId: message.roomId });
  }
  return actions;
}

/** Everyone online without a room, each into the emptiest room that has space. */
export function placeUnchosenActions(
  plan: Plan,
  unplaced: readonly PersonRef[],
  seed: number,
): { actions: PlanAction[]; message: string | null } {
  const result = placeUnchosen(
    selfSelectStateOf(plan),
    unplaced,
    capacityOf(plan),
    createRandom(seed),
  );
  const byId = new Map(unplaced.map((person) => [person.id, person]));
  const people = result.placed.flatMap(({ personId }) => {
    const person = byId.get(personId);
    return person ? [{ id: person.id, name: person.name }] : [];
  });
  const assignment = Object.fromEntries(
    result.placed.map(({ personId, roomId }) => [personId, roomId]),
  );
  return {
    actions: people.length === 0 ? [] : [{ type: 'peopleSplit', people, assignment }],
    message: result.message,
  };
}
