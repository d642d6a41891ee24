import { memo, useCallback, useState } from 'react';
import { useRunCommand } from '../hooks/use-commands';
import { ActionButton } from './ActionButton';
import { RoomPicker } from './RoomPicker';
import type { RoomOption } from './room-options';

type Props = { id: string; name: string; rooms: readonly RoomOption[] };

/** Someone online in no room during the breakout: choose a room, then "Assign and invite". */
export const LateArrivalRow = memo(function LateArrivalRow({ id, name, rooms }: Props) {
  const run = useRunCommand();
  const [roomId, setRoomId] = useState<string | null>(null);
  const invite = useCallback(() => {
    if (roomId !== null) void run({ type: 'assignAndInvite', person: { id, name }, roomId });
  }, [run, id, name, roomId]);
  return (
    <li className="person-row">
      <span className="person-name">
        {name}
        <span className="status-text"> · Not in a room</span>
      </span>
      <span className="row-actions">
        <RoomPicker
          personName={name}
          roomId={roomId}
          rooms={rooms}
          onPick={setRoomId}
          noneLabel="Choose a room"
        />
        <ActionButton
          small
          disabled={roomId === null}
          onClick={invite}
          aria-label={`Assign ${name} and invite`}
        >
          Assign and invite
        </ActionButton>
      </span>
    </li>
  );
});
