import { type FormEvent, memo, useCallback, useState } from 'react';
import { usePlanEdits } from '../../hooks/use-plan-edits';
import { ActionButton } from '../shared/ActionButton';

type Props = { roomId: string; name: string; frameMissing: boolean; peopleCount: number };

/**
 * One room while planning: rename it (Enter or "Save name") or remove it. What was typed stays
 * in the field until it is saved, so a failed save loses nothing.
 */
export const RoomRow = memo(function RoomRow({ roomId, name, frameMissing, peopleCount }: Props) {
  const edits = usePlanEdits();
  // Null while not editing: the field then follows the room's name (e.g. its frame's new title).
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? name;
  const dirty = draft !== null && draft.trim() !== name;

  const save = useCallback(
    async (event: FormEvent) => {
      event.preventDefault();
      if (draft === null) return;
      if (draft.trim() === '' || draft.trim() === name) {
        setDraft(null);
        return;
      }
      const result = await edits.renameRoom(roomId, draft);
      if (result.ok) setDraft(null);
    },
    [edits, roomId, name, draft],
  );
  const remove = useCallback(() => void edits.removeRoom(roomId), [edits, roomId]);

  return (
    <li className="room-row">
      <form onSubmit={save} className="room-row-form">
        <input
          className="input input-small"
          aria-label={`Name of ${name}`}
          value={value}
          maxLength={200}
          onChange={(event) => setDraft(event.target.value)}
        />
        {dirty && (
          <button type="submit" className="button button-primary button-small">
            Save name
          </button>
        )}
        <ActionButton small variant="tertiary" onClick={remove} aria-label={`Remove ${name}`}>
          Remove
        </ActionButton>
      </form>
      <p className="room-row-meta">
        {peopleCount === 1 ? '1 person' : `${peopleCount} people`}
        {frameMissing && (
          <strong className="warning"> · Its frame was deleted from the board.</strong>
        )}
      </p>
    </li>
  );
});
