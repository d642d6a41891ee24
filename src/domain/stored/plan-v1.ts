/**
 * The stored plan (one key, version 1): its definition, its reader with migrations and clear
 * messages, and its encoder. Everything in storage is untrusted (another client, an older or
 * newer app version, or damage may have written it), so every field is checked and the result is
 * built fresh. A plan that cannot be read is reported with a message a facilitator can act on and
 * is never written back over.
 */

import * as v from 'valibot';
import { utf8ByteLength } from '../bytes';
import { emptyFacilitation } from '../facilitation';
import {
  MAX_DURATION_MS,
  MAX_HELP_REQUESTS,
  MAX_PEOPLE,
  MAX_ROOMS,
  PLAN_MAX_BYTES,
} from '../limits';
import { migrate } from '../migrations';
import { PLAN_SCHEMA_VERSION, type Plan } from '../plan';
import { CO_FACILITATION_ENTRIES } from './co-facilitation';
import { FacilitationSchema } from './facilitation';
import { PLANNING_ENTRIES } from './planning';
import { PersonRefSchema, RectSchema } from './shapes';
import {
  type Broken,
  choice,
  count,
  Damage,
  encodeStored,
  field,
  firstRepeat,
  flag,
  id,
  isRecord,
  list,
  name,
  readStored,
  record,
  rule,
  timestamp,
  wholeNumber,
} from './valid';

export const PHASES = ['planning', 'starting', 'running', 'ending', 'ended'] as const;
/** `declined` clicked Decline; `dismissed` clicked outside the invitation (Miro's two rejections). */
export const STATUSES = [
  'assigned',
  'invited',
  'joined',
  'declined',
  'dismissed',
  'timed-out',
  'left',
] as const;
export const TIMERS = ['board', 'app'] as const;

export const ROOM_ENTRIES = {
  id: id(),
  /** The board frame this room is. */
  frameId: id(),
  /** Shown to people; defaults to the frame title, may be renamed. */
  name: name(),
  /** True once renamed by hand: from then on the frame's title no longer overwrites `name`. */
  nameEdited: flag(),
  /** Where the frame was when last seen, so participants can be moved there without a lookup. */
  frame: RectSchema,
  /** Set when the frame is no longer on the board: Start is blocked until it is removed. */
  frameMissing: flag(),
  /** The collaboration session of this room while the breakout runs. */
  sessionId: v.nullable(id()),
};
export const RoomSchema = record(ROOM_ENTRIES);

/**
 * Where a person stands. `assigned` before start; after start the invitation's fate. Presence
 * (online/offline) is not stored: it is derived from the online users list.
 */
export const PERSON_ENTRIES = {
  id: id(),
  name: name(),
  roomId: v.nullable(id()),
  status: choice(STATUSES),
};
export const PersonSchema = record(PERSON_ENTRIES);

export const MainAreaSchema = v.nullable(
  v.pipe(
    v.custom<Record<string, unknown>>(isRecord, 'should be an object'),
    v.variant(
      'kind',
      [
        v.object({ kind: v.literal('frame'), frameId: id(), frame: RectSchema }),
        v.object({ kind: v.literal('viewport'), rect: RectSchema }),
      ],
      'should be one of frame, viewport',
    ),
  ),
);

export const HelpRequestSchema = record({
  personId: id(),
  roomId: v.nullable(id()),
  at: timestamp(),
});

/** Rules of the whole plan: one entry per room, frame and person; references name real rooms. */
function brokenPlanRule(plan: v.InferOutput<typeof PlanShape>): Broken | null {
  const rooms = plan.rooms;
  const roomIds = new Set(rooms.map((room) => room.id));
  const repeat = (values: string[], at: (index: number) => Broken['at'], problem: string) => {
    const index = firstRepeat(values);
    return index < 0 ? null : { at: at(index), problem };
  };
  const unknownRoom = (
    values: readonly (string | null)[],
    at: (index: number) => Broken['at'],
    problem = 'names a room that is not in the plan',
  ) => {
    const index = values.findIndex((roomId) => roomId !== null && !roomIds.has(roomId));
    return index < 0 ? null : { at: at(index), problem };
  };
  const { facilitation, coFacilitation } = plan;
  return (
    repeat(
      rooms.map((room) => room.id),
      (i) => ['rooms', i, 'id'],
      'repeats the id of another room',
    ) ??
    repeat(
      rooms.map((room) => room.frameId),
      (i) => ['rooms', i, 'frameId'],
      'repeats the frame of another room',
    ) ??
    // One entry per person is what makes "one person, one room" hold.
    repeat(
      plan.people.map((person) => person.id),
      (i) => ['people', i, 'id'],
      'repeats a person already in the plan',
    ) ??
    unknownRoom(
      plan.people.map((person) => person.roomId),
      (i) => ['people', i, 'roomId'],
    ) ??
    repeat(
      plan.helpRequests.map((request) => request.personId),
      (i) => ['helpRequests', i, 'personId'],
      'repeats a person who already asked for help',
    ) ??
    unknownRoom(
      plan.helpRequests.map((request) => request.roomId),
      (i) => ['helpRequests', i, 'roomId'],
    ) ??
    unknownRoom(
      plan.preAssignments.map((row) => row.roomId),
      (i) => ['preAssignments', i, 'roomId'],
    ) ??
    unknownRoom(
      facilitation.lockedRoomIds,
      (i) => ['facilitation', 'lockedRoomIds', i],
      'should name a room of the plan',
    ) ??
    unknownRoom(
      facilitation.closedRooms.map((closure) => closure.roomId),
      (i) => ['facilitation', 'closedRooms', i, 'roomId'],
    ) ??
    repeat(
      coFacilitation.coFacilitatorIds,
      (i) => ['coFacilitation', 'coFacilitatorIds', i],
      'repeats a co-facilitator',
    ) ??
    repeat(
      coFacilitation.asks.map((ask) => ask.personId),
      (i) => ['coFacilitation', 'asks', i, 'personId'],
      'repeats a person who already asked to facilitate',
    )
  );
}

