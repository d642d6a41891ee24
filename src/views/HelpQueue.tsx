import { memo, useCallback, useMemo } from 'react';
import { goodPlanOf, type PlanSnapshot } from '../controller/plan-reader';
import type { HelpRequest, Plan } from '../domain/plan';
import { helpQueue } from '../domain/selectors';
import { usePlanSelector } from '../hooks/plan-store';
import { useRunCommand } from '../hooks/use-commands';
import type { OnlineUserInfo } from '../sdk/surface';
import { ActionButton } from './ActionButton';

type Props = { onlineUsers: readonly OnlineUserInfo[] };

const NONE: HelpRequest[] = [];
// The queue changes only with help requests (and names), not when people join.
const requestsOf = (snapshot: PlanSnapshot) => goodPlanOf(snapshot)?.helpRequests ?? NONE;

/** Open help requests, oldest first, each with "Done". */
export const HelpQueue = memo(function HelpQueue({ onlineUsers }: Props) {
  const requests = usePlanSelector(requestsOf);
  const planFor = usePlanSelector(goodPlanOf, (a, b) => a?.helpRequests === b?.helpRequests && a?.rooms === b?.rooms);
  const queue = useMemo(
    () => (planFor ? helpQueue({ ...planFor, helpRequests: requests } as Plan, onlineUsers) : []),
    [planFor, requests, onlineUsers],
  );
  return (
    <section aria-labelledby="help-heading" className="section">
      <h2 className="h4" id="help-heading">
        Help requests
      </h2>
      {queue.length === 0 ? (
        <p>Nobody has asked for help.</p>
      ) : (
        <ul aria-labelledby="help-heading" className="plain-list">
          {queue.map((request) => (
            <HelpRow
              key={request.personId}
              personId={request.personId}
              name={request.name}
              roomName={request.room?.name ?? null}
            />
          ))}
        </ul>
      )}
    </section>
  );
});

type RowProps = { personId: string; name: string; roomName: string | null };

const HelpRow = memo(function HelpRow({ personId, name, roomName }: RowProps) {
  const run = useRunCommand();
  const done = useCallback(() => void run({ type: 'resolveHelp', personId }), [run, personId]);
  return (
    <li className="person-row">
      <span className="person-name">
        {name}
        {roomName !== null && <span className="status-text"> in {roomName}</span>}
      </span>
      <ActionButton small onClick={done} aria-label={`Done helping ${name}`}>
        Done
      </ActionButton>
    </li>
  );
});
