import { memo, useCallback, useState } from 'react';
import { isHelpOnTheWay } from '../../domain/facilitation';
import type { Plan } from '../../domain/plan';
import { helpQueue } from '../../domain/selectors';
import { usePlanValue } from '../../hooks/plan-store';
import { useHelpActions } from '../../hooks/use-room-actions';
import type { OnlineUserInfo } from '../../sdk/surface';
import { HelpRow } from './HelpRow';

type Props = { onlineUsers: readonly OnlineUserInfo[] };

/** The list's heading, which the header's help badge brings into view. */
export const HELP_HEADING_ID = 'help-requests-heading';

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

/** Open help requests, oldest first, pinned above the rooms while there are any. */
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
  const { clearAll } = useHelpActions();
  const [clearing, setClearing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const onClearAll = useCallback(async () => {
    setClearing(true);
    const result = await clearAll();
    setClearing(false);
    setProblem(result.ok ? null : result.message);
  }, [clearAll]);
  if (queue.length === 0) return null;
  return (
    <section aria-labelledby={HELP_HEADING_ID} className="card help-queue">
      <h2 className="card-title" id={HELP_HEADING_ID} tabIndex={-1}>
        <span className="icon icon-help" aria-hidden="true" />
        Help requests
        <span className="count-badge" aria-hidden="true">
          {queue.length}
        </span>
      </h2>
      {queue.length > 1 && (
        <button
          type="button"
          className="button button-tertiary button-small"
          disabled={clearing}
          onClick={onClearAll}
        >
          Clear all
        </button>
      )}
      {problem && <p role="alert">{problem}</p>}
      <ul aria-labelledby={HELP_HEADING_ID} className="plain-list">
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
    </section>
  );
});