/** The plan's fields; the multi-key layout (plan-v2.ts) stores the same fields, spread over keys. */
export const PLAN_ENTRIES = {
  schema: v.literal(PLAN_SCHEMA_VERSION),
  /** Increases with every write; a reader never accepts a lower one. */
  revision: wholeNumber(),
  /** Identifies one run of a breakout, new at every start. */
  runId: id(),
  facilitator: PersonRefSchema,
  /**
   * The device lease's epoch the facilitator's device wrote this with (stored/lease.ts,
   * domain/device-lease.ts): a device of theirs that sees a higher one stops writing. Absent in
   * older plans: 0.
   */
  epoch: v.nullish(wholeNumber(), 0),
  phase: choice(PHASES),
  rooms: list(RoomSchema, MAX_ROOMS),
  people: list(PersonSchema, MAX_PEOPLE),
  /** Where everyone is brought back to; null means the facilitator's viewport at Start. */
  mainArea: MainAreaSchema,
  /** Null means no time limit. */
  durationMs: v.nullable(count({ min: 0, max: MAX_DURATION_MS, integer: true })),
  includeFacilitator: flag(),
  startedAt: v.nullable(timestamp()),
  endsAt: v.nullable(timestamp()),
  endedAt: v.nullable(timestamp()),
  timer: v.nullable(choice(TIMERS)),
  helpRequests: list(HelpRequestSchema, MAX_HELP_REQUESTS),
  // Planning tools (planning/plan-fields.ts; absent in older plans = not in use).
  ...PLANNING_ENTRIES,
  // Facilitation while rooms run (facilitation.ts; absent in older plans = nothing happened yet).
  facilitation: v.nullish(FacilitationSchema, () => emptyFacilitation()),
  // Who may facilitate (co-facilitation.ts; absent in older plans = nobody named or asking).
  ...CO_FACILITATION_ENTRIES,
};

const PlanShape = record(PLAN_ENTRIES);

export const PlanSchema = v.pipe(PlanShape, rule(brokenPlanRule));

export type PlanReadResult =
  | { status: 'ok'; plan: Plan }
  | { status: 'empty' }
  | { status: 'corrupt'; message: string }
  | { status: 'future'; version: number; message: string };

export const damagedMessage = (detail: string) =>
  `The saved breakout plan is damaged (${detail}). Start a new plan to replace it.`;

export const futureMessage = (version: number) =>
  `This board's breakout plan was saved by a newer version of Breakout Rooms (plan version ` +
  `${version}). Reload the board to update the app; until then the plan is read-only.`;

export const VERSION = wholeNumber(1);

/** Never throws: whatever is in storage, the answer is one of the four results. */
export function parsePlan(raw: unknown): PlanReadResult {
  if (raw === undefined || raw === null) return { status: 'empty' };
  try {
    if (!isRecord(raw)) {
      return { status: 'corrupt', message: damagedMessage('it is not a breakout plan') };
    }
    // The version is read first and alone: a newer plan is not read any further.
    const version = readStored(record({ schema: VERSION }), { schema: field(raw, 'schema') });
    if (!version.ok) return { status: 'corrupt', message: damagedMessage(version.detail) };
    const { schema } = version.value;
    if (schema > PLAN_SCHEMA_VERSION) {
      return { status: 'future', version: schema, message: futureMessage(schema) };
    }
    const read = readStored(PlanSchema, migrate(raw, schema));
    return read.ok
      ? { status: 'ok', plan: read.value }
      : { status: 'corrupt', message: damagedMessage(read.detail) };
  } catch (error) {
    // A throwing getter or a proxy: nothing sensible to name, but still not a crash.
    const detail = error instanceof Damage ? error.detail : 'it could not be read';
    return { status: 'corrupt', message: damagedMessage(detail) };
  }
}

/**
 * The plan as it should be stored: a fresh plain object with exactly the known fields, in a
 * fixed order, so stray properties (e.g. UI state spread into a copy) never reach storage.
 */
export function encodePlan(plan: Plan): Plan {
  return encodeStored(PlanSchema, plan);
}

/** The size storage will see: UTF-8 bytes of the JSON. */
export function planBytes(plan: Plan): number {
  return utf8ByteLength(JSON.stringify(encodePlan(plan)));
}

/** True when the plan no longer fits one storage key: the writer must refuse, not truncate. */
export function exceedsStorageLimit(plan: Plan): boolean {
  return planBytes(plan) > PLAN_MAX_BYTES;
}
