/**
 * The stored plan in the multi-key layout (version 2, docs/architecture.md "Storage layout"): the
 * control value under the plan's key, the rooms in buckets with their members (`rooms:<k>`), the
 * members' statuses (`status:<k>`), the people out of every room (`rooms:none`, `status:none`),
 * who is in which room (`index:<h>`) and the facilitator's planning lists (`planning`). The fields are the plan's own (plan-v1.ts), spread over
 * the keys, so there is still one definition of each. How a plan is cut into these values and put
 * together again is domain/layout.ts.
 */

import * as v from 'valibot';
import { MAX_PEOPLE, MAX_ROOMS } from '../limits';
import type { Plan } from '../plan';
import {
  damagedMessage,
  futureMessage,
  PLAN_ENTRIES,
  type PlanReadResult,
  parsePlan,
  ROOM_ENTRIES,
  STATUSES,
  VERSION,
} from './plan-v1';
import { PersonRefSchema } from './shapes';
import {
  choice,
  Damage,
  field,
  firstRepeat,
  id,
  isRecord,
  list,
  type Read,
  readStored,
  record,
  rule,
  wholeNumber,
} from './valid';

export const LAYOUT_VERSION = 2;
/** Who is in which room is split by person id into this many values. */
export const INDEX_SHARDS = 8;
export const MAX_ROOMS_PER_BUCKET = 10;

/** The group of the people out of every room (a bucket's group is its number). */
export const UNPLACED = 'none';
export const roomsKey = (group: number | typeof UNPLACED) => `rooms:${group}`;
export const statusKey = (group: number | typeof UNPLACED) => `status:${group}`;
export const indexKey = (shard: number) => `index:${shard}`;
export const PLANNING_KEY = 'planning';

const revision = () => wholeNumber();

const {
  schema: _v1,
  rooms: _rooms,
  people: _people,
  preAssignments,
  rotation,
  ...CONTROL_FIELDS
} = PLAN_ENTRIES;

/**
 * Everything of the plan but its rooms' places and its people, and the revision of every value
 * it governs: a reader uses a governed value only at exactly that revision (layout.ts).
 */
export const ControlSchema = v.pipe(
  record({
    schema: v.literal(LAYOUT_VERSION),
    ...CONTROL_FIELDS,
    /** The rooms in plan order, with their sessions (so a Start leaves the buckets alone). */
    rooms: list(record({ id: id(), sessionId: ROOM_ENTRIES.sessionId }), MAX_ROOMS),
    /** Consecutive runs of `rooms`: bucket k holds `buckets[k].rooms` of them. */
    buckets: list(
      record({ rooms: wholeNumber(1, MAX_ROOMS_PER_BUCKET), rev: revision() }),
      MAX_ROOMS,
    ),
    /** The revision of `rooms:none`; null when everyone is in a room. */
    unplaced: v.nullable(revision()),
    index: list(revision(), INDEX_SHARDS),
    /** The revision of `planning`. */
    planning: revision(),
  }),
  rule((control) => {
    const repeat = firstRepeat(control.rooms.map((room) => room.id));
    if (repeat >= 0) return { at: ['rooms', repeat, 'id'], problem: 'repeats another room' };
    const bucketed = control.buckets.reduce((sum, bucket) => sum + bucket.rooms, 0);
    if (bucketed !== control.rooms.length) {
      return { at: ['buckets'], problem: `should hold the ${control.rooms.length} rooms` };
    }
    if (control.index.length !== INDEX_SHARDS) {
      return { at: ['index'], problem: `should list ${INDEX_SHARDS} revisions` };
    }
    return null;
  }),
);

const { sessionId: _sessionId, ...PLACE_ENTRIES } = ROOM_ENTRIES;

/** A room of a bucket: where it is, what it is called, and its members in order. */
export const BucketRoomSchema = record({
  ...PLACE_ENTRIES,
  people: list(PersonRefSchema, MAX_PEOPLE),
});

/** `rooms:<k>` (or `rooms:none`, with no rooms): who belongs where, in order. */
export const MembersSchema = record({
  schema: v.literal(LAYOUT_VERSION),
  rev: revision(),
  rooms: list(BucketRoomSchema, MAX_ROOMS_PER_BUCKET),
  /** Only in `rooms:none`: the people moved out of every room while running. */
  unplaced: list(PersonRefSchema, MAX_PEOPLE),
});

