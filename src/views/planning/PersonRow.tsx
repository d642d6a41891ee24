import { memo, useCallback } from 'react';
import { usePlanEdits } from '../../hooks/use-plan-edits';
import { RoomPicker } from '../shared/RoomPicker';
import type { RoomOption } from '../shared/room-options';
import { statusTag } from '../shared/status-tag';

type Props = {
  id: string;
  name: string;
  roomId: string | null;
  online: boolean;
  rooms: readonly RoomOption[];
};

/** One person while planning: their room, changed in one step (a move is one action). */
export const PersonRow = memo(function PersonRow({ id, name, roomId, online, rooms }: Props) {
  const { assign } = usePlanEdits();
  const pick = useCallback(
    (next: string | null) => void assign({ id, name }, next),
    [assign, id, name],
  );
  return (
    <li className="person-row">
      <span className="person-name" title={name}>
        {name}
      </span>
      {!online && statusTag('offline')}
      <RoomPicker personName={name} roomId={roomId} rooms={rooms} onPick={pick} />
    </li>
  );
});
