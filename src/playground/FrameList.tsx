import { type FormEvent, useState } from 'react';
import type { FrameRef } from '../sdk/surface';
import type { SimBoard, SimUser } from '../simulator/api';

type Props = {
  board: SimBoard;
  frames: readonly FrameRef[];
  /** Who draws a sticky note: the user of the active column. */
  actor: SimUser | null;
};

/** Where the n-th note drawn in a frame goes: rows of four, from its top-left corner. */
const notePosition = (frame: FrameRef, index: number) => {
  const step = Math.min(frame.width / 4, frame.height / 3);
  return {
    x: frame.x - frame.width / 2 + step * ((index % 4) + 0.5),
    y: frame.y - frame.height / 2 + step * ((Math.floor(index / 4) % 3) + 0.5),
  };
};

/**
 * The board's context controls for frames: rename and delete, as another board user could do
 * at any time, and a sticky note drawn in a frame by the active column's user, as people in a
 * room do. They let tests check how the app copes with renamed or deleted frames and with work.
 */
export function FrameList({ board, frames, actor }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');

  const save = (event: FormEvent, frameId: string) => {
    event.preventDefault();
    board.renameFrame(frameId, draft);
    setEditing(null);
  };

  const addFrame = () => {
    const lowest = Math.max(0, ...frames.map((frame) => frame.y + frame.height / 2));
    board.addFrame({
      title: `Room ${frames.length} · New`,
      x: 0,
      y: lowest + 450,
      width: 900,
      height: 600,
    });
  };

  return (
    <section className="frame-list" aria-labelledby="frames-heading">
      <h2 id="frames-heading">Frames</h2>
      <ul>
        {frames.map((frame) => {
          const title = frame.title || 'Untitled frame';
          return (
            <li key={frame.id}>
              {editing === frame.id ? (
                <form onSubmit={(event) => save(event, frame.id)}>
                  <label>
                    <span className="visually-hidden">New title for {title}</span>
                    <input
                      value={draft}
                      onChange={(event) => setDraft(event.target.value)}
                      // biome-ignore lint/a11y/noAutofocus: the user just asked to edit this field
                      autoFocus
                    />
                  </label>
                  <button type="submit">Save</button>
                  <button type="button" onClick={() => setEditing(null)}>
                    Cancel
                  </button>
                </form>
              ) : (
                <>
                  <span className="frame-name">{title}</span>
                  <button
                    type="button"
                    aria-label={`Rename ${title}`}
                    onClick={() => {
                      setDraft(frame.title);
                      setEditing(frame.id);
                    }}
                  >
                    Rename
                  </button>
                  <button
                    type="button"
                    aria-label={`Delete ${title}`}
                    onClick={() => board.deleteItem(frame.id)}
                  >
                    Delete
                  </button>
                  {actor && (
                    <button
                      type="button"
                      aria-label={`Add a sticky note to ${title} as ${actor.name}`}
                      onClick={() =>
                        board.addItems(
                          [
                            {
                              type: 'sticky_note',
                              content: `<p>Idea ${frame.childrenIds.length + 1} from ${actor.name}</p>`,
                              ...notePosition(frame, frame.childrenIds.length),
                              parentId: frame.id,
                            },
                          ],
                          { by: actor.id },
                        )
                      }
                    >
                      Add sticky
                    </button>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={addFrame}>
        Add frame
      </button>
    </section>
  );
}
