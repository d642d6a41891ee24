import { memo, useCallback } from 'react';
import { isHelpOnTheWay } from '../../domain/facilitation';
import type { Plan } from '../../domain/plan';
import { helpQueue } from '../../domain/selectors';
import { usePlanValue } from '../../hooks/plan-store';
import type { OnlineUserInfo } from '../../sdk/surface';
import { HelpRow } from './HelpRow';

type Props = { onlineUsers: readonly OnlineUserInfo[] };

type Entry = {
  personId: string;
  name: string;
  roomName: string | null;
  roomId: string | null;
  at: number;
  onTheWay: boolean;
};

// Compared by content: a join elsewhere in the plan leaves the queue (and this list) untouched.
const sameQueue = (a: readonly Entry[], b: readonly Entry[]) =>
  a.length === b.length &&
  a.every((entry, index) => {
    const other = b[index];
    return (
      other !== undefined &&
      entry.personId === other.personId &&
      entry.name === other.name &&
      entry.roomName === other.roomName &&
      entry.roomId === other.roomId &&
      entry.at === other.at &&
      entry.onTheWay === other.onTheWay
    );
  });

/** Open help requests, oldest first, each with "Done". */
export const HelpQueue = memo(function HelpQueue({ onlineUsers }: Props) {
  const select = useCallback(
    (plan: Plan | null): Entry[] => {
      if (!plan || plan.helpRequests.length === 0) return [];
      return helpQueue(plan, onlineUsers).map(({ personId, name, room, at }) => ({
        personId,
        name,
        roomName: room?.name ?? null,
        roomId: room?.id ?? null,
        at,
        onTheWay: isHelpOnTheWay(plan, personId),
      }));
    },
    [onlineUsers],
  );
  const queue = usePlanValue(select, sameQueue);
  return (
    <section aria-labelledby="help-heading" className="section">
      <h2 className="h4" id="help-heading">
        Help requests
      </h2>
      {queue.length === 0 ? (
        <p>Nobody has asked for help.</p>
      ) : (
        <ul aria-labelledby="help-heading" className="plain-list">
          {queue.map((entry) => (
            <HelpRow
              key={entry.personId}
              personId={entry.personId}
              name={entry.name}
              roomName={entry.roomName}
              roomId={entry.roomId}
              at={entry.at}
              onTheWay={entry.onTheWay}
            />
          ))}
        </ul>
      )}
    </section>
  );
});
