import { memo, useCallback, useMemo } from 'react';
import { usePlan } from '../../hooks/plan-store';
import { useBreakoutActions } from '../../hooks/use-breakout-actions';
import { ActionButton } from '../shared/ActionButton';
import { reportBackView } from '../shared/report-back-view';
import { RoomSummaryCard } from './RoomSummaryCard';
import { roomOutcomes } from './room-outcomes';

/**
 * After the end, one list: each room's summary (who, how long, who never joined), and above it
 * the report-back that walks everyone through the room frames one by one (every participant's
 * viewport follows).
 */
export const ReportBackPanel = memo(function ReportBackPanel() {
  const { reportBack } = useBreakoutActions();
  const plan = usePlan();
  const index = useMemo(() => (plan ? reportBackView(plan).index : null), [plan]);
  const outcomes = useMemo(() => (plan ? roomOutcomes(plan) : []), [plan]);
  const go = useCallback((to: number) => void reportBack(to), [reportBack]);
  if (!plan) return null;
  const total = outcomes.length;
  if (total === 0) {
    return (
      <p className="empty-state p-medium">
        No room had anyone in it, so there is nothing to report back.
      </p>
    );
  }
  const at = index ?? -1;
  const walking = at >= 0 && at < total;
  const current = walking ? outcomes[at] : undefined;
  return (
    <>
      <section aria-labelledby="report-back-heading" className="card report-back">
        <h2 className="card-title" id="report-back-heading">
          <span className="icon icon-presentation" aria-hidden="true" />
          Report-back
        </h2>
        <p role="status" className="p-small">
          {current
            ? `Now reporting: ${current.roomName} (${at + 1} of ${total}). Everyone sees its frame.`
            : at >= total
              ? 'Every room has reported.'
              : `Walk everyone through the ${total} rooms, one frame at a time.`}
        </p>
        <div className="button-row">
          {!walking && (
            <ActionButton small onClick={() => go(0)}>
              {at >= total ? 'Walk through again' : 'Start report-back'}
            </ActionButton>
          )}
          {walking && (
            <>
              <ActionButton small disabled={at === 0} onClick={() => go(at - 1)}>
                Previous room
              </ActionButton>
              <ActionButton small onClick={() => go(at + 1)}>
                {at + 1 < total ? 'Next room' : 'Finish report-back'}
              </ActionButton>
            </>
          )}
        </div>
      </section>
      <ul aria-label="Room summaries" className="plain-list summary-list">
        {outcomes.map((outcome, position) => (
          <RoomSummaryCard
            key={outcome.roomId}
            outcome={outcome}
            current={walking && position === at}
          />
        ))}
      </ul>
    </>
  );
});
