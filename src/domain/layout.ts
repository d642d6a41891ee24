/**
 * The plan cut into the values of the multi-key layout, and what to write in which order (the
 * layout and its rules: docs/architecture.md "Storage layout"; the stored shapes:
 * stored/plan-v2.ts; putting the values together again: layout-assemble.ts).
 */

import { utf8ByteLength } from './bytes';
import type { Person, PersonRef, Plan } from './plan';
import { encodePlan } from './stored/plan-v1';
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
import { encodeStored } from './stored/valid';

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
