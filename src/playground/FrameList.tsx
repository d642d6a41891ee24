import { type FormEvent, useState } from 'react';
import type { FrameRef } from '../sdk/surface';
import type { SimBoard } from '../simulator/api';

/**
 * The board's context controls for frames: rename and delete, as another board user could do
 * at any time. They let tests check how the app copes with renamed or deleted room frames.
 */
export function FrameList({ board, frames }: { board: SimBoard; frames: readonly FrameRef[] }) {
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
