import { memo } from 'react';
import type { RoomSummaryView } from '../../domain/planning/report-back';

type Props = { summary: RoomSummaryView; current: boolean };

const names = (people: readonly { name: string }[]) => people.map((p) => p.name).join(', ');

/** One room after the breakout: who was there, for how long, what they added to the frame. */
export const RoomSummaryCard = memo(function RoomSummaryCard({ summary, current }: Props) {
  return (
    <li className="room-status" aria-current={current ? 'step' : undefined}>
      <h4 className="h4">
        {summary.roomName}
        {current ? ' (reporting now)' : ''}
      </h4>
      <p>{summary.attended.length > 0 ? `With: ${names(summary.attended)}` : 'Nobody joined.'}</p>
      {summary.absent.length > 0 && <p>Did not come: {names(summary.absent)}</p>}
      <p>
        {summary.durationText === null ? 'Duration unknown' : `For ${summary.durationText}`} ·{' '}
        {summary.itemsText ?? 'Items not counted'}
      </p>
    </li>
  );
});
