/**
 * The stored records of rooms with material, each one valibot definition from which its type,
 * its reader and its encoder come (the style of the plan's records, #16). Both live in the plan's
 * collection under their own key and stay within 16 KB, so a job or an activity summary never
 * crowds the plan. Anyone running the app can write any key: a reader gets the record or a
 * message naming what is wrong, never a half-read value.
 */

import * as v from 'valibot';
import { isValidId, MAX_COORDINATE, MAX_ID_LENGTH, MAX_ROOMS } from '../limits';
import { cleanName } from '../text';
import { JOB_TYPES } from './job-types';
import { MAX_PROMPT_LENGTH, PROMPT_KINDS, PROMPT_SPOTS } from './prompts';

export const ROOMS_JOB_KEY = 'rooms-job';
export const ROOMS_ACTIVITY_KEY = 'rooms-activity';
export const MAX_STORED_BYTES = 16 * 1024;
/** Rooms one "Create rooms" makes at most (a harvest has one column per room, up to MAX_ROOMS). */
export const MAX_JOB_ROOMS = 50;

const id = () => v.custom<string>(isValidId, `should be an id of 1 to ${MAX_ID_LENGTH} characters`);
const text = (max: number) =>
  v.pipe(v.string('should be text'), v.maxLength(max, `is longer than ${max} characters`));
const name = () =>
  v.pipe(
    text(1_000),
    v.transform((raw) => cleanName(raw)),
  );
const count = (max: number) =>
  v.pipe(
    v.number('should be a number'),
    v.integer('should be a whole number'),
    v.minValue(0, 'should not be negative'),
    v.maxValue(max, `should be at most ${max}`),
  );
const coordinate = () =>
  v.pipe(
    v.number('should be a number'),
    v.finite('should be finite'),
    v.minValue(-MAX_COORDINATE, 'is off the board'),
    v.maxValue(MAX_COORDINATE, 'is off the board'),
  );
const size = () =>
  v.pipe(
    v.number('should be a number'),
    v.finite('should be finite'),
    v.gtValue(0, 'should be positive'),
    v.maxValue(MAX_COORDINATE, 'is too large'),
  );
const time = () => v.pipe(v.number('should be a time'), v.integer('should be a time'));
const list = <S extends v.GenericSchema>(item: S, max: number) =>
  v.pipe(v.array(item, 'should be a list'), v.maxLength(max, `has more than ${max} entries`));

const PersonSchema = v.object({ id: id(), name: name() });

/** Where a room's prompt goes: stored with a job, and asked for by the panel. */
export const PromptPlacementSchema = v.object({
  kind: v.picklist(PROMPT_KINDS, 'should be text or sticky_note'),
  spot: v.picklist(PROMPT_SPOTS, 'should be top-left, top or centre'),
});

/** A frame the job makes: where it goes and, once made, its id. */
const JobFrameSchema = v.object({
  title: name(),
  /** The prompt written into it (copy jobs), or null. */
  prompt: v.nullable(text(MAX_PROMPT_LENGTH)),
  x: coordinate(),
  y: coordinate(),
  width: size(),
  height: size(),
  frameId: v.nullable(id()),
});

/** A unit of progress: a room of a copy job, a room's column of a harvest. */
const JobPartSchema = v.object({
  /** Index into `frames`: where this part's items go. */
  frame: count(MAX_JOB_ROOMS),
  /** What the part is called for people: a room's name. */
  label: name(),
  /** Harvest: the room frame whose items it gathers. */
  source: v.nullable(id()),
  state: v.picklist(['waiting', 'making', 'done', 'failed'], 'should be a part state'),
  made: count(10_000),
  total: count(10_000),
  problem: v.nullable(text(300)),
});

export const RoomsJobSchema = v.object({
  schema: v.literal(1, 'should be schema 1'),
  kind: v.literal('rooms-job', 'should be a rooms job'),
  id: id(),
  type: v.picklist(JOB_TYPES, 'should be copy or harvest'),
  by: PersonSchema,
  /** The headless app that runs it; another app of the same user sees it as someone else's run. */
  instance: text(100),
  startedAt: time(),
  state: v.picklist(['running', 'cancelled', 'done'], 'should be a job state'),
  /** Copy: the template frame. Harvest: null. */
  template: v.nullable(id()),
  /** Copy: where each room's prompt goes. */
  prompt: PromptPlacementSchema,
  /** Harvest: the run whose rooms it gathers. */
  runId: v.nullable(id()),
  /** What the rooms do not get, by item type. */
  leftOut: list(v.object({ kind: text(40), count: count(10_000) }), 40),
  frames: list(JobFrameSchema, MAX_JOB_ROOMS),
  parts: list(JobPartSchema, MAX_ROOMS),
});

export type RoomsJob = v.InferOutput<typeof RoomsJobSchema>;
export type JobFrame = RoomsJob['frames'][number];
export type JobPart = RoomsJob['parts'][number];

/** [roomId, items added, last change (ms) or null, active minutes, last active minute or null] */
const SummaryTuple = v.tuple([
  id(),
  count(1_000_000),
  v.nullable(time()),
  count(100_000),
  v.nullable(count(100_000)),
]);

export const RoomsActivitySchema = v.object({
  schema: v.literal(1, 'should be schema 1'),
  kind: v.literal('rooms-activity', 'should be a rooms activity summary'),
  runId: id(),
  startedAt: time(),
  /** After how long without a change a room with people in it counts as quiet. */
  quietAfterMs: v.pipe(count(24 * 60 * 60_000), v.minValue(60_000, 'should be a minute or more')),
  rooms: list(SummaryTuple, MAX_ROOMS),
});

export type RoomsActivity = v.InferOutput<typeof RoomsActivitySchema>;

export type Read<T> = { ok: true; value: T } | { ok: false; problem: string };

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

function reader<S extends v.GenericSchema>(schema: S, what: string) {
  return (raw: unknown): Read<v.InferOutput<S>> => {
    const result = v.safeParse(schema, raw);
    if (result.success) return { ok: true, value: result.output };
    const [issue] = result.issues;
    const path = v.getDotPath(issue) ?? '';
    return {
      ok: false,
      problem: `The stored ${what} is damaged: ${path ? `${path} ` : ''}${issue.message}.`,
    };
  };
}

/** The record as it is written, or why it cannot be: too big is said in words a person can act on. */
function encoder<S extends v.GenericSchema>(schema: S, tooBig: string) {
  return (value: v.InferOutput<S>): Read<v.InferOutput<S>> => {
    const checked = v.safeParse(schema, value);
    if (!checked.success) return { ok: false, problem: checked.issues[0].message };
    if (bytes(checked.output) > MAX_STORED_BYTES) return { ok: false, problem: tooBig };
    return { ok: true, value: checked.output };
  };
}

export const readRoomsJob = reader(RoomsJobSchema, 'rooms job');
export const encodeRoomsJob = encoder(
  RoomsJobSchema,
  'That is too much text for one job: shorten the room names or prompts, or make fewer rooms at once.',
);
export const readRoomsActivity = reader(RoomsActivitySchema, 'room activity');
export const encodeRoomsActivity = encoder(
  RoomsActivitySchema,
  'The room activity of this run is too large to keep.',
);
