/**
 * The values of the multi-key layout put together again (docs/architecture.md "Storage layout").
 *
 * Storage has no transactions: a reader may hold a value newer than the control value, or the
 * control value before the values it lists. It uses a governed value only at exactly the
 * revision the control value lists, and until every value it needs is there at that revision it
 * keeps the plan it had, so it never acts on half of a change.
 */

import { shardOf } from './layout';
import { type Person, PLAN_KEY, PLAN_SCHEMA_VERSION, type Plan, type Room } from './plan';
import { damagedMessage, PlanSchema } from './stored/plan-v1';
import {
  type Control,
  type Governed,
  type Index,
  indexKey,
  type Members,
  PLANNING_KEY,
  type Planning,
  roomsKey,
  type Statuses,
  statusKey,
  UNPLACED,
} from './stored/plan-v2';
import { readStored } from './stored/valid';

/** Every key `control` governs, with the revision it lists. */
function listed(control: Control): Map<string, number> {
  const keys = new Map<string, number>();
  for (const [k, bucket] of control.buckets.entries()) {
    keys.set(roomsKey(k), bucket.rev);
    keys.set(statusKey(k), bucket.rev);
  }
  if (control.unplaced !== null) {
    keys.set(roomsKey(UNPLACED), control.unplaced);
    keys.set(statusKey(UNPLACED), control.unplaced);
  }
  for (const [shard, rev] of control.index.entries()) keys.set(indexKey(shard), rev);
  keys.set(PLANNING_KEY, control.planning);
  return keys;
}

/**
 * Values no longer worth holding: not listed by `control` and not written after it (one written
 * after it may belong to the control value still on its way).
 */
export function prunedKeys(control: Control, values: ReadonlyMap<string, Governed>): string[] {
  const keys = listed(control);
  return [...values]
    .filter(([key, value]) => !keys.has(key) && value.rev <= control.revision)
    .map(([key]) => key);
}

export type Assembly =
  | { status: 'ok'; plan: Plan }
  /** Not every value needed is here at its listed revision: keep the last plan, read `keys` again. */
  | { status: 'waiting'; keys: string[] }
  /** `detail` names the key and the field ("status:0: statuses should be one per member"). */
  | { status: 'corrupt'; message: string; detail: string };

/** Who a plan is put together for: the facilitator (every room), or one participant. */
export type Reader = { kind: 'everyone' } | { kind: 'participant'; personId: string };

/**
 * The plan `control` and the held `values` (the newest valid value read under each key) make, or
 * why there is none yet. A participant's plan holds their own room only (none while they have
 * none), with the control value's lists cut to it, so it keeps every rule of a whole plan.
 */
export function assemble(
  control: Control,
  values: ReadonlyMap<string, Governed>,
  reader: Reader = { kind: 'everyone' },
): Assembly {
  const revs = listed(control);
  const waiting = new Set<string>();
  /** The value under `key` at its listed revision, or undefined (and it is waited for). */
  const at = <T extends Governed>(key: string): T | undefined => {
    const value = values.get(key);
    const rev = revs.get(key);
    if (value !== undefined && value.rev === rev) return value as T;
    // A value ahead of the control value: the control value is the one to read again.
    waiting.add(value !== undefined && rev !== undefined && value.rev > rev ? PLAN_KEY : key);
    return undefined;
  };

  let groups = everyGroup(control);
  let mine: string | null = null;
  if (reader.kind === 'participant') {
    const place = placeOf(control, values, reader.personId);
    if (place === undefined) {
      at(indexKey(shardOf(reader.personId)));
      return { status: 'waiting', keys: [...waiting] };
    }
    if (place?.bucket === null) {
      return damaged(`${indexKey(shardOf(reader.personId))}: names a room that is not in the plan`);
    }
    mine = place?.roomId ?? null;
    groups = place?.bucket == null ? [] : [place.bucket];
  }

  const rooms: Room[] = [];
  const people: Person[] = [];
  let revision = control.revision;
  for (const group of groups) {
    const members = at<Members>(roomsKey(group));
    const statuses = at<Statuses>(statusKey(group));
    if (!members || !statuses) continue;
    revision = Math.max(revision, statuses.at);
    const first = group === UNPLACED ? 0 : firstRoomOf(control, group);
    const everyone = [
      ...members.rooms.flatMap((room) =>
        room.people.map((person) => ({ ...person, roomId: room.id })),
      ),
      ...members.unplaced.map((person) => ({ ...person, roomId: null })),
    ];
    if (everyone.length !== statuses.statuses.length) {
      return damaged(`${statusKey(group)}: statuses should be one per member`);
    }
    for (const [i, { people: _members, ...place }] of members.rooms.entries()) {
      const listedRoom = control.rooms[first + i];
      if (listedRoom?.id !== place.id)
        return damaged(`${roomsKey(group)}: rooms[${i}] is not the room the plan lists there`);
      if (mine === null || place.id === mine)
        rooms.push({ ...place, sessionId: listedRoom.sessionId });
    }
    for (const [i, person] of everyone.entries()) {
      if (mine === null || person.roomId === mine)
        people.push({ ...person, status: statuses.statuses[i] ?? 'assigned' });
    }
  }
  // The planning lists are the facilitator's alone; a participant's plan has none in use.
  const planning = reader.kind === 'everyone' ? at<Planning>(PLANNING_KEY) : NO_PLANNING;
  if (waiting.size > 0 || !planning) return { status: 'waiting', keys: [...waiting] };
  if (
    mine !== null &&
    !people.some((person) => person.id === (reader as { personId: string }).personId)
  ) {
    return damaged('the index puts you in a room whose members do not include you');
  }

  const {
    schema: _v2,
    rooms: _rooms,
    buckets: _buckets,
    unplaced: _out,
    index: _index,
    planning: _planning,
    ...fields
  } = control;
  const { preAssignments, rotation } = planning;
  const whole = {
    ...fields,
    schema: PLAN_SCHEMA_VERSION,
    revision,
    rooms,
    people,
    preAssignments,
    rotation,
  };
  const read = readStored(PlanSchema, reader.kind === 'everyone' ? whole : onlyRooms(whole, rooms));
  return read.ok ? { status: 'ok', plan: read.value } : damaged(read.detail);
}

