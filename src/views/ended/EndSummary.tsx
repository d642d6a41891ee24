import { useCallback, useMemo } from 'react';
import { endSummary } from '../../domain/selectors';
import { usePlan } from '../../hooks/plan-store';
import { useBreakoutActions } from '../../hooks/use-breakout-actions';
import { ActionButton } from '../shared/ActionButton';

const names = (people: readonly { name: string }[]) =>
  people.map((person) => person.name).join(', ');

/** After the end: who was in which room, who never joined, and a rerun with the same rooms. */
export function EndSummary() {
  const breakout = useBreakoutActions();
  const plan = usePlan();
  const summary = useMemo(() => (plan ? endSummary(plan) : []), [plan]);
  const runAgain = useCallback(() => void breakout.runAgain(), [breakout]);
  return (
    <section aria-labelledby="summary-heading" className="section">
      <h2 className="h4" id="summary-heading">
        The breakout has ended
      </h2>
      {summary.map(({ room, joined, neverJoined }) => (
        <div key={room.id} className="room-status">
          <h3 className="h4">{room.name}</h3>
          <p>{joined.length > 0 ? `Joined: ${names(joined)}` : 'Nobody joined.'}</p>
          {neverJoined.length > 0 && <p>Never joined: {names(neverJoined)}</p>}
        </div>
      ))}
      <ActionButton variant="primary" onClick={runAgain}>
        Run again with these rooms
      </ActionButton>
    </section>
  );
}
