import type { PersonRef } from '../../domain/plan';
import { ScreenHeader } from '../shared/Screen';
import { Announcements } from './Announcements';
import { ParticipantView } from './ParticipantView';
import { ReadOnlyOverview } from './ReadOnlyOverview';
import { TakeOverBar } from './TakeOverBar';

type Props = {
  me: PersonRef;
  facilitatorName: string;
  /** Why nothing may be changed here (a plan from a newer app), or null. */
  readOnly: string | null;
  onlineIds: ReadonlySet<string>;
};

/** Someone else facilitates: your own breakout, the plan read-only, and a way to take over. */
export function ObserverView({ me, facilitatorName, readOnly, onlineIds }: Props) {
  return (
    <>
      <ScreenHeader title="Your breakout" />
      <div className="panel-body">
        {readOnly !== null ? (
          <p role="alert" className="alert alert-problem">
            {readOnly}
          </p>
        ) : (
          <TakeOverBar facilitatorName={facilitatorName} />
        )}
        <Announcements />
        <ParticipantView me={me} />
        <ReadOnlyOverview onlineIds={onlineIds} />
      </div>
    </>
  );
}
