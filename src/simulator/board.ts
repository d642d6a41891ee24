import type { Json } from '../sdk/surface';
import type {
  BoardChange,
  Registrations,
  SimBoard,
  SimIframe,
  SimInvitation,
  SimItem,
  SimOptions,
} from './api';
import { Attention } from './attention';
import { defaultOptions } from './defaults';
import { notFound } from './errors';
import { Hub } from './hub';
import { Invitations } from './invitations';
import { Items } from './items';
import type { FrameState, TabState } from './model';
import { Notifications } from './notifications';
import { Panels } from './panels';
import { createRandom } from './random';
import { RealtimeEvents } from './realtime-events';
import type { Services } from './services';
import { createSessionFace } from './session-face';
import { Sessions } from './sessions';
import { Storage } from './storage';
import { Subscriptions } from './subscriptions';
import { createSurface } from './surface-factory';
import { BoardTimer } from './timer';
import { Users } from './users';

/** Creates one simulated Miro board (the hub of all its users, tabs and app iframes). */
export const createBoard = (overrides: Partial<SimOptions> = {}): SimBoard => {
  const options: SimOptions = { ...defaultOptions(), ...overrides };
  options.failureRate = { ...(overrides.failureRate ?? {}) };
  const hub = new Hub(options);
  const created = new Date(hub.now()).toISOString();

  // Services reference each other through this record; it is complete before any app runs.
  const services = {} as { -readonly [K in keyof Services]: Services[K] };

  const destroyFrame = (frame: FrameState): void => {
    if (frame.destroyed) return;
    frame.destroyed = true;
    frame.subs.clear();
    if (frame.kind === 'panel' && frame.tab.panel === frame)
      services.panels.close(frame.tab, undefined);
  };

  const spawnFrame = (tab: TabState, kind: 'headless' | 'panel'): FrameState => {
    const frame: FrameState = {
      id: hub.id(kind),
      kind,
      tab,
      subs: new Subscriptions(() => hub.options.duplicateRegistration === 'per-registration'),
      destroyed: false,
      face: null as unknown as SimIframe,
    };
    const miro = createSurface(frame, services);
    frame.face = {
      id: frame.id,
      kind,
      get tab() {
        return tab.face;
      },
      miro,
      destroy: () => destroyFrame(frame),
      get destroyed() {
        return frame.destroyed;
      },
    };
    return frame;
  };

  services.hub = hub;
  services.info = { id: 'uXjVSimulated=', locale: 'en', createdAt: created, updatedAt: created };
  services.items = new Items(hub);
  services.panels = new Panels(hub, spawnFrame);
  services.storage = new Storage(hub);
  services.events = new RealtimeEvents(hub);
  services.timer = new BoardTimer(hub);
  services.sessions = new Sessions(hub, (frame, record) =>
    createSessionFace(frame, record, services),
  );
  services.invitations = new Invitations(hub, services.sessions);
  services.notifications = new Notifications(hub);
  services.users = new Users(hub, {
    spawnFrame,
    closePanel: (tab) => services.panels.close(tab, undefined),
    presenceChanged: (user, present) => services.sessions.presenceChanged(user, present),
  });
  services.attention = new Attention(hub, services.users);

  const { users, items, panels, invitations, sessions, storage } = services;

  const board: SimBoard = {
    get options() {
      return hub.options;
    },
    setOptions(patch) {
      const next: SimOptions = { ...hub.options, ...patch, clock: hub.options.clock };
      if (patch.failureRate) next.failureRate = { ...patch.failureRate };
      if (patch.seed !== undefined && patch.seed !== hub.options.seed) {
        hub.rng = createRandom(patch.seed);
      }
      hub.options = next;
      hub.emit({ kind: 'options' });
    },
    addUser: (props) => users.add(props),
    removeUser: (userId) => users.remove(userId),
    users: () => [...hub.users.values()].map((user) => user.face),
    setOnline: (userId, online) => users.setOnline(userId, online),
    openTab: (userId) => users.openTab(userId),
    tabs: (userId) => users.tabs(userId),
    setPanelHost(host) {
      panels.host = host;
    },
    addFrame: ({ by = null, ...props }) => items.addFrame(props, by),
    addSticky: ({ by = null, ...props }) => {
      const [sticky] = items.draw([{ type: 'sticky_note', ...props }], by);
      return sticky as SimItem;
    },
    addItems: (drawn, actor) => items.draw(drawn, actor?.by ?? null),
    editItem: (itemId, text, actor) => items.edit(itemId, text, actor?.by ?? null),
    renameFrame: (frameId, title, actor) => {
      if (items.list().find((item) => item.id === frameId)?.type !== 'frame') {
        throw notFound(`No frame ${frameId}`);
      }
      items.edit(frameId, title, actor?.by ?? null);
    },
    deleteItem: (itemId, actor) => items.delete(itemId, allTabs(), actor?.by ?? null),
    items: () => items.list(),
    select: (tabId, itemIds) => items.select(users.tabById(tabId), itemIds),
    selection: (tabId) => [...users.tabById(tabId).selection],
    invitations: (userId): readonly SimInvitation[] => invitations.list(userId),
    respondToInvitation: (invitationId, response, reason = 'clicked-button') =>
      invitations.respond(invitationId, response, reason),
    autoRespond: (userId, response, afterMs) => invitations.autoRespond(userId, response, afterMs),
    sessions: () => sessions.states(),
    setForeignSessionActive(active) {
      sessions.foreignAppActive = active;
      hub.emit({ kind: 'sessions' });
    },
    setForeignPanelOpen: (tabId, open) => panels.setForeignPanelOpen(users.tabById(tabId), open),
    timer: () => services.timer.state(),
    notifications: (userId) => services.notifications.list(userId),
    storageValue: (collection, key) => storage.get(collection, key),
    storageKeys: (collection) => storage.keys(collection),
    writeStorage(collection, key, value: Json | undefined) {
      if (value === undefined) storage.remove(collection, key, null);
      else storage.set(collection, key, value, null);
    },
    counters: () => hub.ledger.snapshot(),
    resetCounters: () => hub.ledger.reset(),
    registrations: () => {
      const total: Registrations = { listeners: 0, storageSubscriptions: 0 };
      for (const tab of allTabs()) {
        for (const frame of [tab.headless, tab.panel]) {
          if (!frame || frame.destroyed) continue;
          const count = frame.subs.count();
          total.listeners += count.listeners;
          total.storageSubscriptions += count.storageSubscriptions;
        }
      }
      return total;
    },
    subscribe: (listener: (change: BoardChange) => void) => hub.subscribe(listener),
    idle: () => hub.queue.idle(),
    onlineUsers: () => users.online(),
    pending: () => hub.queue.pending,
    handlerErrors: () => [...hub.handlerErrors],
  };

  const allTabs = (): TabState[] =>
    [...hub.users.values()].flatMap((user) => user.tabs.filter((tab) => !tab.closed));

  return board;
};

/**
 * @deprecated `pending()` and `handlerErrors()` now live on `SimBoard` (api.ts); kept so code
 * written against the first cut still compiles.
 */
export type SimBoardExtras = Pick<SimBoard, 'pending' | 'handlerErrors'>;
