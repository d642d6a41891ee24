import { useCallback } from 'react';
import { type JobProgress, useRoomsActions, useRoomsWork } from '../../hooks/use-rooms-work';
import { ActionButton } from '../shared/ActionButton';
import { RoomsJobStatus } from '../shared/RoomsJobStatus';

const jobOf = (work: { job: JobProgress | null } | null) => work?.job ?? null;

/**
 * "Gather results into the main area": a new frame beside the main area, one column per room
 * with copies of its sticky notes and text. Running it again makes a second frame.
 */
export function GatherResults() {
  const { gatherResults } = useRoomsActions();
  const job = useRoomsWork(jobOf);
  const gather = useCallback(() => void gatherResults(), [gatherResults]);
  const working = job !== null && (job.state === 'running' || job.state === 'waiting');
  // A card like the report-back below it, with a small button: the header's Run again stays
  // the one primary action of the screen.
  return (
    <>
      <section aria-labelledby="gather-heading" className="card">
        <h2 className="card-title" id="gather-heading">
          Bring the rooms’ work back
        </h2>
        <p className="p-small">
          Copies every room’s sticky notes and text into one new frame beside the main area, a
          column per room; other items are counted, not moved.
        </p>
        <div className="button-row">
          <ActionButton small disabled={working} onClick={gather}>
            Gather results into the main area
          </ActionButton>
        </div>
      </section>
      <RoomsJobStatus type="harvest" />
    </>
  );
}
