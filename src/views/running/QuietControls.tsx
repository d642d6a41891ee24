import { useCallback, useEffect, useId, useState } from 'react';
import { useAnyoneInRooms, useQuietAfterMinutes } from '../../hooks/use-room-activity';
import { useRoomsActions } from '../../hooks/use-rooms-work';
import '../shared/rooms-work.css';

type Props = { quietFirst: boolean; onQuietFirst: (on: boolean) => void };

/**
 * When a room counts as quiet (minutes without a change while people are in it), and whether
 * quiet rooms come first; in the running screen's toolbar once someone is in a room.
 */
export function QuietControls({ quietFirst, onQuietFirst }: Props) {
  const id = useId();
  const held = useQuietAfterMinutes();
  const anyoneIn = useAnyoneInRooms();
  const { setQuietAfter } = useRoomsActions();
  const [typed, setTyped] = useState('');
  useEffect(() => {
    if (held !== null) setTyped(String(held));
  }, [held]);
  const minutes = Number(typed);
  const valid = Number.isInteger(minutes) && minutes >= 1 && minutes <= 120;
  const save = useCallback(() => {
    if (valid && minutes !== held) void setQuietAfter(minutes);
  }, [valid, minutes, held, setQuietAfter]);
  // Only a room with people in it can be quiet: until someone joins, the controls would be noise.
  if (held === null || !anyoneIn) return null;
  return (
    <div className="quiet-controls">
      <label className="p-small" htmlFor={`${id}-after`}>
        Quiet after (min)
      </label>
      <input
        id={`${id}-after`}
        className="input input-small"
        type="number"
        min={1}
        max={120}
        step={1}
        value={typed}
        aria-invalid={!valid}
        onChange={(event) => setTyped(event.target.value)}
        onBlur={save}
        onKeyDown={(event) => {
          if (event.key === 'Enter') save();
        }}
      />
      <label className="toggle">
        <input
          type="checkbox"
          checked={quietFirst}
          onChange={(event) => onQuietFirst(event.target.checked)}
        />
        <span className="p-small">Quiet rooms first</span>
      </label>
      {!valid && <p className="field-error p-small">From 1 to 120 minutes.</p>}
    </div>
  );
}
