import type { MouseEvent } from 'react';
import type { FrameRef } from '../sdk/surface';
import type { SimItem, SimUser } from '../simulator/api';
import { bounds, frameAtCentre, itemRect, projector } from './geometry';

export type BoardViewProps = {
  items: readonly SimItem[];
  users: readonly { user: SimUser; colour: string }[];
  /** Whose selection the board shows and edits (the active column), if any. */
  actor: { name: string; colour: string; selection: readonly string[] } | null;
  onSelect: (itemId: string, additive: boolean) => void;
};

const WIDTH_PX = 560;

/**
 * The simulated board: frames are buttons (click selects for the active column, Shift adds),
 * stickies are notes, and each online user's viewport is an outlined rectangle with their name.
 */
export function BoardView({ items, users, actor, onSelect }: BoardViewProps) {
  const online = users.filter(({ user }) => user.online);
  const area = bounds([...items.map(itemRect), ...online.map(({ user }) => user.viewport)], 150);
  const project = projector(area, WIDTH_PX);
  const frames = items
    .filter((item): item is FrameRef => item.type === 'frame')
    .sort((a, b) => b.width * b.height - a.width * a.height);
  const stickies = items.filter((item) => item.type === 'sticky_note');
  const selected = new Set(actor?.selection ?? []);

  const click = (id: string) => (event: MouseEvent) => onSelect(id, event.shiftKey);

  return (
    <section className="board" aria-label="Board">
      <p className="board-hint">
        {actor
          ? `Clicking a frame selects it as ${actor.name} (Shift adds to the selection).`
          : 'Choose a column to act as before selecting on the board.'}
      </p>
      <div className="board-canvas" style={{ width: WIDTH_PX, height: project.heightPx }}>
        {frames.map((frame) => (
          <button
            key={frame.id}
            type="button"
            className="board-frame"
            aria-pressed={selected.has(frame.id)}
            aria-label={`Frame ${frame.title || 'Untitled frame'}`}
            style={{
              ...project.style(itemRect(frame)),
              outlineColor: selected.has(frame.id) ? actor?.colour : undefined,
            }}
            onClick={click(frame.id)}
            disabled={!actor}
          >
            <span className="board-frame-title">{frame.title || 'Untitled frame'}</span>
          </button>
        ))}
        {stickies.map((sticky) => (
          <div key={sticky.id} className="board-sticky" style={project.style(itemRect(sticky))}>
            {'content' in sticky ? sticky.content : ''}
          </div>
        ))}
        {online.map(({ user, colour }, index) => (
          <div
            key={user.id}
            className="board-viewport"
            data-user={user.name}
            style={{ ...project.style(user.viewport), borderColor: colour }}
          >
            {/* Stacked, so users who look at the same place stay readable. */}
            <span className="board-viewport-label" style={{ background: colour, top: index * 14 }}>
              {user.name}
            </span>
          </div>
        ))}
      </div>
      {/* The drawing in words, for screen readers and E2E tests: where each viewport is. */}
      <ul className="visually-hidden" aria-label="Viewports">
        {online.map(({ user }) => {
          const frame = frameAtCentre(frames, user.viewport);
          return (
            <li key={user.id}>
              {`${user.name} is looking at ${frame ? frame.title || 'Untitled frame' : 'no frame'}`}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
