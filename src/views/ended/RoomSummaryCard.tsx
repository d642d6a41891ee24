import { memo } from 'react';
import { RoomWorkLine } from './RoomWorkLine';
import type { RoomOutcome } from './room-outcomes';

type Props = { outcome: RoomOutcome; current: boolean };

const names = (people: readonly { name: string }[]) => people.map((p) => p.name).join(', ');

/**
 * One room after the breakout, compact: who came, for how long, who never joined and why, and
 * what the room added to its frame.
 */
export const RoomSummaryCard = memo(function RoomSummaryCard({ outcome, current }: Props) {
  const { attended, declined, neverAnswered, notInvited } = outcome;
  return (
    <li className={current ? 'card summary-card summary-current' : 'card summary-card'}>
      <div className="summary-head">
        <h3 className="room-name" aria-current={current ? 'step' : undefined}>
          {outcome.roomName}
        </h3>
        {current && <span className="tag status-tag status-invited">Reporting now</span>}
        <span className="p-small status-text figure summary-meta">
          {outcome.durationText ?? 'Duration unknown'} · {outcome.itemsText ?? 'Items not counted'}
        </span>
      </div>
      <p className="p-small">
        {attended.length > 0 ? `Joined: ${names(attended)}` : 'Nobody joined.'}
      </p>
      {declined.length > 0 && <p className="p-small">Declined: {names(declined)}</p>}
      {neverAnswered.length > 0 && (
        <p className="p-small">Never answered: {names(neverAnswered)}</p>
      )}
      {notInvited.length > 0 && <p className="p-small">Not invited: {names(notInvited)}</p>}
      <RoomWorkLine roomId={outcome.roomId} />
    </li>
  );
});
