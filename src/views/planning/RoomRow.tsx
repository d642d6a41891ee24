import { type FormEvent, memo, useCallback, useEffect, useRef, useState } from 'react';
import { usePlanEdits } from '../../hooks/use-plan-edits';
import { CommandIconButton, IconButton } from '../shared/IconButton';

type Props = {
  roomId: string;
  name: string;
  /** The frame's title when it differs from the room's name; null when it is the same or unknown. */
  frameTitle: string | null;
  frameMissing: boolean;
  peopleCount: number;
};

/**
 * One room while planning, on one line: its name (and its frame's, once renamed), how many
 * people are in it, and rename and remove as icon buttons. Renaming opens the name in place;
 * what was typed stays until it is saved, so a failed save loses nothing.
 */
export const RoomRow = memo(function RoomRow({
  roomId,
  name,
  frameTitle,
  frameMissing,
  peopleCount,
}: Props) {
  const edits = usePlanEdits();
  // Null while not editing: the row follows the room's name (e.g. its frame's new title).
  const [draft, setDraft] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const editing = draft !== null;
  const dirty = editing && draft.trim() !== '' && draft.trim() !== name;

  useEffect(() => {
    if (editing) field.current?.focus();
  }, [editing]);
  const stop = useCallback(() => {
    setDraft(null);
    queueMicrotask(() => renameButton.current?.focus());
  }, []);
  const save = useCallback(
    async (event: FormEvent) => {
      event.preventDefault();
      if (draft === null) return;
      if (!dirty) {
        stop();
        return;
      }
      const result = await edits.renameRoom(roomId, draft);
      if (result.ok) stop();
    },
    [edits, roomId, draft, dirty, stop],
  );
  const rename = useCallback(() => setDraft(name), [name]);
  const remove = useCallback(() => void edits.removeRoom(roomId), [edits, roomId]);
  const shownFrame = frameTitle !== null && frameTitle !== name ? frameTitle : null;

  if (editing) {
    return (
      <li className="room-row">
        <form onSubmit={save} className="room-rename">
          <input
            ref={field}
            className="input input-small"
            aria-label={`Name of ${name}`}
            value={draft}
            maxLength={200}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') stop();
            }}
          />
          <button type="submit" className="button button-secondary button-small">
            Save name
          </button>
          <IconButton icon="close" label={`Keep the name ${name}`} onClick={stop} />
        </form>
      </li>
    );
  }
  return (
    <li className="room-row">
      <span className="icon icon-frame" aria-hidden="true" />
      <span className="room-row-name">
        <span className="room-name" title={name}>
          {name}
        </span>
        {shownFrame && (
          <span className="p-small status-text room-row-frame" title={`Frame: ${shownFrame}`}>
            Frame: {shownFrame}
          </span>
        )}
        {frameMissing && (
          <strong className="p-small warning">Its frame was deleted from the board.</strong>
        )}
      </span>
      <span className="p-small status-text figure room-row-count">
        {peopleCount === 1 ? '1 person' : `${peopleCount} people`}
      </span>
      <IconButton ref={renameButton} icon="edit" label={`Rename ${name}`} onClick={rename} />
      <CommandIconButton icon="trash" label={`Remove ${name}`} onClick={remove} />
    </li>
  );
});
