/**
 * Reading the stored plan. Everything in storage is untrusted (another client, an older or newer
 * app version, or damage may have written it), so every field is checked and the result is built
 * fresh. A plan that cannot be read is reported with a message a facilitator can act on and is
 * never written back over.
 */

import { utf8ByteLength } from './bytes';
import { encodeFacilitation, readFacilitation } from './facilitation';
import {
  MAX_COORDINATE,
  MAX_DURATION_MS,
  MAX_HELP_REQUESTS,
  MAX_PEOPLE,
  MAX_RAW_NAME_LENGTH,
  MAX_ROOMS,
  PLAN_MAX_BYTES,
} from './limits';
import { migrate } from './migrations';
import {
  type HelpRequest,
  type MainArea,
  type Person,
  type PersonRef,
  type PersonStatus,
  type Phase,
  PLAN_SCHEMA_VERSION,
  type Plan,
  type Rect,
  type Room,
  type TimerMode,
} from './plan';
import { encodePlanningFields, readPlanningFields } from './planning/plan-fields';
import {
  Damage,
  type Fields,
  field,
  isRecord,
  pathTo,
  readBoolean,
  readChoice,
  readId,
  readList,
  readNullableId,
  readNullableNumber,
  readNumber,
  readRecord,
  readString,
} from './read-fields';
import { cleanName } from './text';

export type PlanReadResult =
  | { status: 'ok'; plan: Plan }
  | { status: 'empty' }
  | { status: 'corrupt'; message: string }
  | { status: 'future'; version: number; message: string };

const PHASES: readonly Phase[] = ['planning', 'starting', 'running', 'ending', 'ended'];
const STATUSES: readonly PersonStatus[] = [
  'assigned',
  'invited',
  'joined',
  'declined',
  'dismissed',
  'timed-out',
  'left',
];
const TIMERS: readonly TimerMode[] = ['board', 'app'];
const TIMESTAMP = { min: 0, max: Number.MAX_SAFE_INTEGER };

function readName(fields: Fields, key: string, path: string): string {
  return cleanName(readString(fields, key, path, MAX_RAW_NAME_LENGTH));
}

function readPersonRef(fields: Fields, key: string, path: string): PersonRef {
  const ref = readRecord(fields, key, path);
  const at = pathTo(path, key);
  return { id: readId(ref, 'id', at), name: readName(ref, 'name', at) };
}

function readRect(fields: Fields, key: string, path: string): Rect {
  const rect = readRecord(fields, key, path);
  const at = pathTo(path, key);
  const coordinate = { min: -MAX_COORDINATE, max: MAX_COORDINATE };
  const size = { min: 0, max: MAX_COORDINATE };
  return {
    x: readNumber(rect, 'x', at, coordinate),
    y: readNumber(rect, 'y', at, coordinate),
    width: readNumber(rect, 'width', at, size),
    height: readNumber(rect, 'height', at, size),
  };
}

/** Entries of a list as objects, each with its own path ("rooms[2]"). */
function entries(fields: Fields, key: string, max: number): Array<[Fields, string]> {
  return readList(fields, key, '', max).map((entry, index) => {
    const path = `${key}[${index}]`;
    if (!isRecord(entry)) throw new Damage(`${path} should be an object`);
    return [entry, path];
  });
}

function requireUnique(value: string, seen: Set<string>, path: string, what: string): void {
  if (seen.has(value)) throw new Damage(`${path} repeats ${what}`);
  seen.add(value);
}

function readRooms(document: Fields): Room[] {
  const ids = new Set<string>();
  const frames = new Set<string>();
  return entries(document, 'rooms', MAX_ROOMS).map(([room, path]) => {
    const id = readId(room, 'id', path);
    requireUnique(id, ids, `${path}.id`, 'the id of another room');
    const frameId = readId(room, 'frameId', path);
    requireUnique(frameId, frames, `${path}.frameId`, 'the frame of another room');
    return {
      id,
      frameId,
      name: readName(room, 'name', path),
      nameEdited: readBoolean(room, 'nameEdited', path),
      frame: readRect(room, 'frame', path),
      frameMissing: readBoolean(room, 'frameMissing', path),
      sessionId: readNullableId(room, 'sessionId', path),
    };
  });
}

function readRoomReference(
  fields: Fields,
  path: string,
  roomIds: ReadonlySet<string>,
): string | null {
  const roomId = readNullableId(fields, 'roomId', path);
  if (roomId !== null && !roomIds.has(roomId)) {
    throw new Damage(`${path}.roomId names a room that is not in the plan`);
  }
  return roomId;
}

function readPeople(document: Fields, roomIds: ReadonlySet<string>): Person[] {
  const ids = new Set<string>();
  return entries(document, 'people', MAX_PEOPLE).map(([person, path]) => {
    const id = readId(person, 'id', path);
    // One entry per person is what makes "one person, one room" hold.
    requireUnique(id, ids, `${path}.id`, 'a person already in the plan');
    return {
      id,
      name: readName(person, 'name', path),
      roomId: readRoomReference(person, path, roomIds),
      status: readChoice(person, 'status', path, STATUSES),
    };
  });
}

function readHelpRequests(document: Fields, roomIds: ReadonlySet<string>): HelpRequest[] {
  const people = new Set<string>();
  return entries(document, 'helpRequests', MAX_HELP_REQUESTS).map(([request, path]) => {
    const personId = readId(request, 'personId', path);
    requireUnique(personId, people, `${path}.personId`, 'a person who already asked for help');
    return {
      personId,
      roomId: readRoomReference(request, path, roomIds),
      at: readNumber(request, 'at', path, TIMESTAMP),
    };
  });
}

