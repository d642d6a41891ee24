/**
 * Reducers of the planning tools: self-select, pre-assignment, rotation rounds, frame item
 * counts and the report-back walk. Same contract as the others (reducer.ts): pure, the same
 * object back when nothing changes, and every value from an action checked, because a panel of
 * another app version may have sent it.
 */

import type { ActionOf, PlanningAction, PlanningActionType } from './actions';
import { isValidId } from './limits';
import type { Phase, Plan, PreAssignment, Rotation } from './plan';
import { nameKey } from './planning/name-key';
import {
  MAX_CAPACITY,
  MAX_PRE_ASSIGNMENTS,
  MAX_ROTATION_PEOPLE_STORED,
  MAX_ROTATION_ROUNDS_STORED,
} from './planning/plan-fields';
import { reportBackOrder } from './planning/report-back';
import { assignPerson } from './reduce-people';
import { roomsWithPeople } from './selectors';
import { cleanName } from './text';
import { patch } from './unchanged';

const ANY_PHASE: readonly Phase[] = ['planning', 'starting', 'running', 'ending', 'ended'];

export const PLANNING_ACTION_PHASES: Readonly<Record<PlanningActionType, readonly Phase[]>> = {
  selfSelectOpened: ['planning'],
  // Closing is always allowed: it only stops participants' picks from counting.
  selfSelectClosed: ANY_PHASE,
  // While running, matching people who arrive late is the point of the list.
  preAssignmentsSet: ['planning', 'running'],
  rotationPlanned: ['planning', 'ended'],
  rotationCleared: ANY_PHASE,
  rotationRoundApplied: ['planning'],
  frameItemsCounted: ['running', 'ending', 'ended'],
  reportBackMoved: ['ended'],
};

const PLANNING_TYPES: ReadonlySet<string> = new Set(Object.keys(PLANNING_ACTION_PHASES));

export function isPlanningAction(action: { type: string }): action is PlanningAction {
  return PLANNING_TYPES.has(action.type);
}

function selfSelectOpened(plan: Plan, { capacity }: ActionOf<'selfSelectOpened'>): Plan {
  const valid =
    capacity === null || (Number.isInteger(capacity) && capacity >= 1 && capacity <= MAX_CAPACITY);
  if (!valid) return plan;
  if (plan.selfSelect?.capacity === capacity) return plan;
  return { ...plan, selfSelect: { capacity } };
}

/** Rows for rooms of the plan with a usable name; one row per name (the first wins). */
function preAssignmentsSet(plan: Plan, { rows }: ActionOf<'preAssignmentsSet'>): Plan {
  const roomIds = new Set(plan.rooms.map((room) => room.id));
  const seen = new Set<string>();
  const kept: PreAssignment[] = [];
  for (const row of rows) {
    if (kept.length >= MAX_PRE_ASSIGNMENTS) break;
    const name = cleanName(String(row.name ?? ''), '');
    const key = nameKey(name);
    if (name === '' || !roomIds.has(row.roomId) || seen.has(key)) continue;
    seen.add(key);
    kept.push({ name, roomId: row.roomId });
  }
  const same =
    kept.length === plan.preAssignments.length &&
    kept.every(
      (row, index) =>
        row.name === plan.preAssignments[index]?.name &&
        row.roomId === plan.preAssignments[index]?.roomId,
    );
  return same ? plan : { ...plan, preAssignments: kept };
}

/** Null unless every round is a list of disjoint groups of known people, one group per room. */
function checkedRotation(plan: Plan, rotation: Rotation): Rotation | null {
  const { people, roomIds, rounds } = rotation;
  if (people.length > MAX_ROTATION_PEOPLE_STORED || rounds.length > MAX_ROTATION_ROUNDS_STORED) {
    return null;
  }
  if (rounds.length === 0 || roomIds.length === 0) return null;
  const ids = new Set(people.map((person) => person.id));
  if (ids.size !== people.length || people.some((person) => !isValidId(person.id))) return null;
  const planRooms = new Set(plan.rooms.map((room) => room.id));
  if (roomIds.some((id) => !planRooms.has(id)) || new Set(roomIds).size !== roomIds.length) {
    return null;
  }
  for (const round of rounds) {
    if (round.length !== roomIds.length) return null;
    const placed = new Set<number>();
    for (const group of round) {
      for (const index of group) {
        if (!Number.isInteger(index) || index < 0 || index >= people.length || placed.has(index)) {
          return null;
        }
        placed.add(index);
      }
    }
  }
  const count = (value: number) => (Number.isInteger(value) && value >= 0 ? value : 0);
  return {
    people: people.map(({ id, name }) => ({ id, name: cleanName(name) })),
    roomIds: [...roomIds],
    rounds: rounds.map((round) => round.map((group) => [...group])),
    next: 0,
    repeatPairs: count(rotation.repeatPairs),
    lowerBound: count(rotation.lowerBound),
  };
}

