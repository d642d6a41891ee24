/**
 * The planning tools' part of the stored plan: self-select, pre-assignments, rotation rounds,
 * frame item counts and the report-back position. These fields came after plan version 1 without
 * a new version (other fields are added at the same time), so a plan without them reads as
 * "none of these tools in use"; a plan with them damaged is damaged like any other field.
 */

import { isValidId, MAX_RAW_NAME_LENGTH } from '../limits';
import type {
  FrameItemCount,
  FrameItems,
  Plan,
  PreAssignment,
  ReportBackPosition,
  Rotation,
  SelfSelect,
} from '../plan';
import {
  Damage,
  type Fields,
  field,
  isRecord,
  readId,
  readList,
  readNullableNumber,
  readNumber,
  readRecord,
  readString,
} from '../read-fields';
import { cleanName } from '../text';

/** An imported list is a workshop's worth of names; more would crowd out the people list. */
export const MAX_PRE_ASSIGNMENTS = 500;
export const MAX_ROTATION_ROUNDS_STORED = 20;
export const MAX_ROTATION_PEOPLE_STORED = 300;
export const MAX_CAPACITY = 2000;
/** Items in a frame are counted, not listed; a count beyond this is damage. */
const MAX_ITEM_COUNT = 1_000_000;

export type PlanningFields = Pick<
  Plan,
  'selfSelect' | 'preAssignments' | 'rotation' | 'frameItems' | 'reportBack'
>;

export const emptyPlanningFields = (): PlanningFields => ({
  selfSelect: null,
  preAssignments: [],
  rotation: null,
  frameItems: null,
  reportBack: null,
});

const absent = (document: Fields, key: string) => {
  const value = field(document, key);
  return value === undefined || value === null;
};

function readRecords(fields: Fields, key: string, path: string, max: number): [Fields, string][] {
  return readList(fields, key, path, max).map((entry, index) => {
    const at = `${path === '' ? key : `${path}.${key}`}[${index}]`;
    if (!isRecord(entry)) throw new Damage(`${at} should be an object`);
    return [entry, at];
  });
}

function readSelfSelect(document: Fields): SelfSelect | null {
  if (absent(document, 'selfSelect')) return null;
  const value = readRecord(document, 'selfSelect', '');
  return {
    capacity: readNullableNumber(value, 'capacity', 'selfSelect', {
      min: 1,
      max: MAX_CAPACITY,
      integer: true,
    }),
  };
}

function requireRoom(roomId: string, roomIds: ReadonlySet<string>, path: string): string {
  if (!roomIds.has(roomId)) throw new Damage(`${path} names a room that is not in the plan`);
  return roomId;
}

function readPreAssignments(document: Fields, roomIds: ReadonlySet<string>): PreAssignment[] {
  if (absent(document, 'preAssignments')) return [];
  return readRecords(document, 'preAssignments', '', MAX_PRE_ASSIGNMENTS).map(([row, path]) => ({
    name: cleanName(readString(row, 'name', path, MAX_RAW_NAME_LENGTH)),
    roomId: requireRoom(readId(row, 'roomId', path), roomIds, `${path}.roomId`),
  }));
}

function readIndexList(raw: unknown, path: string, people: number): number[] {
  if (!Array.isArray(raw)) throw new Damage(`${path} should be a list`);
  return raw.map((value, index) => {
    if (!Number.isInteger(value) || (value as number) < 0 || (value as number) >= people) {
      throw new Damage(`${path}[${index}] should be a person's number`);
    }
    return value as number;
  });
}

function readRotation(document: Fields): Rotation | null {
  if (absent(document, 'rotation')) return null;
  const value = readRecord(document, 'rotation', '');
  const people = readRecords(value, 'people', 'rotation', MAX_ROTATION_PEOPLE_STORED).map(
    ([person, path]) => ({
      id: readId(person, 'id', path),
      name: cleanName(readString(person, 'name', path, MAX_RAW_NAME_LENGTH)),
    }),
  );
  const roomIds = readList(value, 'roomIds', 'rotation', 200).map((id, index) => {
    if (!isValidId(id)) throw new Damage(`rotation.roomIds[${index}] should be a room id`);
    return id;
  });
  const rounds = readList(value, 'rounds', 'rotation', MAX_ROTATION_ROUNDS_STORED).map(
    (round, r) => {
      const path = `rotation.rounds[${r}]`;
      if (!Array.isArray(round) || round.length !== roomIds.length) {
        throw new Damage(`${path} should list one group per room`);
      }
      return round.map((room, i) => readIndexList(room, `${path}[${i}]`, people.length));
    },
  );
  const count = { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true };
  return {
    people,
    roomIds,
    rounds,
    next: readNumber(value, 'next', 'rotation', { ...count, max: rounds.length }),
    repeatPairs: readNumber(value, 'repeatPairs', 'rotation', count),
    lowerBound: readNumber(value, 'lowerBound', 'rotation', count),
  };
}

function readFrameItems(document: Fields): FrameItems | null {
  if (absent(document, 'frameItems')) return null;
  const value = readRecord(document, 'frameItems', '');
  const count = { min: 0, max: MAX_ITEM_COUNT, integer: true };
  return {
    runId: readId(value, 'runId', 'frameItems'),
    rooms: readRecords(value, 'rooms', 'frameItems', 200).map(
      ([room, path]): FrameItemCount => ({
        roomId: readId(room, 'roomId', path),
        atStart: readNumber(room, 'atStart', path, count),
        atEnd: readNullableNumber(room, 'atEnd', path, count),
      }),
    ),
  };
}

function readReportBack(document: Fields): ReportBackPosition | null {
  if (absent(document, 'reportBack')) return null;
  const value = readRecord(document, 'reportBack', '');
  return {
    runId: readId(value, 'runId', 'reportBack'),
    index: readNumber(value, 'index', 'reportBack', { min: -1, max: 200, integer: true }),
  };
}

/** Throws `Damage` like the other field readers; `roomIds` are the plan's rooms. */
export function readPlanningFields(document: Fields, roomIds: ReadonlySet<string>): PlanningFields {
  return {
    selfSelect: readSelfSelect(document),
    preAssignments: readPreAssignments(document, roomIds),
    rotation: readRotation(document),
    frameItems: readFrameItems(document),
    reportBack: readReportBack(document),
  };
}

/** Exactly the known fields, fresh objects, for storage. */
export function encodePlanningFields(plan: PlanningFields): PlanningFields {
  const { selfSelect, rotation, frameItems, reportBack } = plan;
  return {
    selfSelect: selfSelect === null ? null : { capacity: selfSelect.capacity },
    preAssignments: plan.preAssignments.map(({ name, roomId }) => ({ name, roomId })),
    rotation:
      rotation === null
        ? null
        : {
            people: rotation.people.map(({ id, name }) => ({ id, name })),
            roomIds: [...rotation.roomIds],
            rounds: rotation.rounds.map((round) => round.map((room) => [...room])),
            next: rotation.next,
            repeatPairs: rotation.repeatPairs,
            lowerBound: rotation.lowerBound,
          },
    frameItems:
      frameItems === null
        ? null
        : {
            runId: frameItems.runId,
            rooms: frameItems.rooms.map(({ roomId, atStart, atEnd }) => ({
              roomId,
              atStart,
              atEnd,
            })),
          },
    reportBack: reportBack === null ? null : { runId: reportBack.runId, index: reportBack.index },
  };
}
