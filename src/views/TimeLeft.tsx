import { goodPlanOf, type PlanSnapshot } from '../controller/plan-reader';
import { formatRemaining } from '../domain/text';
import { usePlanSelector } from '../hooks/plan-store';
import { useNow } from '../hooks/use-now';

const endsAtOf = (snapshot: PlanSnapshot) => {
  const plan = goodPlanOf(snapshot);
  return plan?.phase === 'running' || plan?.phase === 'starting' ? plan.endsAt : null;
};

/** The countdown: the only part of the panel that re-renders every second. */
export function TimeLeft() {
  const endsAt = usePlanSelector(endsAtOf);
  const now = useNow(endsAt !== null);
  if (endsAt === null) return <p className="time-left">No time limit</p>;
  return (
    <p className="time-left">
      Time left: <strong>{formatRemaining(Math.max(0, endsAt - now))}</strong>
    </p>
  );
}
