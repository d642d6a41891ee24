import { memo, useCallback } from 'react';
import type { DisplayStatus } from '../domain/selectors';
import { useRunCommand } from '../hooks/use-commands';
import { ActionButton } from './ActionButton';
import { RoomPicker } from './RoomPicker';
import type { RoomOption } from './room-options';
import { CAN_INVITE_AGAIN, STATUS_TEXT } from './status-text';

type Props = {
  id: string;
  name: string;
  roomId: string | null;
  display: DisplayStatus;
  rooms: readonly RoomOption[];
};

/** One person while running: status in words, "Invite again", and a move to another room. */
export const StatusRow = memo(function StatusRow({ id, name, roomId, display, rooms }: Props) {
  const run = useRunCommand();
  const inviteAgain = useCallback(() => void run({ type: 'reinvite', personIds: [id] }), [run, id]);
  const move = useCallback(
    (next: string | null) => {
      if (next === null) {
        void run({
          type: 'edit',
          actions: [{ type: 'personAssigned', person: { id, name }, roomId: null }],
        });
      } else {
        // A move while running: refused for closed or locked rooms; their app leaves the old room.
        void run({ type: 'movePerson', person: { id, name }, roomId: next });
      }
    },
    [run, id, name],
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