function rotationPlanned(plan: Plan, { rotation }: ActionOf<'rotationPlanned'>): Plan {
  const checked = checkedRotation(plan, rotation);
  return checked === null ? plan : { ...plan, rotation: checked };
}

/**
 * The round's groups become the assignments of everyone in the rotation (people of the rotation
 * left out of this round are taken out of their room). Only the round that is next applies, so a
 * repeated action cannot skip a round.
 */
function rotationRoundApplied(plan: Plan, { round }: ActionOf<'rotationRoundApplied'>): Plan {
  const rotation = plan.rotation;
  const groups = rotation?.rounds[round];
  if (!rotation || !groups || round !== rotation.next) return plan;
  const roomOf = new Map<number, string>();
  groups.forEach((group, roomIndex) => {
    const roomId = rotation.roomIds[roomIndex];
    if (roomId === undefined) return;
    for (const index of group) roomOf.set(index, roomId);
  });
  let next = plan;
  rotation.people.forEach((person, index) => {
    next = assignPerson(next, person, roomOf.get(index) ?? null);
  });
  return { ...next, rotation: { ...rotation, next: round + 1 } };
}

function frameItemsCounted(
  plan: Plan,
  { runId, when, counts }: ActionOf<'frameItemsCounted'>,
): Plan {
  if (runId !== plan.runId) return plan;
  const count = (roomId: string) => {
    const value = Object.hasOwn(counts, roomId) ? counts[roomId] : undefined;
    return value !== undefined && Number.isInteger(value) && value >= 0 ? value : null;
  };
  if (when === 'start') {
    if (plan.frameItems?.runId === runId) return plan;
    const rooms = plan.rooms.flatMap((room) => {
      const atStart = count(room.id);
      return atStart === null ? [] : [{ roomId: room.id, atStart, atEnd: null }];
    });
    return { ...plan, frameItems: { runId, rooms } };
  }
  const items = plan.frameItems;
  if (items?.runId !== runId) return plan;
  let changed = false;
  const rooms = items.rooms.map((room) => {
    const atEnd = count(room.roomId);
    if (atEnd === null || room.atEnd === atEnd) return room;
    changed = true;
    return { ...room, atEnd };
  });
  return changed ? { ...plan, frameItems: { runId, rooms } } : plan;
}

/** Where the walk is: -1 before the first room, the number of rooms once all have reported. */
function reportBackMoved(plan: Plan, { runId, index }: ActionOf<'reportBackMoved'>): Plan {
  if (runId !== plan.runId || !Number.isInteger(index)) return plan;
  const total = reportBackOrder(roomsOf(plan)).length;
  if (index < -1 || index > total) return plan;
  if (plan.reportBack?.runId === runId && plan.reportBack.index === index) return plan;
  return { ...plan, reportBack: { runId, index } };
}

/** The rooms in plan order with their people, as report-back orders them. */
export function roomsOf(plan: Plan): { id: string; name: string; people: readonly unknown[] }[] {
  return roomsWithPeople(plan).map(({ room, people }) => ({
    id: room.id,
    name: room.name,
    people,
  }));
}

export function reducePlanning(plan: Plan, action: PlanningAction): Plan {
  switch (action.type) {
    case 'selfSelectOpened':
      return selfSelectOpened(plan, action);
    case 'selfSelectClosed':
      return patch(plan, { selfSelect: null });
    case 'preAssignmentsSet':
      return preAssignmentsSet(plan, action);
    case 'rotationPlanned':
      return rotationPlanned(plan, action);
    case 'rotationCleared':
      return patch(plan, { rotation: null });
    case 'rotationRoundApplied':
      return rotationRoundApplied(plan, action);
    case 'frameItemsCounted':
      return frameItemsCounted(plan, action);
    case 'reportBackMoved':
      return reportBackMoved(plan, action);
  }
}
