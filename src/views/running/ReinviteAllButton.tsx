import { memo, useCallback } from 'react';
import type { Plan } from '../../domain/plan';
import { notJoined } from '../../domain/selectors';
import { sameItems, usePlanValue } from '../../hooks/plan-store';
import { useCommandStatus } from '../../hooks/use-commands';
import { usePeopleActions } from '../../hooks/use-room-actions';

type Props = { onlineIds: ReadonlySet<string> };

/** Invites again, in one go, everyone online who has a room but is not in it. */
export const ReinviteAllButton = memo(function ReinviteAllButton({ onlineIds }: Props) {
  const { inviteAgain } = usePeopleActions();
  const select = useCallback(
    (plan: Plan | null): string[] => {
      if (!plan) return [];
      return notJoined(plan)
        .filter((person) => onlineIds.has(person.id) && person.id !== plan.facilitator.id)
        .map((person) => person.id);
    },
    [onlineIds],
  );
  const ids = usePlanValue(select, sameItems);
  const { busy } = useCommandStatus();
  const inviteAll = useCallback(() => void inviteAgain(ids), [inviteAgain, ids]);
  if (ids.length === 0) return <p className="status-text">Everyone online is in their room.</p>;
  // A plain button rather than ActionButton: its count changes with every join, and one
  // component fewer re-rendering per join is what keeps 500-person breakouts smooth.
  return (
    <button type="button" className="button button-secondary" disabled={busy} onClick={inviteAll}>
      {`Invite again everyone who has not joined (${ids.length})`}
    </button>
  );
});
