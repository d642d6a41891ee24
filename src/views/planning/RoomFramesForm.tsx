import { memo, useCallback, useId, useState } from 'react';
import { usePlanningTools } from '../../hooks/use-plan-edits';
import type { FrameRef } from '../../sdk/surface';
import { ActionButton } from '../shared/ActionButton';
import { WholeNumberInput, wholeNumberIn } from '../shared/WholeNumberInput';

type Props = { frames: readonly FrameRef[] | null };

/** Draws K room frames like a template frame, next to it, and adds them as rooms. */
export const RoomFramesForm = memo(function RoomFramesForm({ frames }: Props) {
  const { createRoomFrames } = usePlanningTools();
  const id = useId();
  const [templateId, setTemplateId] = useState('');
  const [count, setCount] = useState('4');
  const template = frames?.find((frame) => frame.id === templateId) ?? frames?.[0] ?? null;
  const rooms = wholeNumberIn(count, 1, 50);
  const valid = rooms !== null;
  const create = useCallback(() => {
    if (template === null || rooms === null) return;
    void createRoomFrames(template.id, rooms);
  }, [createRoomFrames, template, rooms]);
  return (
    <section aria-labelledby={`${id}-heading`} className="tool">
      <h3 className="visually-hidden" id={`${id}-heading`}>
        Make room frames
      </h3>
      <div className="form-group form-group-small">
        <label htmlFor={`${id}-template`}>Template frame</label>
        <select
          id={`${id}-template`}
          className="select select-small"
          value={template?.id ?? ''}
          onChange={(event) => setTemplateId(event.target.value)}
        >
          {(frames ?? []).map((frame) => (
            <option key={frame.id} value={frame.id}>
              {frame.title || 'Untitled frame'}
            </option>
          ))}
        </select>
      </div>
      <div className="form-group form-group-small">
        <label htmlFor={`${id}-count`}>Number of rooms</label>
        <WholeNumberInput
          id={`${id}-count`}
          min={1}
          max={50}
          value={count}
          invalid={!valid}
          onText={setCount}
        />
      </div>
      {!valid && <p className="field-error p-small">Choose from 1 to 50 rooms.</p>}
      <ActionButton small disabled={template === null || !valid} onClick={create}>
        {valid ? `Create ${rooms} room frames` : 'Create room frames'}
      </ActionButton>
      <p className="p-small status-text">
        Same size as the template, in a grid to its right, titled Room 1…K.
      </p>
    </section>
  );
});
