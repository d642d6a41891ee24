import { useCallback, useId } from 'react';
import { type JobProgress, useRoomsActions, useRoomsWork } from '../../hooks/use-rooms-work';
import { ActionButton } from './ActionButton';
import './rooms-work.css';

type Props = { type: JobProgress['type'] };

const TITLE: Record<JobProgress['type'], string> = {
  copy: 'Rooms from the template',
  harvest: 'Results gathered into the main area',
};

const STATE_TEXT: Record<JobProgress['state'], string> = {
  running: 'Working…',
  waiting: 'Waiting for Miro’s rate limit, then going on…',
  interrupted: 'Stopped when the board was reloaded. Resume to finish it: nothing is made twice.',
  elsewhere: 'Your other tab on this board runs this job.',
  cancelled: 'Cancelled. What was made stays on the board.',
  done: 'Done.',
};

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const job = (work: { job: JobProgress | null } | null) => work?.job ?? null;

/**
 * A job making rooms from a template or gathering results: "Room 4 of 12 · 37 of 180 items" with
 * a bar and Cancel while it runs, Resume after a reload, and at the end what was made and what
 * could not be copied, named and counted. Board content is shown as text, never as markup.
 */
export function RoomsJobStatus({ type }: Props) {
  const progress = useRoomsWork(job);
  const actions = useRoomsActions();
  const id = useId();
  const cancel = useCallback(() => void actions.cancelJob(), [actions]);
  const resume = useCallback(() => void actions.resumeJob(), [actions]);
  const dismiss = useCallback(() => void actions.dismissJob(), [actions]);
  if (!progress || progress.type !== type) return null;
  const { state, itemsMade, itemsTotal } = progress;
  const active = state === 'running' || state === 'waiting';
  const share = itemsTotal === 0 ? (state === 'done' ? 1 : 0) : itemsMade / itemsTotal;
  return (
    <section aria-labelledby={`${id}-title`} className="card rooms-job">
      <h3 className="h4" id={`${id}-title`}>
        {TITLE[type]}
      </h3>
      <p className="p-small figure" id={`${id}-summary`} aria-live="polite">
        {progress.summary}
      </p>
      <div
        className="progress"
        role="progressbar"
        aria-labelledby={`${id}-summary`}
        aria-valuemin={0}
        aria-valuemax={itemsTotal}
        aria-valuenow={itemsMade}
      >
        <span className="progress-done" style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
      <p className="p-small status-text">{STATE_TEXT[state]}</p>
      {!active && progress.made.length > 0 && (
        <div>
          <p className="p-small">
            Made {count(progress.made.length, type === 'copy' ? 'room frame' : 'frame')}:
          </p>
          <ul className="plain-list rooms-job-list p-small">
            {progress.made.map((frame) => (
              <li key={frame.frameId}>{frame.title}</li>
            ))}
          </ul>
        </div>
      )}
      {progress.leftOut !== '' && (
        <p className="p-small warning">
          Not copied (Miro’s SDK cannot make them): {progress.leftOut}
        </p>
      )}
      {progress.problems.length > 0 && (
        <div>
          <p className="p-small warning">{count(progress.problems.length, 'problem')}:</p>
          <ul className="plain-list rooms-job-list p-small">
            {progress.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="button-row">
        {active && (
          <button type="button" className="button button-secondary button-small" onClick={cancel}>
            Cancel
          </button>
        )}
        {state === 'interrupted' && (
          <ActionButton small onClick={resume}>
            Resume
          </ActionButton>
        )}
        {(state === 'done' || state === 'cancelled' || state === 'interrupted') && (
          <ActionButton small variant="tertiary" onClick={dismiss}>
            {state === 'interrupted' ? 'Leave it as it is' : 'Hide'}
          </ActionButton>
        )}
      </div>
    </section>
  );
}
