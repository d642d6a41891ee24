import { memo, useCallback } from 'react';
import { useRunCommand } from '../hooks/use-commands';
import { RoomPicker } from './RoomPicker';
import type { RoomOption } from './room-options';

type Props = {
  id: string;
  name: string;
  roomId: string | null;
  online: boolean;
  rooms: readonly RoomOption[];
};

/** One person while planning: their room, changed in one step (a move is one action). */
export const PersonRow = memo(function PersonRow({ id, name, roomId, online, rooms }: Props) {
  const run = useRunCommand();
  const pick = useCallback(
    (next: string | null) =>
      void run({
        type: 'edit',
        actions: [{ type: 'personAssigned', person: { id, name }, roomId: next }],
      }),
    [run, id, name],
  );
  return (
    <li className="person-row">
      <span className="person-name">
        {name}
        {!online && <span className="status-text"> (offline)</span>}
      </span>
      <RoomPicker personName={name} roomId={roomId} rooms={rooms} onPick={pick} />
    </li>
  );
});
