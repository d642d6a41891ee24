import { useRef, useState } from 'react';
import { isFrame } from '../sdk/surface';
import type { SimTab } from '../simulator/api';
import { BoardView } from './BoardView';
import { FrameList } from './FrameList';
import { personName, userColour } from './names';
import { SessionList } from './SessionList';
import { SettingsDrawer } from './SettingsDrawer';
import type { EditableOptions } from './settings-schema';
import { TimerDisplay } from './TimerDisplay';
import { UserColumn } from './UserColumn';
import { type ChangeCounter, useBoardVersion, usePlayground } from './use-board';

export type PlaygroundProps = {
  counter: ChangeCounter;
  defaults: Readonly<EditableOptions>;
  /** Problems with URL parameters, shown instead of silently ignored. */
  urlErrors: readonly string[];
  /** Users created at start-up, so added users continue the list of names. */
  initialUsers: number;
};

/** The whole page: header, drawn board with its frame controls, and one column per board tab. */
export function Playground({ counter, defaults, urlErrors, initialUsers }: PlaygroundProps) {
  useBoardVersion(counter);
  const { board, now } = usePlayground();
  const [activeTabId, setActiveTabId] = useState<string | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const nextPerson = useRef(initialUsers);
  // Colours follow a user for the life of the page, even when others are removed.
  const colours = useRef(new Map<string, string>());
  const colourOf = (userId: string) => {
    let colour = colours.current.get(userId);
    if (!colour) {
      colour = userColour(colours.current.size);
      colours.current.set(userId, colour);
    }
    return colour;
  };

  const users = board.users();
  // Frames first: they are what people select to make rooms.
  const items = [...board.items()].sort(
    (a, b) => Number(b.type === 'frame') - Number(a.type === 'frame'),
  );
  const frames = items.filter(isFrame);
  const counters = board.counters();
  const columns: { tab: SimTab; label: string }[] = users.flatMap((user) =>
    board
      .tabs(user.id)
      .filter((tab) => !tab.closed)
      .map((tab, index) => ({
        tab,
        label: index === 0 ? user.name : `${user.name} (tab ${index + 1})`,
      })),
  );
  const active = columns.find(({ tab }) => tab.id === activeTabId) ?? columns[0] ?? null;
  const online = users.filter((user) => user.online).length;

  const addUser = () => {
    const user = board.addUser({ name: personName(nextPerson.current) });
    nextPerson.current += 1;
    board.openTab(user.id);
  };

  const selectOnBoard = (itemId: string, additive: boolean) => {
    if (!active) return;
    const current = board.selection(active.tab.id);
    const next = additive
      ? current.includes(itemId)
        ? current.filter((id) => id !== itemId)
        : [...current, itemId]
      : [itemId];
    board.select(active.tab.id, next);
  };

  return (
    <div className="playground">
      <header className="top-bar">
        <h1>Breakout Rooms playground</h1>
        <p className="summary">
          Simulated Miro board · {users.length} people · {online} online
        </p>
        <TimerDisplay timer={board.timer()} now={now} />
        <button type="button" onClick={addUser}>
          Add user
        </button>
        <button
          type="button"
          aria-expanded={settingsOpen}
          onClick={() => setSettingsOpen((open) => !open)}
        >
          Settings
        </button>
      </header>

      {urlErrors.length > 0 && (
        <div role="alert" className="url-errors">
          Ignored URL parameters: {urlErrors.join('; ')}
        </div>
      )}

      {settingsOpen && (
        <SettingsDrawer board={board} defaults={defaults} onClose={() => setSettingsOpen(false)} />
      )}

      <div className="workspace">
        <div className="board-pane">
          <BoardView
            items={items}
            users={users.map((user) => ({ user, colour: colourOf(user.id) }))}
            actor={
              active
                ? {
                    name: active.label,
                    colour: colourOf(active.tab.user.id),
                    selection: board.selection(active.tab.id),
                  }
                : null
            }
            onSelect={selectOnBoard}
          />
          <FrameList board={board} frames={frames} actor={active?.tab.user ?? null} />
          <SessionList sessions={board.sessions()} users={users} />
        </div>

        <div className="columns">
          {columns.map(({ tab, label }) => (
            <UserColumn
              key={tab.id}
              board={board}
              tab={tab}
              label={label}
              colour={colourOf(tab.user.id)}
              isHost={tab.user.id === users[0]?.id}
              active={tab.id === active?.tab.id}
              onActivate={() => setActiveTabId(tab.id)}
              items={items}
              credits={counters.credits[tab.user.id] ?? 0}
              now={now}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