function readMainArea(document: Fields): MainArea | null {
  if (field(document, 'mainArea') === null) return null;
  const area = readRecord(document, 'mainArea', '');
  const kind = readChoice(area, 'kind', 'mainArea', ['frame', 'viewport'] as const);
  return kind === 'frame'
    ? {
        kind,
        frameId: readId(area, 'frameId', 'mainArea'),
        frame: readRect(area, 'frame', 'mainArea'),
      }
    : { kind, rect: readRect(area, 'rect', 'mainArea') };
}

function readCurrentPlan(document: Fields): Plan {
  const rooms = readRooms(document);
  const roomIds = new Set(rooms.map((room) => room.id));
  return {
    schema: PLAN_SCHEMA_VERSION,
    revision: readNumber(document, 'revision', '', { ...TIMESTAMP, integer: true }),
    runId: readId(document, 'runId', ''),
    facilitator: readPersonRef(document, 'facilitator', ''),
    phase: readChoice(document, 'phase', '', PHASES),
    rooms,
    people: readPeople(document, roomIds),
    mainArea: readMainArea(document),
    durationMs: readNullableNumber(document, 'durationMs', '', {
      min: 0,
      max: MAX_DURATION_MS,
      integer: true,
    }),
    includeFacilitator: readBoolean(document, 'includeFacilitator', ''),
    startedAt: readNullableNumber(document, 'startedAt', '', TIMESTAMP),
    endsAt: readNullableNumber(document, 'endsAt', '', TIMESTAMP),
    endedAt: readNullableNumber(document, 'endedAt', '', TIMESTAMP),
    timer: field(document, 'timer') === null ? null : readChoice(document, 'timer', '', TIMERS),
    helpRequests: readHelpRequests(document, roomIds),
    ...readPlanningFields(document, roomIds),
    facilitation: readFacilitation(document, roomIds),
  };
}

const damagedMessage = (detail: string) =>
  `The saved breakout plan is damaged (${detail}). Start a new plan to replace it.`;

const futureMessage = (version: number) =>
  `This board's breakout plan was saved by a newer version of Breakout Rooms (plan version ` +
  `${version}). Reload the board to update the app; until then the plan is read-only.`;

/** Never throws: whatever is in storage, the answer is one of the four results. */
export function parsePlan(raw: unknown): PlanReadResult {
  if (raw === undefined || raw === null) return { status: 'empty' };
  try {
    if (!isRecord(raw)) throw new Damage('it is not a breakout plan');
    const version = readNumber(raw, 'schema', '', {
      min: 1,
      max: Number.MAX_SAFE_INTEGER,
      integer: true,
    });
    if (version > PLAN_SCHEMA_VERSION) {
      return { status: 'future', version, message: futureMessage(version) };
    }
    return { status: 'ok', plan: readCurrentPlan(migrate(raw, version)) };
  } catch (error) {
    if (error instanceof Damage)
      return { status: 'corrupt', message: damagedMessage(error.detail) };
    // A throwing getter or a proxy: nothing sensible to name, but still not a crash.
    return { status: 'corrupt', message: damagedMessage('it could not be read') };
  }
}

/**
 * The plan as it should be stored: a fresh plain object with exactly the known fields, in a
 * fixed order, so stray properties (e.g. UI state spread into a copy) never reach storage.
 */
export function encodePlan(plan: Plan): Plan {
  const rect = ({ x, y, width, height }: Rect): Rect => ({ x, y, width, height });
  const mainArea = plan.mainArea;
  return {
    schema: plan.schema,
    revision: plan.revision,
    runId: plan.runId,
    facilitator: { id: plan.facilitator.id, name: plan.facilitator.name },
    phase: plan.phase,
    rooms: plan.rooms.map((room) => ({
      id: room.id,
      frameId: room.frameId,
      name: room.name,
      nameEdited: room.nameEdited,
      frame: rect(room.frame),
      frameMissing: room.frameMissing,
      sessionId: room.sessionId,
    })),
    people: plan.people.map((person) => ({
      id: person.id,
      name: person.name,
      roomId: person.roomId,
      status: person.status,
    })),
    mainArea:
      mainArea === null
        ? null
        : mainArea.kind === 'frame'
          ? { kind: 'frame', frameId: mainArea.frameId, frame: rect(mainArea.frame) }
          : { kind: 'viewport', rect: rect(mainArea.rect) },
    durationMs: plan.durationMs,
    includeFacilitator: plan.includeFacilitator,
    startedAt: plan.startedAt,
    endsAt: plan.endsAt,
    endedAt: plan.endedAt,
    timer: plan.timer,
    helpRequests: plan.helpRequests.map(({ personId, roomId, at }) => ({ personId, roomId, at })),
    ...encodePlanningFields(plan),
    facilitation: encodeFacilitation(plan.facilitation),
  };
}

/** The size storage will see: UTF-8 bytes of the JSON. */
export function planBytes(plan: Plan): number {
  return utf8ByteLength(JSON.stringify(encodePlan(plan)));
}

/** True when the plan no longer fits one storage key: the writer must refuse, not truncate. */
export function exceedsStorageLimit(plan: Plan): boolean {
  return planBytes(plan) > PLAN_MAX_BYTES;
}
