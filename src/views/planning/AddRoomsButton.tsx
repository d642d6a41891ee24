import { useCallback } from 'react';
import { usePlanEdits } from '../../hooks/use-plan-edits';
import type { FrameRef } from '../../sdk/surface';
import { ActionButton } from '../shared/ActionButton';

type Props = { frames: readonly FrameRef[]; anySelected: boolean };

/** Selected frames named in the hint; more are counted. */
const NAMED = 3;

const titleOf = (frame: FrameRef) => frame.title || 'Untitled frame';

/** Turns the frames selected on the board (and not rooms yet) into rooms, naming them first. */
export function AddRoomsButton({ frames, anySelected }: Props) {
  const { addRooms } = usePlanEdits();
  const add = useCallback(() => void addRooms(frames), [addRooms, frames]);
  const count = frames.length;
  const named = frames.slice(0, NAMED).map(titleOf).join(', ');
  const hint =
    count > 0
      ? `Selected on the board: ${named}${count > NAMED ? ` and ${count - NAMED} more` : ''}`
      : anySelected
        ? 'The selected frames are rooms already.'
        : 'Select frames on the board to add them as rooms.';
  return (
    <div className="add-rooms">
      <ActionButton small disabled={count === 0} onClick={add}>
        <span className="icon icon-plus" aria-hidden="true" />
        {count === 0
          ? 'Add selected frames as rooms'
          : count === 1
            ? 'Add 1 selected frame as a room'
            : `Add ${count} selected frames as rooms`}
      </ActionButton>
      <p className="p-small status-text">{hint}</p>
    </div>
  );
}