const NO_PLANNING: Pick<Planning, 'preAssignments' | 'rotation'> = {
  preAssignments: [],
  rotation: null,
};

const damaged = (detail: string): Assembly => ({
  status: 'corrupt',
  message: damagedMessage(detail),
  detail,
});

type Group = number | typeof UNPLACED;

function everyGroup(control: Control): Group[] {
  const groups: Group[] = control.buckets.map((_, k) => k);
  if (control.unplaced !== null) groups.push(UNPLACED);
  return groups;
}

/**
 * Where the index puts a participant, read at the revision `control` lists: their room and its
 * bucket (null when the control value has no such room: damage), null when they have no room,
 * undefined while that shard of the index is not held at its listed revision.
 */
function placeOf(
  control: Control,
  values: ReadonlyMap<string, Governed>,
  personId: string,
): { roomId: string; bucket: number | null } | null | undefined {
  const shard = shardOf(personId);
  const index = values.get(indexKey(shard)) as Index | undefined;
  if (index === undefined || index.rev !== control.index[shard]) return undefined;
  const roomId = index.people.find((entry) => entry.id === personId)?.roomId;
  if (roomId === undefined) return null;
  const position = control.rooms.findIndex((room) => room.id === roomId);
  return { roomId, bucket: position < 0 ? null : bucketAt(control, position) };
}

/**
 * The keys `reader` follows while it holds `control`: the facilitator every room and the
 * planning lists; a participant their shard of the index and, once it says, their room's bucket.
 */
export function followedKeys(
  control: Control | null,
  values: ReadonlyMap<string, Governed>,
  reader: Reader,
): string[] {
  if (control === null) return [PLAN_KEY];
  const groupKeys = (groups: Group[]) => groups.flatMap((g) => [roomsKey(g), statusKey(g)]);
  if (reader.kind === 'everyone') {
    return [PLAN_KEY, ...groupKeys(everyGroup(control)), PLANNING_KEY];
  }
  const place = placeOf(control, values, reader.personId);
  const bucket = place?.bucket;
  return [
    PLAN_KEY,
    indexKey(shardOf(reader.personId)),
    ...groupKeys(bucket === undefined || bucket === null ? [] : [bucket]),
  ];
}

/** The position in `control.rooms` of bucket `k`'s first room. */
function firstRoomOf(control: Control, k: number): number {
  return control.buckets.slice(0, k).reduce((sum, bucket) => sum + bucket.rooms, 0);
}

/** The bucket holding the room at `position` in `control.rooms`. */
function bucketAt(control: Control, position: number): number {
  let end = 0;
  for (const [k, bucket] of control.buckets.entries()) {
    end += bucket.rooms;
    if (position < end) return k;
  }
  return control.buckets.length - 1;
}

/** The control value's lists cut to the rooms a participant follows. */
function onlyRooms<T extends Pick<Plan, 'helpRequests' | 'facilitation'>>(
  plan: T,
  rooms: readonly Room[],
): T {
  const ids = new Set(rooms.map((room) => room.id));
  const kept = (roomId: string | null) => roomId !== null && ids.has(roomId);
  return {
    ...plan,
    helpRequests: plan.helpRequests.filter((request) => kept(request.roomId)),
    facilitation: {
      ...plan.facilitation,
      lockedRoomIds: plan.facilitation.lockedRoomIds.filter(kept),
      closedRooms: plan.facilitation.closedRooms.filter((closure) => kept(closure.roomId)),
    },
  };
}
