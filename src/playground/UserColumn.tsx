import type { ChangeEvent } from 'react';
import { plainTextOf } from '../domain/rooms/item-text';
import type { SimBoard, SimItem, SimTab } from '../simulator/api';
import { AppIframe } from './AppIframe';
import { InvitationToast, NotificationToasts } from './Toasts';

export type UserColumnProps = {
  board: SimBoard;
  tab: SimTab;
  /** The user's name, plus "(tab 2)" for a second tab of the same user. */
  label: string;
  colour: string;
  isHost: boolean;
  active: boolean;
  onActivate: () => void;
  items: readonly SimItem[];
  credits: number;
  now: () => number;
};

/** The app's toolbar icon: two overlapping rooms. Decorative; the button has a text label. */
const AppIcon = () => (
  <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <rect
      x="1"
      y="1"
      width="9"
      height="9"
      rx="2"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
    />
    <rect x="6" y="6" width="9" height="9" rx="2" fill="#4262ff" />
  </svg>
);

/** Where the headless app lives; panel URLs from `openPanel` are relative to it, as in Miro. */
const HEADLESS_URL = '/index.html';

const KIND: Record<string, string> = { sticky_note: 'Sticky', text: 'Text', shape: 'Shape' };

const itemLabel = (item: SimItem): string => {
  if (item.type === 'frame') return item.title || 'Untitled frame';
  if ('content' in item) return `${KIND[item.type]}: ${plainTextOf(item.content)}`;
  return 'title' in item && item.title ? `${item.type}: ${item.title}` : item.type;
};

/**
 * One board tab of one user: Miro's toolbar with the app icon, this tab's toasts and selection,
 * the hidden headless app and, once the app opens it, the 368 px panel running app.html.
 */
export function UserColumn(props: UserColumnProps) {
  const { board, tab, label, colour, isHost, active, onActivate, items, credits, now } = props;
  const { user } = tab;
  const selection = board.selection(tab.id);
  const invitations = board.invitations(user.id);
  const notifications = board.notifications(user.id).filter((n) => n.tabId === tab.id);
  const panel = tab.panel && !tab.panel.destroyed ? tab.panel : null;
  const headless = tab.headless && !tab.headless.destroyed ? tab.headless : null;
  const panelUrl = tab.panelRequest
    ? new URL(tab.panelRequest.url, new URL(HEADLESS_URL, window.location.href)).href
    : null;

  const onSelect = (event: ChangeEvent<HTMLSelectElement>) =>
    board.select(
      tab.id,
      Array.from(event.target.selectedOptions, (option) => option.value),
    );

  return (
    <section
      className={`column${user.online ? '' : ' offline'}${active ? ' active' : ''}`}
      aria-label={label}
      style={{ borderTopColor: colour }}
    >
      <header className="column-header">
        <h2>{label}</h2>
        <p className="column-meta">
          <span className={`presence ${user.online ? 'on' : 'off'}`}>
            {user.online ? 'Online' : 'Offline'}
          </span>
          {isHost && <span> · workshop host</span>}
          <span> · {credits.toLocaleString('en')} credits</span>
        </p>
      </header>

      <div className="toolbar" role="toolbar" aria-label={`Miro toolbar of ${label}`}>
        <button
          type="button"
          className="app-icon"
          onClick={() => tab.clickAppIcon()}
          disabled={!user.hasApp}
          title="Breakout Rooms"
        >
          <AppIcon /> Open Breakout Rooms
        </button>
      </div>

      <div className="column-controls">
        <button type="button" aria-pressed={active} onClick={onActivate}>
          Act on board as {user.name}
        </button>
        <button type="button" onClick={() => board.setOnline(user.id, !user.online)}>
          {user.online ? 'Go offline' : 'Go online'}
        </button>
        <button type="button" onClick={() => board.openTab(user.id)}>
          Open another tab
        </button>
        <button type="button" onClick={() => tab.reloadApp()} disabled={!user.hasApp}>
          Reload app
        </button>
        <button type="button" onClick={() => tab.close()}>
          Close tab
        </button>
        <button type="button" onClick={() => board.removeUser(user.id)}>
          Remove user
        </button>
      </div>

      <label className="select-on-board">
        Select on board as {label}
        <select
          multiple
          value={[...selection]}
          onChange={onSelect}
          size={Math.min(items.length, 5)}
        >
          {items.map((item) => (
            <option key={item.id} value={item.id}>
              {itemLabel(item)}
            </option>
          ))}
        </select>
      </label>
      {selection.length > 0 && (
        <button type="button" onClick={() => board.select(tab.id, [])}>
          Clear selection
        </button>
      )}

      <div className="toasts">
        {invitations.map((invitation) => (
          <InvitationToast key={invitation.id} board={board} invitation={invitation} now={now} />
        ))}
        <NotificationToasts notifications={notifications} now={now} />
      </div>

      {headless && (
        <AppIframe
          key={headless.id}
          sim={headless}
          src={HEADLESS_URL}
          title={`Breakout Rooms headless app of ${label}`}
          className="headless"
          hidden
        />
      )}
      {!user.hasApp && <p className="column-note">This user has not installed the app.</p>}

      {panel && panelUrl && (
        <aside className="panel" aria-label={`Breakout Rooms panel of ${label}`}>
          <div className="panel-bar">
            <span>Breakout Rooms</span>
            <button
              type="button"
              aria-label={`Close panel of ${label}`}
              onClick={() => tab.closePanel()}
            >
              ×
            </button>
          </div>
          <AppIframe
            key={panel.id}
            sim={panel}
            src={panelUrl}
            title={`Breakout Rooms panel of ${label}`}
            className="panel-frame"
          />
        </aside>
      )}
    </section>
  );
}
