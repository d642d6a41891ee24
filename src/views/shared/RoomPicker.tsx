import { type ChangeEvent, memo, useCallback } from 'react';
import type { RoomOption } from './room-options';

type Props = {
  personName: string;
  roomId: string | null;
  rooms: readonly RoomOption[];
  onPick: (roomId: string | null) => void;
  /** Label of the "no room" choice; without it a room must be chosen. */
  noneLabel?: string;
  /** Escape pressed on the picker: the choice is dropped. */
  onEscape?: () => void;
};

/**
 * Which room one person is in: a native select, so it is keyboard and screen reader friendly.
 * Memoized: a row re-rendering for a status change leaves its (unchanged) picker alone.
 */
export const RoomPicker = memo(function RoomPicker({
  personName,
  roomId,
  rooms,
  onPick,
  noneLabel = 'No room',
  onEscape,
}: Props) {
  const change = useCallback(
    (event: ChangeEvent<HTMLSelectElement>) => onPick(event.target.value || null),
    [onPick],
  );
  return (
    <select
      className="select select-small"
      aria-label={`Room for ${personName}`}
      value={roomId ?? ''}
      onChange={change}
      onKeyDown={
        onEscape &&
        ((event) => {
          if (event.key === 'Escape') onEscape();
        })
      }
    >
      <option value="">{noneLabel}</option>
      {rooms.map((room) => (
        <option key={room.id} value={room.id}>
          {room.name}
        </option>
      ))}
    </select>
  );
});
