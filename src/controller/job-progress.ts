import { describeLeftOut } from '../domain/rooms/copy-plan';
import type { RoomsJob } from '../domain/rooms/stored';
import type { JobProgress, JobState } from './rooms-work';

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