/**
 * `status:<k>`: the statuses of the members of `rooms:<k>` at revision `rev`, position by
 * position. Joins and answers change only these, so they do not touch the control value.
 */
export const StatusesSchema = v.pipe(
  record({
    schema: v.literal(LAYOUT_VERSION),
    rev: revision(),
    /** The revision of the write that stored it: never below `rev`. */
    at: revision(),
    statuses: list(choice(STATUSES), MAX_PEOPLE),
  }),
  rule((value) => (value.at < value.rev ? { at: ['at'], problem: 'is below rev' } : null)),
);

/** `index:<h>`: the room of everyone whose id falls in shard `h` (layout.ts `shardOf`). */
export const IndexSchema = record({
  schema: v.literal(LAYOUT_VERSION),
  rev: revision(),
  people: list(record({ id: id(), roomId: id() }), MAX_PEOPLE),
});

/**
 * `planning`: the imported list and the rotation rounds, which only the facilitator's app uses and
 * which can grow to tens of kB; kept out of the control value that every app reads.
 */
export const PlanningSchema = record({
  schema: v.literal(LAYOUT_VERSION),
  rev: revision(),
  preAssignments,
  rotation,
});

export type Control = v.InferOutput<typeof ControlSchema>;
export type BucketRoom = v.InferOutput<typeof BucketRoomSchema>;
export type Members = v.InferOutput<typeof MembersSchema>;
export type Statuses = v.InferOutput<typeof StatusesSchema>;
export type Index = v.InferOutput<typeof IndexSchema>;
export type Planning = v.InferOutput<typeof PlanningSchema>;
/** A value the control value governs, by the kind its key names. */
export type Governed = Members | Statuses | Index | Planning;

/** What the plan's key holds: a control value, a version-1 plan (read on, to be stored anew), … */
export type PlanKeyRead =
  | { status: 'control'; control: Control }
  | { status: 'v1'; plan: Plan }
  | Exclude<PlanReadResult, { status: 'ok' }>;

/**
 * Reads the plan's key. A version-1 plan (the one-key layout) is read as before, migrations and
 * all, for the new version to carry on and store in this layout; a version-1 app meeting a
 * control value says it comes from a newer version and writes nothing (plan-v1.ts `parsePlan`).
 * Never throws.
 */
export function parsePlanKey(raw: unknown): PlanKeyRead {
  try {
    const version = isRecord(raw)
      ? readStored(record({ schema: VERSION }), { schema: field(raw, 'schema') })
      : null;
    const schema = version?.ok ? version.value.schema : null;
    if (schema !== null && schema > LAYOUT_VERSION) {
      return { status: 'future', version: schema, message: futureMessage(schema) };
    }
    if (schema === LAYOUT_VERSION) {
      const read = readStored(ControlSchema, raw);
      return read.ok
        ? { status: 'control', control: read.value }
        : { status: 'corrupt', message: damagedMessage(read.detail) };
    }
  } catch (error) {
    const detail = error instanceof Damage ? error.detail : 'it could not be read';
    return { status: 'corrupt', message: damagedMessage(detail) };
  }
  const older = parsePlan(raw);
  return older.status === 'ok' ? { status: 'v1', plan: older.plan } : older;
}

const SCHEMA_OF_KEY: ReadonlyArray<[prefix: string, schema: v.GenericSchema<unknown, Governed>]> = [
  ['rooms:', MembersSchema],
  ['status:', StatusesSchema],
  ['index:', IndexSchema],
  [PLANNING_KEY, PlanningSchema],
];

/**
 * Reads the value under a governed key with the shape its key names. Damage is told with the key
 * ("rooms:3: rooms[2].people[1].name should be text").
 */
export function parseGoverned(key: string, raw: unknown): Read<Governed> {
  const schema = SCHEMA_OF_KEY.find(([name]) =>
    name.endsWith(':') ? key.startsWith(name) : key === name,
  )?.[1];
  if (!schema) return { ok: false, detail: `${key}: not a key of the breakout` };
  const read = readStored(schema, raw);
  return read.ok ? read : { ok: false, detail: `${key}: ${read.detail}` };
}
