import { useCallback } from 'react';
import { usePlanEdits } from '../../hooks/use-plan-edits';
import type { FrameRef } from '../../sdk/surface';
import { ActionButton } from '../shared/ActionButton';

type Props = { frames: readonly FrameRef[]; anySelected: boolean };

/** Turns the frames selected on the board (and not rooms yet) into rooms. */
export function AddRoomsButton({ frames, anySelected }: Props) {
  const { addRooms } = usePlanEdits();
  const add = useCallback(() => void addRooms(frames), [addRooms, frames]);
  const count = frames.length;
  const hint =
    count > 0
      ? null
      : anySelected
        ? 'The selected frames are rooms already.'
        : 'Select frames on the board to add them as rooms.';
  return (
    <div className="form-group">
      <ActionButton variant="primary" disabled={count === 0} onClick={add}>
        {count === 0
          ? 'Add selected frames as rooms'
          : count === 1
            ? 'Add 1 selected frame as a room'
            : `Add ${count} selected frames as rooms`}
      </ActionButton>
      {hint && <p className="hint">{hint}</p>}
    </div>
  );
}
