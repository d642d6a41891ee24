/**
 * The plan cut into the values of the multi-key layout, and put together again (the layout and
 * its rules: docs/architecture.md "Storage layout"; the stored shapes: stored/plan-v2.ts).
 *
 * Storage has no transactions: a reader may hold a value newer than the control value, or the
 * control value before the values it lists. It uses a governed value only at exactly the
 * revision the control value lists, and until every value it needs is there at that revision it
 * keeps the plan it had, so it never acts on half of a change.
 */

import { utf8ByteLength } from './bytes';
import {
  type Person,
  type PersonRef,
  PLAN_KEY,
  PLAN_SCHEMA_VERSION,
  type Plan,
  type Room,
} from './plan';
import { damagedMessage, encodePlan, PlanSchema } from './stored/plan-v1';
import {
  type BucketRoom,
  type Control,
  ControlSchema,
  type Governed,
  INDEX_SHARDS,
  type Index,
  indexKey,
  LAYOUT_VERSION,
  MAX_ROOMS_PER_BUCKET,
  type Members,
  PLANNING_KEY,
  type Planning,
  roomsKey,
  type Statuses,
  statusKey,
  UNPLACED,
} from './stored/plan-v2';
import { encodeStored, readStored } from './stored/valid';

/** The values that store one plan: the control value and the values it governs, by key. */
export type Layout = { control: Control; values: ReadonlyMap<string, Governed> };

/** A write of a layout, in the order that keeps readers safe. */
export type LayoutWrites = {
  /** All written, and landed, before the control value. */
  values: Array<{ key: string; value: Governed }>;
  /** Then this, when it changed (status changes alone leave it as it was). */
  control: Control | null;
  /** Last, the values the control value no longer lists are removed. */
  removed: string[];
};

/** A bucket closes before it grows past this, so every value stays under a quarter of a key. */
export const BUCKET_BYTES = 12_000;

const json = (value: unknown) => JSON.stringify(value);

/** The shard of `index:<h>` a person's room is found in: their id hashed (FNV-1a). */
export function shardOf(personId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < personId.length; i++) {
    hash = Math.imul(hash ^ personId.charCodeAt(i), 0x01000193);
  }
  return (hash >>> 0) % INDEX_SHARDS;
}

/** Rooms in order, cut into buckets of at most MAX_ROOMS_PER_BUCKET rooms and BUCKET_BYTES. */
function bucketsOf(rooms: readonly BucketRoom[]): BucketRoom[][] {
  const buckets: BucketRoom[][] = [];
  let bucket: BucketRoom[] = [];
  let bytes = 0;
  for (const room of rooms) {
    const size = utf8ByteLength(json(room));
    if (
      bucket.length === MAX_ROOMS_PER_BUCKET ||
      (bucket.length > 0 && bytes + size > BUCKET_BYTES)
    ) {
      buckets.push(bucket);
      bucket = [];
      bytes = 0;
    }
    bucket.push(room);
    bytes += size;
  }
  if (bucket.length > 0) buckets.push(bucket);
  return buckets;
}

/** The stored value when its content is the same (so it is not written again), else a new one. */
function kept<T extends Members | Index | Planning>(stored: T | undefined, fresh: T): T {
  return stored && json({ ...stored, rev: fresh.rev }) === json(fresh) ? stored : fresh;
}

/**
 * The values that store `plan`, given the layout stored before (null when there is none: a new
 * board, or a plan of the one-key layout being carried on, which is then written whole).
 */
