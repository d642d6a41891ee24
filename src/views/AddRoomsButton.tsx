import { useCallback } from 'react';
import type { FrameInfo } from '../domain/actions';
import { useRunCommand } from '../hooks/use-commands';
import type { FrameRef } from '../sdk/surface';
import { ActionButton } from './ActionButton';

type Props = { frames: readonly FrameRef[]; anySelected: boolean };

/** Turns the frames selected on the board (and not rooms yet) into rooms. */
export function AddRoomsButton({ frames, anySelected }: Props) {
  const run = useRunCommand();
  const add = useCallback(() => {
    const infos: FrameInfo[] = frames.map(({ id, title, x, y, width, height }) => ({
      id,
      title,
      x,
      y,
      width,
      height,
    }));
    void run({ type: 'edit', actions: [{ type: 'roomsAdded', frames: infos }] });
  }, [run, frames]);
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
