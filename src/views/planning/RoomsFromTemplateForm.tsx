import { memo, useCallback, useId, useState } from 'react';
import type { PromptKind, PromptSpot } from '../../domain/rooms/prompts';
import { linesOf } from '../../domain/rooms/prompts';
import { useRoomsActions } from '../../hooks/use-rooms-work';
import type { FrameRef } from '../../sdk/surface';
import { ActionButton } from '../shared/ActionButton';
import { WholeNumberInput, wholeNumberIn } from '../shared/WholeNumberInput';
import '../shared/rooms-work.css';

type Props = { selectedFrames: readonly FrameRef[] };

const MAX_ROOMS = 50;

const SPOTS: Record<PromptSpot, string> = {
  'top-left': 'Top left',
  top: 'Top centre',
  centre: 'Centre',
};

/**
 * "Create rooms from this frame": the frame selected on the board is the template; K copies are
 * made beside it with its content, named from the typed list or Room 1…K, each given its prompt.
 * The job runs in the headless app; its progress shows in RoomsJobStatus.
 */
export const RoomsFromTemplateForm = memo(function RoomsFromTemplateForm({
  selectedFrames,
}: Props) {
  const { createFromTemplate } = useRoomsActions();
  const id = useId();
  const [count, setCount] = useState('4');
  const [names, setNames] = useState('');
  const [prompts, setPrompts] = useState('');
  const [kind, setKind] = useState<PromptKind>('text');
  const [spot, setSpot] = useState<PromptSpot>('top-left');
  const template = selectedFrames.length === 1 ? (selectedFrames[0] ?? null) : null;
  const rooms = wholeNumberIn(count, 1, MAX_ROOMS);
  const valid = rooms !== null;
  const promptLines = linesOf(prompts, MAX_ROOMS).length;
  const create = useCallback(() => {
    if (template === null || rooms === null) return;
    void createFromTemplate({
      templateFrameId: template.id,
      count: rooms,
      names,
      prompts,
      prompt: { kind, spot },
    });
  }, [createFromTemplate, template, rooms, names, prompts, kind, spot]);
  const templateName = template ? template.title || 'Untitled frame' : null;
  return (
    <section aria-labelledby={`${id}-heading`} className="tool rooms-form">
      <h3 className="visually-hidden" id={`${id}-heading`}>
        Create rooms from this frame
      </h3>
      <p className="p-small status-text" aria-live="polite">
        {templateName !== null
          ? `Template: ${templateName}`
          : selectedFrames.length > 1
            ? 'Select only one frame on the board: it is the template.'
            : 'Select one frame on the board: its sticky notes, text, shapes and cards are copied into every room.'}
      </p>
      <div className="form-group form-group-small">
        <label htmlFor={`${id}-count`}>Number of rooms</label>
        <WholeNumberInput
          id={`${id}-count`}
          min={1}
          max={MAX_ROOMS}
          value={count}
          invalid={!valid}
          onText={setCount}
        />
      </div>
      {!valid && <p className="field-error p-small">Choose from 1 to {MAX_ROOMS} rooms.</p>}
      <div className="form-group form-group-small">
        <label htmlFor={`${id}-names`}>Room names (optional, one per line)</label>
        <textarea
          id={`${id}-names`}
          className="textarea"
          value={names}
          placeholder={'Room 1\nRoom 2'}
          onChange={(event) => setNames(event.target.value)}
        />
      </div>
      <div className="form-group form-group-small">
        <label htmlFor={`${id}-prompts`}>Prompts (optional, one per line)</label>
        <textarea
          id={`${id}-prompts`}
          className="textarea"
          value={prompts}
          aria-describedby={`${id}-prompts-hint`}
          placeholder={'Customers\nRisks'}
          onChange={(event) => setPrompts(event.target.value)}
        />
        <p className="p-small status-text" id={`${id}-prompts-hint`}>
          Written into each room; a prompt names its room when no name is typed.
        </p>
      </div>
      {promptLines > 0 && (
        <div className="field-row">
          <div className="form-group form-group-small">
            <label htmlFor={`${id}-kind`}>Prompt as</label>
            <select
              id={`${id}-kind`}
              className="select select-small"
              value={kind}
              onChange={(event) => setKind(event.target.value as PromptKind)}
            >
              <option value="text">Text</option>
              <option value="sticky_note">Sticky note</option>
            </select>
          </div>
          <div className="form-group form-group-small">
            <label htmlFor={`${id}-spot`}>Prompt at</label>
            <select
              id={`${id}-spot`}
              className="select select-small"
              value={spot}
              onChange={(event) => setSpot(event.target.value as PromptSpot)}
            >
              {Object.entries(SPOTS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      <ActionButton small disabled={template === null || !valid} onClick={create}>
        {valid
          ? `Create ${rooms} ${rooms === 1 ? 'room' : 'rooms'} from this frame`
          : 'Create rooms from this frame'}
      </ActionButton>
      <p className="p-small status-text">
        Beside the template in free space, same size; images and embeds cost more credits, and what
        Miro's SDK cannot make is listed, never dropped silently.
      </p>
    </section>
  );
});
