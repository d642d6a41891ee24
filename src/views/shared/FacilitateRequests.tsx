import { memo, useCallback, useState } from 'react';
import type { Plan } from '../../domain/plan';
import { usePlanValue } from '../../hooks/plan-store';
import { useCoFacilitationActions } from '../../hooks/use-co-facilitation';
import type { OnlineUserInfo } from '../../sdk/surface';
import { clockTime } from './format-time';

type Props = { onlineUsers: readonly OnlineUserInfo[] };

type Ask = { personId: string; at: number };
const NO_ASKS: readonly Ask[] = [];
const asksOf = (plan: Plan | null) => plan?.coFacilitation.asks ?? NO_ASKS;

/**
 * Requests to facilitate, pinned near the help requests while there are any, each with Allow
 * and Deny. Names are Miro's, by id: someone no longer online is not shown (their request waits).
 */
export const FacilitateRequests = memo(function FacilitateRequests({ onlineUsers }: Props) {
  const asks = usePlanValue(asksOf);
  const { answer } = useCoFacilitationActions();
  const [problem, setProblem] = useState<string | null>(null);
  const reply = useCallback(
    async (personId: string, allow: boolean) => {
      const result = await answer(personId, allow);
      setProblem(result.ok ? null : result.message);
    },
    [answer],
  );
  const shown = asks.flatMap((ask) => {
    const user = onlineUsers.find((candidate) => candidate.id === ask.personId);
    return user ? [{ ...ask, name: user.name }] : [];
  });
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="facilitate-requests-heading" className="card help-queue">
      <h2 className="card-title" id="facilitate-requests-heading">
        <span className="icon icon-user" aria-hidden="true" />
        Asks to facilitate
      </h2>
      {problem && <p role="alert">{problem}</p>}
      <ul aria-labelledby="facilitate-requests-heading" className="plain-list">
        {shown.map((ask) => (
          <li key={ask.personId} className="help-row">
            <span>
              {ask.name} <span className="p-small figure">{clockTime(ask.at)}</span>
            </span>
            <span className="row-actions">
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => void reply(ask.personId, true)}
                aria-label={`Allow ${ask.name} to take over`}
              >
                Allow
              </button>
              <button
                type="button"
                className="button button-tertiary button-small"
                onClick={() => void reply(ask.personId, false)}
                aria-label={`Deny ${ask.name}’s request`}
              >
                Deny
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
});
