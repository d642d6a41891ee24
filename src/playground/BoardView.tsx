import type { CSSProperties, MouseEvent } from 'react';
import { plainTextOf } from '../domain/rooms/item-text';
import { isFrame } from '../sdk/surface';
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

/** Miro's sticky note colours, near enough to tell them apart on the drawing. */
const STICKY_FILL: Record<string, string> = {
  gray: '#e6e6e6',
  light_yellow: '#fff9b1',
  yellow: '#f5d128',
  orange: '#ff9d48',
  light_green: '#d5f692',
  green: '#c9df56',
  dark_green: '#93d275',
  cyan: '#67c6c0',
  light_pink: '#ffcee0',
  pink: '#ea94bb',
  violet: '#be88c7',
  red: '#f16c7f',
  light_blue: '#a6ccf5',
  blue: '#6cd8fa',
  dark_blue: '#9ea9ff',
  black: '#000000',
};

/** What an item shows, as plain text: board content is markup written by anyone. */
const shownText = (item: SimItem): string => {
  switch (item.type) {
    case 'sticky_note':
    case 'text':
    case 'shape':
      return plainTextOf(item.content);
    case 'card':
      return plainTextOf(item.title);
    case 'image':
      return `Image ${item.title}`.trim();
    case 'embed':
      return 'Embed';
    default:
      return item.type.replace('_', ' ');
  }
};

const itemLook = (item: SimItem): CSSProperties => {
  if (item.type === 'sticky_note') {
    return { background: STICKY_FILL[item.style.fillColor] ?? STICKY_FILL.light_yellow };
  }
  if (item.type === 'text') return { color: item.style.color, background: 'transparent' };
  if (item.type === 'shape') {
    return { background: item.style.fillColor, borderColor: item.style.borderColor };
  }
  return {};
};

/**
 * The simulated board: frames are buttons (click selects for the active column, Shift adds),
 * every other item is drawn where it stands (children inside their frames) with its text, and
 * each online user's viewport is an outlined rectangle with their name.
 */
export function BoardView({ items, users, actor, onSelect }: BoardViewProps) {
  const online = users.filter(({ user }) => user.online);
  const area = bounds([...items.map(itemRect), ...online.map(({ user }) => user.viewport)], 150);
  const project = projector(area, WIDTH_PX);
  const frames = items.filter(isFrame).sort((a, b) => b.width * b.height - a.width * a.height);
  const others = items.filter((item) => item.type !== 'frame');
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
        {others.map((item) => (
          <div
            key={item.id}
            className={`board-item board-item-${item.type}`}
            data-parent={item.parentId ?? undefined}
            style={{ ...project.style(itemRect(item)), ...itemLook(item) }}
          >
            {shownText(item)}
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
