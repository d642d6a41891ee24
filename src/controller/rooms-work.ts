import * as v from 'valibot';
import { JOB_TYPES } from '../domain/rooms/job-types';
import { ActivitySnapshotSchema } from '../domain/rooms/snapshot';
import { anyText, finiteNumber } from '../domain/stored/valid';

/**
 * `running`: here, now. `waiting`: here, paused by Miro's rate limit. `interrupted`: stored as
 * running, but no app runs it (a reload): it can be resumed. `elsewhere`: another tab of this
 * user runs it. `cancelled` and `done` are final.
 */
const JOB_STATES = ['running', 'waiting', 'interrupted', 'elsewhere', 'cancelled', 'done'] as const;
export type JobState = (typeof JOB_STATES)[number];

const JobProgressSchema = v.object({
  id: anyText(),
  type: v.picklist(JOB_TYPES),
  state: v.picklist(JOB_STATES),
  /** "Room 4 of 12 · 37 of 180 items". */
  summary: anyText(),
  /** Items made so far and to make in all: the progress bar. */
  itemsMade: finiteNumber(),
  itemsTotal: finiteNumber(),
  /** The frames made so far, in order: what stays if the job is cancelled. */
  made: v.array(v.object({ title: anyText(), frameId: anyText() })),
  /** Sentences for people: a room that could not be completed, items that could not be made. */
  problems: v.array(anyText()),
  /** What the rooms do not get ("2 connectors"), or ''. */
  leftOut: anyText(),
});
export type JobProgress = v.InferOutput<typeof JobProgressSchema>;

const SessionsOfferSchema = v.variant('state', [
  v.object({ state: v.picklist(['unknown', 'checking', 'offered']) }),
  v.object({ state: v.picklist(['missing', 'refused']), message: anyText() }),
]);
export type SessionsOffer = v.InferOutput<typeof SessionsOfferSchema>;

/**
 * What the headless app tells its panel about rooms with material: the job making rooms or
 * gathering results, the rooms' activity while they run, and whether Miro offers sessions here.
 * Plain data: it crosses the panel link as it is, and the panel reads it with this definition.
 */
export const RoomsWorkSchema = v.object({
  job: v.nullable(JobProgressSchema),
  activity: v.nullable(
    v.object({ snapshot: ActivitySnapshotSchema, quietAfterMs: finiteNumber() }),
  ),
  sessions: SessionsOfferSchema,
});
export type RoomsWork = v.InferOutput<typeof RoomsWorkSchema>;
