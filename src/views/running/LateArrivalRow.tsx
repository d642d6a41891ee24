import { memo, useCallback, useState } from 'react';
import { usePeopleActions } from '../../hooks/use-room-actions';
import { CommandIconButton } from '../shared/IconButton';
import { RoomPicker } from '../shared/RoomPicker';
import type { RoomOption } from '../shared/room-options';

type Props = { id: string; name: string; rooms: readonly RoomOption[] };

/** Someone online in no room during the breakout: choose a room, then "Assign and invite". */
export const LateArrivalRow = memo(function LateArrivalRow({ id, name, rooms }: Props) {
  const { placeAndInvite } = usePeopleActions();
  const [roomId, setRoomId] = useState<string | null>(null);
  const invite = useCallback(() => {
    if (roomId !== null) void placeAndInvite({ id, name }, roomId);
  }, [placeAndInvite, id, name, roomId]);
  return (
    <li className="person-row">
      <span className="person-name" title={name}>
        {name}
      </span>
      <span className="row-actions">
        <RoomPicker
          personName={name}
          roomId={roomId}
          rooms={rooms}
          onPick={setRoomId}
          noneLabel="Choose a room"
        />
        <CommandIconButton
          icon="invitation"
          label={`Assign ${name} and invite`}
          disabled={roomId === null}
          disabledReason="Choose a room first"
          onClick={invite}
        />
      </span>
    </li>
  );
});
