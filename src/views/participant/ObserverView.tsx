import type { PersonRef, Phase } from '../../domain/plan';
import { usePlanValue } from '../../hooks/plan-store';
import { ScreenHeader } from '../shared/Screen';
import { Announcements } from './Announcements';
import { OtherRooms } from './OtherRooms';
import { ParticipantFooter } from './ParticipantFooter';
import { ParticipantView } from './ParticipantView';

type Props = {
  me: PersonRef;
  facilitatorName: string;
  /** Why nothing may be changed here (a plan from a newer app), or null. */
  readOnly: string | null;
  onlineIds: ReadonlySet<string>;
};

const TITLE: Record<Phase, string> = {
  planning: 'Waiting to start',
  starting: 'Rooms are opening',
  running: 'Breakout running',
  ending: 'Breakout ending',
  ended: 'Breakout ended',
};

const phaseOf = (plan: { phase: Phase } | null) => plan?.phase ?? 'planning';

/**
 * Someone else facilitates: your own room first, what the facilitator announced, the other rooms
 * folded away, and at the foot who facilitates with a confirmed way to take over.
 */
export function ObserverView({ me, facilitatorName, readOnly, onlineIds }: Props) {
  const phase = usePlanValue(phaseOf);
  return (
    <>
      <ScreenHeader title={TITLE[phase]} />
      <div className="panel-body">
        {readOnly !== null && (
          <p role="alert" className="alert alert-problem">
            {readOnly}
          </p>
        )}
        <ParticipantView me={me} facilitatorName={facilitatorName} onlineIds={onlineIds} />
        <Announcements />
        <OtherRooms me={me} onlineIds={onlineIds} />
      </div>
      {readOnly === null && (
        <ParticipantFooter me={me} facilitatorName={facilitatorName} onlineIds={onlineIds} />
      )}
    </>
  );
}
