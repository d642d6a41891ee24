import { memo, useCallback } from 'react';
import type { DisplayStatus } from '../../domain/selectors';
import { usePeopleActions } from '../../hooks/use-room-actions';
import { ActionButton } from '../shared/ActionButton';
import { RoomPicker } from '../shared/RoomPicker';
import type { RoomOption } from '../shared/room-options';
import { CAN_INVITE_AGAIN, STATUS_TEXT } from '../shared/status-text';

type Props = {
  id: string;
  name: string;
  roomId: string | null;
  display: DisplayStatus;
  rooms: readonly RoomOption[];
};

/** One person while running: status in words, "Invite again", and a move to another room. */
export const StatusRow = memo(function StatusRow({ id, name, roomId, display, rooms }: Props) {
  const people = usePeopleActions();
  const inviteAgain = useCallback(() => void people.inviteAgain([id]), [people, id]);
  const move = useCallback(
    (next: string | null) => void people.moveTo({ id, name }, next),
    [people, id, name],
  );
  return (
    <li className="person-row">
      <span className="person-name">
        {name}
        <span className={`status-text status-${display}`}> · {STATUS_TEXT[display]}</span>
      </span>
      <span className="row-actions">
        {CAN_INVITE_AGAIN.has(display) && (
          <ActionButton small onClick={inviteAgain} aria-label={`Invite ${name} again`}>
            Invite again
          </ActionButton>
        )}
        <RoomPicker personName={name} roomId={roomId} rooms={rooms} onPick={move} />
      </span>
    </li>
  );
});
