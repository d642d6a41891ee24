import { memo, useCallback, useMemo } from 'react';
import { goodPlanOf } from '../controller/plan-reader';
import { usePlanSelector } from '../hooks/plan-store';
import { useRunCommand } from '../hooks/use-commands';
import { ActionButton } from './ActionButton';
import { NextRoundButton } from './NextRoundButton';
import { RoomSummaryCard } from './RoomSummaryCard';
import { reportBackView } from './report-back-view';

/**
 * After the end: walk everyone through the room frames one by one (every participant's viewport
 * follows), with each room's summary; and, in a rotation, the next round.
 */
export const ReportBackPanel = memo(function ReportBackPanel() {
  const run = useRunCommand();
  const plan = usePlanSelector(goodPlanOf);
  const view = useMemo(() => (plan ? reportBackView(plan) : null), [plan]);
  const index = view?.index ?? null;
  const go = useCallback((to: number) => void run({ type: 'reportBack', index: to }), [run]);
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
