import { type ChangeEvent, memo, useCallback, useId } from 'react';
import type { MainArea } from '../../domain/plan';
import { usePlanEdits } from '../../hooks/use-plan-edits';
import type { FrameRef } from '../../sdk/surface';

type Props = { mainArea: MainArea | null; frames: readonly FrameRef[] | null };

const AT_START = '';
const SAVED_VIEW = 'saved-view';

/** Where everyone is brought back to at the end: a frame, or where the facilitator looks at Start. */
export const MainAreaField = memo(function MainAreaField({ mainArea, frames }: Props) {
  const { chooseMainArea } = usePlanEdits();
  const id = useId();
  const choose = useCallback(
    (event: ChangeEvent<HTMLSelectElement>) => {
      const value = event.target.value;
      if (value === SAVED_VIEW) return;
      const frame = frames?.find((candidate) => candidate.id === value);
      void chooseMainArea(frame ?? null);
    },
    [chooseMainArea, frames],
  );
  const value =
    mainArea === null ? AT_START : mainArea.kind === 'frame' ? mainArea.frameId : SAVED_VIEW;
  const chosenFrameKnown =
    mainArea?.kind !== 'frame' || (frames ?? []).some((frame) => frame.id === mainArea.frameId);
  return (
    <div className="form-group form-group-small">
      <label htmlFor={id}>When it ends, everyone comes back to</label>
      <select id={id} className="select select-small" value={value} onChange={choose}>
        <option value={AT_START}>Where I am looking when I start</option>
        {mainArea?.kind === 'viewport' && (
          <option value={SAVED_VIEW}>The view saved last time</option>
        )}
        {!chosenFrameKnown && mainArea?.kind === 'frame' && (
          <option value={mainArea.frameId}>The chosen frame</option>
        )}
        {(frames ?? []).map((frame) => (
          <option key={frame.id} value={frame.id}>
            {frame.title || 'Untitled frame'}
          </option>
        ))}
      </select>
    </div>
  );
});
