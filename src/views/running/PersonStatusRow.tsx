import { memo, useCallback, useEffect, useRef, useState } from 'react';
import type { DisplayStatus } from '../../domain/selectors';
import { usePeopleActions } from '../../hooks/use-room-actions';
import { CommandIconButton, IconButton } from '../shared/IconButton';
import { RoomPicker } from '../shared/RoomPicker';
import type { RoomOption } from '../shared/room-options';
import { statusTag } from '../shared/status-tag';

type Props = {
  id: string;
  name: string;
  roomId: string | null;
  display: DisplayStatus;
  /** Declined, let the invitation lapse, left, or has not answered in a minute. */
  canInviteAgain: boolean;
  rooms: readonly RoomOption[];
};

/**
 * One person while rooms run, on one line: name, status tag, "Invite again" where it means something, and
 * a move to another room behind one button (the room picker replaces the row's end until a room
 * is picked or Escape is pressed).
 */
export const PersonStatusRow = memo(function PersonStatusRow({
  id,
  name,
  roomId,
  display,
  canInviteAgain,
  rooms,
}: Props) {
  const people = usePeopleActions();
  const [moving, setMoving] = useState(false);
  const picker = useRef<HTMLDivElement>(null);
  const inviteAgain = useCallback(() => void people.inviteAgain([id]), [people, id]);
  const startMoving = useCallback(() => setMoving(true), []);
  const stopMoving = useCallback(() => setMoving(false), []);
  const move = useCallback(
    (next: string | null) => {
      setMoving(false);
      if (next !== roomId) void people.moveTo({ id, name }, next);
    },
    [people, id, name, roomId],
  );
  useEffect(() => {
    if (moving) picker.current?.querySelector('select')?.focus();
  }, [moving]);
  return (
    <li className="person-row">
      <span className="person-name" title={name}>
        {name}
      </span>
      {moving ? (
        <span ref={picker} className="row-actions">
          <RoomPicker
            personName={name}
            roomId={roomId}
            rooms={rooms}
            onPick={move}
            onEscape={stopMoving}
          />
          <IconButton icon="close" label={`Keep ${name} here`} onClick={stopMoving} />
        </span>
      ) : (
        <span className="row-actions">
          {statusTag(display)}
          {canInviteAgain && (
            <CommandIconButton
              icon="invitation"
              label={`Invite ${name} again`}
              onClick={inviteAgain}
            />
          )}
          {display !== 'returned' && (
            <IconButton
              icon="arrows-right"
              label={`Move ${name} to another room`}
              onClick={startMoving}
            />
          )}
        </span>
      )}
    </li>
  );
});
