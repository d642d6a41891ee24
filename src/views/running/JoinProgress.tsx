import { memo } from 'react';
import type { Plan } from '../../domain/plan';
import { sameFields, usePlanValue } from '../../hooks/plan-store';

type Slice = { joined: number; placed: number };

function progressOf(plan: Plan | null): Slice {
  if (!plan) return { joined: 0, placed: 0 };
  const placed = plan.people.filter((person) => person.roomId !== null);
  return {
    joined: placed.filter((person) => person.status === 'joined').length,
    placed: placed.length,
  };
}

/**
 * "12 of 15 joined" for the whole breakout. Invitations again are offered in each room's card,
 * beside the people they concern.
 */
export const JoinProgress = memo(function JoinProgress() {
  const { joined, placed } = usePlanValue(progressOf, sameFields);
  return (
    <p className="header-status">
      <span className="figure">
        {joined} of {placed}
      </span>{' '}
      joined
    </p>
  );
});
