import { memo, useCallback } from 'react';
import { goodPlanOf, type PlanSnapshot } from '../controller/plan-reader';
import { notJoined } from '../domain/selectors';
import { sameItems, usePlanSelector } from '../hooks/plan-store';
import { useCommandStatus, useRunCommand } from '../hooks/use-commands';

type Props = { onlineIds: ReadonlySet<string> };

/** Invites again, in one go, everyone online who has a room but is not in it. */
export const ReinviteAllButton = memo(function ReinviteAllButton({ onlineIds }: Props) {
  const run = useRunCommand();
  const select = useCallback(
    (snapshot: PlanSnapshot): string[] => {
      const plan = goodPlanOf(snapshot);
      if (!plan) return [];
      return notJoined(plan)
        .filter((person) => onlineIds.has(person.id) && person.id !== plan.facilitator.id)
        .map((person) => person.id);
    },
    [onlineIds],
  );
  const ids = usePlanSelector(select, sameItems);
  const { busy } = useCommandStatus();
  const inviteAll = useCallback(() => void run({ type: 'reinvite', personIds: ids }), [run, ids]);
  if (ids.length === 0) return <p className="status-text">Everyone online is in their room.</p>;
  // A plain button rather than ActionButton: its count changes with every join, and one
  // component fewer re-rendering per join is what keeps 500-person breakouts smooth.
  return (
    <button type="button" className="button button-secondary" disabled={busy} onClick={inviteAll}>
      {`Invite again everyone who has not joined (${ids.length})`}
    </button>
  );
});
