import { useCallback } from 'react';
import type { Plan } from '../../domain/plan';
import { formatDuration } from '../../domain/planning/duration';
import { usePlanValue } from '../../hooks/plan-store';
import { useBreakoutActions } from '../../hooks/use-breakout-actions';
import { ActionButton } from '../shared/ActionButton';
import { NextRoundButton } from '../shared/NextRoundButton';
import { ScreenHeader } from '../shared/Screen';
import { GatherResults } from './GatherResults';
import { ReportBackPanel } from './ReportBackPanel';
import { roomOutcomes } from './room-outcomes';

const headline = (plan: Plan | null) => {
  if (!plan) return '';
  const rooms = roomOutcomes(plan);
  const came = rooms.reduce((sum, room) => sum + room.attended.length, 0);
  const placed = plan.people.filter((person) => person.roomId !== null).length;
  const ran =
    plan.startedAt !== null && plan.endedAt !== null
      ? `Ran ${formatDuration(Math.max(0, plan.endedAt - plan.startedAt))} · `
      : '';
  return `${ran}${came} of ${placed} joined`;
};

const rotationOf = (plan: Plan | null) => plan?.rotation ?? null;

/**
 * The facilitator's panel once the breakout has ended: the header keeps the phase's one primary
 * action where Start and End breakout were (Run again, or a rotation's next round), and the body
 * is gathering the rooms' results, then the report-back over one compact summary per room.
 */
export function AfterTheBreakout() {
  const { runAgain } = useBreakoutActions();
  const status = usePlanValue(headline);
  const rotation = usePlanValue(rotationOf);
  const again = useCallback(() => void runAgain(), [runAgain]);
  const nextRound = rotation !== null && rotation.next < rotation.rounds.length;
  return (
    <>
      <ScreenHeader
        title="Breakout ended"
        status={<p className="header-status figure">{status}</p>}
      >
        <div className="header-actions">
          {nextRound && rotation ? (
            <NextRoundButton rotation={rotation} small />
          ) : (
            <ActionButton small variant="primary" onClick={again}>
              Run again
            </ActionButton>
          )}
        </div>
      </ScreenHeader>
      <div className="panel-body">
        <GatherResults />
        <ReportBackPanel />
        {rotation && !nextRound && <NextRoundButton rotation={rotation} />}
        {nextRound && (
          <ActionButton small variant="tertiary" onClick={again}>
            Run again with these rooms instead
          </ActionButton>
        )}
      </div>
    </>
  );
}
