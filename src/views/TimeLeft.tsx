import { goodPlanOf, type PlanSnapshot } from '../controller/plan-reader';
import { formatRemaining } from '../domain/text';
import { sameFields, usePlanSelector } from '../hooks/plan-store';
import { useNow } from '../hooks/use-now';

type Clock = { endsAt: number | null; pausedAt: number | null; warningMs: number };

const clockOf = (snapshot: PlanSnapshot): Clock => {
  const plan = goodPlanOf(snapshot);
  const live = plan?.phase === 'running' || plan?.phase === 'starting';
  return {
    endsAt: live ? (plan?.endsAt ?? null) : null,
    pausedAt: plan?.facilitation.pausedAt ?? null,
    warningMs: plan?.facilitation.warningMs ?? 0,
  };
};

/** The countdown: the only part of the panel that re-renders every second. */
export function TimeLeft() {
  const { endsAt, pausedAt, warningMs } = usePlanSelector(clockOf, sameFields);
  // A paused countdown does not tick: nothing here changes until it resumes.
  const now = useNow(endsAt !== null && pausedAt === null);
  if (endsAt === null) return <p className="time-left">No time limit</p>;
  const left = Math.max(0, endsAt - (pausedAt ?? now));
  const closingSoon = pausedAt === null && left > 0 && left <= warningMs;
  return (
    <>
      <p className="time-left">
        Time left: <strong>{formatRemaining(left)}</strong>
        {pausedAt !== null && ' (paused)'}
      </p>
      {closingSoon && <p className="warning">Rooms close soon. Time to wrap up.</p>}
    </>
  );
}
