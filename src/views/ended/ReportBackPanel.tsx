import { memo, useCallback, useMemo } from 'react';
import { usePlan } from '../../hooks/plan-store';
import { useBreakoutActions } from '../../hooks/use-breakout-actions';
import { ActionButton } from '../shared/ActionButton';
import { NextRoundButton } from '../shared/NextRoundButton';
import { reportBackView } from '../shared/report-back-view';
import { RoomSummaryCard } from './RoomSummaryCard';

/**
 * After the end: walk everyone through the room frames one by one (every participant's viewport
 * follows), with each room's summary; and, in a rotation, the next round.
 */
export const ReportBackPanel = memo(function ReportBackPanel() {
  const { reportBack } = useBreakoutActions();
  const plan = usePlan();
  const view = useMemo(() => (plan ? reportBackView(plan) : null), [plan]);
  const index = view?.index ?? null;
  const go = useCallback((to: number) => void reportBack(to), [reportBack]);
  if (!plan || !view) return null;
  const total = view.summaries.length;
  const at = index ?? -1;
  const walking = at >= 0 && at < total;
  const current = walking ? view.summaries[at] : undefined;
  return (
    <section aria-labelledby="report-back-heading" className="section">
      <h2 className="h4" id="report-back-heading">
        Report-back
      </h2>
      {total === 0 ? (
        <p>No room had anyone in it.</p>
      ) : (
        <>
          <p role="status">
            {current
              ? `Now reporting: ${current.roomName} (${at + 1} of ${total}). Everyone sees its frame.`
              : at >= total
                ? 'Every room has reported.'
                : `Walk everyone through the ${total} rooms, one frame at a time.`}
          </p>
          <div className="button-row">
            {!walking && (
              <ActionButton variant="primary" onClick={() => go(0)}>
                {at >= total ? 'Walk through again' : 'Start report-back'}
              </ActionButton>
            )}
            {walking && (
              <>
                <ActionButton disabled={at === 0} onClick={() => go(at - 1)}>
                  Previous room
                </ActionButton>
                <ActionButton variant="primary" onClick={() => go(at + 1)}>
                  {at + 1 < total ? 'Next room' : 'Finish report-back'}
                </ActionButton>
              </>
            )}
          </div>
          <ul aria-label="Room summaries" className="plain-list">
            {view.summaries.map((summary, position) => (
              <RoomSummaryCard
                key={summary.roomId}
                summary={summary}
                current={walking && position === at}
              />
            ))}
          </ul>
        </>
      )}
      {plan.rotation && <NextRoundButton rotation={plan.rotation} />}
    </section>
  );
});
