import type { ActivitySnapshot } from '../domain/rooms/activity';
import { describeLeftOut } from '../domain/rooms/copy-plan';
import type { RoomsJob } from '../domain/rooms/stored';

/**
 * What the headless app tells its panel about rooms with material: the job making rooms or
 * gathering results, the rooms' activity while they run, and whether Miro offers sessions here.
 * Plain data: it crosses the panel link as it is.
 */
export type RoomsWork = {
  job: JobProgress | null;
  activity: { snapshot: ActivitySnapshot; quietAfterMs: number } | null;
  sessions: SessionsOffer;
};

export type SessionsOffer =
  | { state: 'unknown' | 'checking' | 'offered' }
  | { state: 'missing' | 'refused'; message: string };

/**
 * `running`: here, now. `waiting`: here, paused by Miro's rate limit. `interrupted`: stored as
 * running, but no app runs it (a reload): it can be resumed. `elsewhere`: another tab of this
 * user runs it. `cancelled` and `done` are final.
 */
export type JobState = 'running' | 'waiting' | 'interrupted' | 'elsewhere' | 'cancelled' | 'done';

export type JobProgress = {
  id: string;
  type: RoomsJob['type'];
  state: JobState;
  /** "Room 4 of 12 · 37 of 180 items". */
  summary: string;
  /** Items made so far and to make in all: the progress bar. */
  itemsMade: number;
  itemsTotal: number;
  /** The frames made so far, in order: what stays if the job is cancelled. */
  made: Array<{ title: string; frameId: string }>;
  /** Sentences for people: a room that could not be completed, items that could not be made. */
  problems: string[];
  /** What the rooms do not get ("2 connectors"), or ''. */
  leftOut: string;
};

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

/** The job as its panel shows it. */
export function progressOf(job: RoomsJob, state: JobState): JobProgress {
  const made = job.parts.reduce((sum, part) => sum + part.made, 0);
  const total = job.parts.reduce((sum, part) => sum + part.total, 0);
  const current = job.parts.findIndex((part) => part.state !== 'done' && part.state !== 'failed');
  const at = current < 0 ? job.parts.length : current + 1;
  const noun = job.type === 'copy' ? 'Room' : 'Column';
  const summary =
    state === 'done'
      ? `${plural(job.parts.length, job.type === 'copy' ? 'room' : 'column')} · ${plural(made, 'item')}`
      : `${noun} ${Math.min(at, job.parts.length)} of ${job.parts.length} · ${made} of ${plural(total, 'item')}`;
  return {
    id: job.id,
    type: job.type,
    state,
    summary,
    itemsMade: made,
    itemsTotal: total,
    made: job.frames.flatMap((frame) =>
      frame.frameId === null ? [] : [{ title: frame.title, frameId: frame.frameId }],
    ),
    problems: job.parts.flatMap((part) =>
      part.problem === null ? [] : [`${part.label}: ${part.problem}`],
    ),
    leftOut: describeLeftOut(job.leftOut),
  };
}
