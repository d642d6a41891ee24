import { memo, useCallback } from 'react';
import type { Plan } from '../../domain/plan';
import { notJoined } from '../../domain/selectors';
import { sameFields, usePlanValue } from '../../hooks/plan-store';
import { useCommandStatus } from '../../hooks/use-commands';
import { usePeopleActions } from '../../hooks/use-room-actions';

type Props = { onlineIds: ReadonlySet<string> };

type Slice = { joined: number; placed: number; toInvite: string };

/**
 * "12 of 15 joined", and one click to invite again everyone online who has a room but is not in
 * it. One component for both: a join changes both numbers, and one component fewer re-rendering
 * per join is what keeps 500-person breakouts smooth (hence plain buttons, not ActionButton).
 */
export const JoinProgress = memo(function JoinProgress({ onlineIds }: Props) {
  const { inviteAgain } = usePeopleActions();
  const { busy } = useCommandStatus();
  const select = useCallback(
    (plan: Plan | null): Slice => {
      if (!plan) return { joined: 0, placed: 0, toInvite: '' };
      const placed = plan.people.filter((person) => person.roomId !== null);
      const ids = notJoined(plan)
        .filter((person) => onlineIds.has(person.id) && person.id !== plan.facilitator.id)
        .map((person) => person.id);
      return {
        joined: placed.filter((person) => person.status === 'joined').length,
        placed: placed.length,
        // Joined into one string: compared by value, so an unchanged list re-renders nothing.
        toInvite: ids.join('\n'),
      };
    },
    [onlineIds],
  );
  const { joined, placed, toInvite } = usePlanValue(select, sameFields);
  const ids = toInvite === '' ? [] : toInvite.split('\n');
  const inviteAll = useCallback(() => void inviteAgain(ids), [inviteAgain, ids]);
  return (
    <p className="header-status">
      <span className="figure">
        {joined} of {placed}
      </span>{' '}
      joined
      {ids.length > 0 && (
        <>
          {' · '}
          <button
            type="button"
            className="link-button"
            disabled={busy}
            aria-label={`Invite again everyone who has not joined (${ids.length})`}
            title="Everyone online who has a room but is not in it gets a new invitation"
            onClick={inviteAll}
          >
            Invite {ids.length} again
          </button>
        </>
      )}
    </p>
  );
});