export function layoutOf(plan: Plan, stored: Layout | null): Layout {
  const {
    schema: _v1,
    revision,
    rooms,
    people,
    preAssignments,
    rotation,
    ...fields
  } = encodePlan(plan);
  const byRoom = new Map<string | null, Person[]>();
  for (const person of people)
    byRoom.set(person.roomId, [...(byRoom.get(person.roomId) ?? []), person]);
  const ref = ({ id, name }: PersonRef) => ({ id, name });
  const values = new Map<string, Governed>();

  /** A group's members and their statuses; the statuses keep the members' revision. */
  const group = (key: number | typeof UNPLACED, bucket: BucketRoom[], unplaced: Person[]) => {
    const members = kept(stored?.values.get(roomsKey(key)) as Members | undefined, {
      schema: LAYOUT_VERSION,
      rev: revision,
      rooms: bucket,
      unplaced: unplaced.map(ref),
    });
    const everyone = [...bucket.flatMap((room) => byRoom.get(room.id) ?? []), ...unplaced];
    const statuses = everyone.map((person) => person.status);
    const held = stored?.values.get(statusKey(key)) as Statuses | undefined;
    const same = held?.rev === members.rev && json(held.statuses) === json(statuses);
    values.set(roomsKey(key), members);
    values.set(
      statusKey(key),
      same && held ? held : { schema: LAYOUT_VERSION, rev: members.rev, at: revision, statuses },
    );
    return members.rev;
  };

  const places = rooms.map(({ sessionId: _session, ...place }) => ({
    ...place,
    people: (byRoom.get(place.id) ?? []).map(ref),
  }));
  const buckets = bucketsOf(places).map((bucket, k) => ({
    rooms: bucket.length,
    rev: group(k, bucket, []),
  }));
  const out = byRoom.get(null);
  const unplaced = out ? group(UNPLACED, [], out) : null;
  const index = Array.from({ length: INDEX_SHARDS }, (_, shard) => {
    const value = kept(stored?.values.get(indexKey(shard)) as Index | undefined, {
      schema: LAYOUT_VERSION,
      rev: revision,
      people: people.flatMap(({ id, roomId }) =>
        roomId !== null && shardOf(id) === shard ? [{ id, roomId }] : [],
      ),
    });
    values.set(indexKey(shard), value);
    return value.rev;
  });

  const planning = kept(stored?.values.get(PLANNING_KEY) as Planning | undefined, {
    schema: LAYOUT_VERSION,
    rev: revision,
    preAssignments,
    rotation,
  });
  values.set(PLANNING_KEY, planning);

  const control = encodeStored(ControlSchema, {
    schema: LAYOUT_VERSION,
    revision,
    ...fields,
    rooms: rooms.map(({ id, sessionId }) => ({ id, sessionId })),
    buckets,
    unplaced,
    index,
    planning: planning.rev,
  });
  const held = stored?.control;
  const unchanged = held && json({ ...held, revision }) === json(control);
  return { control: unchanged ? held : control, values };
}

/** What to write to go from `stored` (null: nothing in this layout yet) to `next`. */
export function layoutWrites(stored: Layout | null, next: Layout): LayoutWrites {
  const values = [...next.values]
    .filter(([key, value]) => stored?.values.get(key) !== value)
    .map(([key, value]) => ({ key, value }));
  const removed = [...(stored?.values.keys() ?? [])].filter((key) => !next.values.has(key));
  return { values, control: stored?.control === next.control ? null : next.control, removed };
}

/** The size storage sees of one value: UTF-8 bytes of its JSON. */
export const valueBytes = (value: Control | Governed) => utf8ByteLength(json(value));

export function largestValueBytes(layout: Layout): number {
  return Math.max(valueBytes(layout.control), ...[...layout.values.values()].map(valueBytes));
}

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
  | { status: 'corrupt'; message: string };

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

  let groups: Array<number | typeof UNPLACED> = control.buckets.map((_, k) => k);
  if (control.unplaced !== null) groups.push(UNPLACED);
  let mine: string | null = null;
  if (reader.kind === 'participant') {
    const index = at<Index>(indexKey(shardOf(reader.personId)));
    if (!index) return { status: 'waiting', keys: [...waiting] };
    mine = index.people.find((entry) => entry.id === reader.personId)?.roomId ?? null;
    const position = control.rooms.findIndex((room) => room.id === mine);
    if (mine !== null && position < 0)
      return damaged(`${indexKey(shardOf(reader.personId))}: names a room that is not in the plan`);
    groups = mine === null ? [] : [bucketAt(control, position)];
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
});

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
