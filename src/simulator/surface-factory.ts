import type {
  Attention,
  Collection,
  Json,
  OneOrMany,
  OnlineUserInfo,
  SessionStartProps,
  Timer,
} from '@mirohq/websdk-types';
import type {
  BoardFeature,
  BoardItem,
  CollaborationSurface,
  FrameItem,
  ItemFilter,
  ItemRef,
  MiroBoardSurface,
  MiroSurface,
  NotificationsSurface,
  TimerSurface,
  UiEvents,
  UiSurface,
  ViewportSurface,
} from '../sdk/surface';
import type { SimItem, UndocumentedBehaviour } from './api';
import { forbidden, invalid, notFound } from './errors';
import type { CreatableType } from './item-records';
import { assertJson, copyJson } from './json';
import { type FrameState, isPresent } from './model';
import { capture, type Services } from './services';
import { createSessionFace } from './session-face';
import { type Listener, topics } from './subscriptions';

export const CLIENT_VERSION = 'simulator-2.17.2';

/** Every `ui` event name websdk-types allows; `custom:<name>` besides (custom actions). */
const UI_EVENT_NAMES = {
  'icon:click': true,
  drop: true,
  'app_card:open': true,
  'app_card:connect': true,
  'selection:update': true,
  'online_users:update': true,
  'items:create': true,
  'experimental:items:update': true,
  'items:delete': true,
} satisfies Record<Exclude<keyof UiEvents, `custom:${string}`>, true>;
const UI_EVENTS: readonly string[] = Object.keys(UI_EVENT_NAMES);
const uiEvent = (name: unknown): string =>
  typeof name === 'string' && /^custom:.+/.test(name) ? name : oneOf(UI_EVENTS, name, 'ui');

/** Each `canUse` feature and the option that switches it: a new feature is a compile error. */
const ENTITLEMENT_OPTION = {
  timer: 'timerEntitled',
  voting: 'votingEntitled',
} as const satisfies Record<BoardFeature, keyof UndocumentedBehaviour>;

const CREATE_METHODS = {
  createFrame: 'frame',
  createStickyNote: 'sticky_note',
  createText: 'text',
  createShape: 'shape',
  createCard: 'card',
  createImage: 'image',
  createEmbed: 'embed',
} as const satisfies Record<string, CreatableType>;
const TIMER_EVENTS: readonly string[] = ['start', 'update', 'finish'];
const COLLAB_EVENTS: readonly string[] = ['sessions:started', 'sessions:ended'];

const oneOf = (allowed: readonly string[], name: unknown, what: string): string => {
  if (typeof name !== 'string' || !allowed.includes(name)) {
    throw invalid(`Unknown ${what} event ${String(name)}`);
  }
  return name;
};

const stringArg = (value: unknown, what: string): string => {
  if (typeof value !== 'string' || value.length === 0) throw invalid(`${what} must be a string`);
  return value;
};

const asArray = <T>(value: OneOrMany<T>): T[] => (Array.isArray(value) ? value : [value]);

/**
 * Builds the `miro` object one app iframe sees. Every method is an SDK call through the hub
 * (counted, priced, faultable, settled in a later task); arguments are copied at call time and
 * results on the way out (S7).
 */
export const createSurface = (frame: FrameState, s: Services): MiroSurface => {
  const { hub } = s;
  const user = frame.tab.user;

  /** on/off pairs: `off` takes effect locally at once and again at the server (FIFO after `on`). */
  const subscribe = (method: string, topic: () => string, handler: Listener) =>
    hub.call(frame, method, () => {
      if (typeof handler !== 'function') throw invalid('A handler function is required');
      frame.subs.add(topic(), handler);
    });
  const unsubscribe = (method: string, topic: () => string, handler: Listener) => {
    const resolved = capture(topic);
    try {
      frame.subs.remove(resolved(), handler);
    } catch {
      // an invalid topic is reported by the call below
    }
    return hub.call(frame, method, () => frame.subs.remove(resolved(), handler));
  };

  const ui = {
    openPanel: (options: { url: string; height?: number; data?: Json }) => {
      const request = capture(() => {
        const url = stringArg(options?.url, 'openPanel url');
        const data =
          options.data === undefined ? undefined : assertJson(options.data, 'Panel data');
        return data === undefined ? { url } : { url, data: copyJson(data) };
      });
      return hub.call(frame, 'ui.openPanel', () => s.panels.open(frame.tab, request()));
    },
    canOpenPanel: () => hub.call(frame, 'ui.canOpenPanel', () => s.panels.canOpen(frame.tab)),
    getPanelData: <Data = unknown>() =>
      hub.call(frame, 'ui.getPanelData', () => {
        const data = frame.kind === 'panel' ? frame.tab.panelRequest?.data : undefined;
        return copyJson(data) as Data | undefined;
      }),
    closePanel: (result?: Json) => {
      const copy = capture(() => (result === undefined ? undefined : copyJson(result)));
      return hub.call(frame, 'ui.closePanel', () => s.panels.close(frame.tab, copy()));
    },
    on: <E extends keyof UiEvents>(event: E, handler: UiEvents[E]) =>
      subscribe('ui.on', () => topics.ui(uiEvent(event)), handler as Listener),
    off: <E extends keyof UiEvents>(event: E, handler: UiEvents[E]) =>
      unsubscribe('ui.off', () => topics.ui(uiEvent(event)), handler as Listener),
  } satisfies UiSurface;

  const viewport = {
    get: () => hub.call(frame, 'viewport.get', () => ({ ...user.viewport })),
    set: (options: { viewport: { x: number; y: number; width: number; height: number } }) => {
      const rect = capture(() => copyJson(options?.viewport));
      return hub.call(frame, 'viewport.set', () => s.users.setViewport(user, rect()));
    },
    zoomTo: (items: OneOrMany<ItemRef>) => {
      const refs = capture(() => asArray(copyJson(items)));
      return hub.call(frame, 'viewport.zoomTo', () => {
        s.users.setViewport(user, s.items.viewportFor(refs(), user.viewport));
      });
    },
  } satisfies ViewportSurface;

  const collection = (name: string): Collection => {
    const collectionName = name;
    return {
      set: (key: string, value: Json) => {
        const prepared = capture(() => {
          stringArg(collectionName, 'Collection name');
          stringArg(key, 'Storage key');
          if (value === undefined) throw invalid('Storage value must be JSON, got undefined');
          return copyJson(assertJson(value, 'Storage value'));
        });
        return hub.call(frame, 'storage.set', () => {
          s.storage.set(collectionName, key, prepared(), frame);
        });
      },
      get: <T extends Json>(key: string) =>
        hub.call(frame, 'storage.get', () => {
          stringArg(key, 'Storage key');
          return s.storage.get(collectionName, key) as T | undefined;
        }),
      remove: (key: string) =>
        hub.call(frame, 'storage.remove', () => {
          stringArg(key, 'Storage key');
          s.storage.remove(collectionName, key, frame);
        }),
      onValue: <T extends Json = Json>(
        key: string,
        handler: (value: T | undefined, version: string) => void,
      ) =>
        hub.call(frame, 'storage.onValue', () => {
          stringArg(key, 'Storage key');
          if (typeof handler !== 'function') throw invalid('A handler function is required');
          s.storage.subscribe(frame, collectionName, key, handler);
        }),
      offValue: <T extends Json = Json>(
        key: string,
        handler: (value: T | undefined, version: string) => void,
      ) => unsubscribe('storage.offValue', () => topics.storage(collectionName, key), handler),
    } satisfies Collection;
  };

  const events = {
    broadcast: (event: string, payload?: Json) => {
      const prepared = capture(() =>
        payload === undefined ? undefined : copyJson(assertJson(payload, 'Broadcast payload')),
      );
      return hub.call(frame, 'events.broadcast', () => {
        s.events.broadcast(frame, event, prepared());
      });
    },
    on: <T extends Json | undefined>(event: string, handler: (payload: T) => void) =>
      subscribe('events.on', () => topics.event(stringArg(event, 'Event name')), handler),
    off: <T extends Json | undefined>(event: string, handler: (payload: T) => void) =>
      unsubscribe('events.off', () => topics.event(String(event)), handler),
  } satisfies MiroBoardSurface['events'];

  const timer = {
    get: () =>
      hub.call(frame, 'timer.get', () => {
        s.timer.assertEntitled();
        return s.timer.state();
      }),
    start: (duration: number) => hub.call(frame, 'timer.start', () => s.timer.start(duration)),
    stop: () => hub.call(frame, 'timer.stop', () => s.timer.stop()),
    pause: () => hub.call(frame, 'timer.pause', () => s.timer.pause()),
    resume: () => hub.call(frame, 'timer.resume', () => s.timer.resume()),
    prolong: (duration: number) =>
      hub.call(frame, 'timer.prolong', () => s.timer.prolong(duration)),
    isStarted: () => hub.call(frame, 'timer.isStarted', () => s.timer.isStarted()),
    on: (...[event, handler]: Parameters<Timer['on']>) =>
      subscribe('timer.on', () => topics.timer(oneOf(TIMER_EVENTS, event, 'timer')), handler),
    off: (...[event, handler]: Parameters<Timer['off']>) =>
      unsubscribe('timer.off', () => topics.timer(oneOf(TIMER_EVENTS, event, 'timer')), handler),
  } satisfies TimerSurface;

  const attention = {
    follow: (followee: OnlineUserInfo, options?: { followers?: OnlineUserInfo[] }) => {
      const args = capture(() => copyJson({ followee, followers: options?.followers }));
      return hub.call(frame, 'attention.follow', () => {
        const { followee: target, followers } = args();
        s.attention.follow(user, target, followers);
      });
    },
    isFollowing: () => hub.call(frame, 'attention.isFollowing', () => user.followingId !== null),
    getFollowedUser: () =>
      hub.call(frame, 'attention.getFollowedUser', () => s.attention.followed(user)),
    unfollow: (options?: { followee: OnlineUserInfo; followers: OnlineUserInfo[] }) => {
      const args = capture(() => copyJson(options));
      return hub.call(frame, 'attention.unfollow', () => s.attention.unfollow(user, args()));
    },
  } satisfies Attention;

  const collaboration = {
    attention,
    startSession: (props: SessionStartProps) => {
      const copy = capture(() => copyJson(props));
      return hub.call(frame, 'collaboration.startSession', () => {
        if (hub.options.sessionsOffered === 'refused') {
          throw forbidden('Collaboration sessions are not available to this app on this board');
        }
        return createSessionFace(frame, s.sessions.start(frame, copy()), s);
      });
    },
    getSessions: () =>
      hub.call(frame, 'collaboration.getSessions', () =>
        s.sessions.active().map((record) => createSessionFace(frame, record, s)),
      ),
    zoomTo: (target: OnlineUserInfo, items: OneOrMany<ItemRef>) => {
      const args = capture(() => ({ target: copyJson(target), refs: asArray(copyJson(items)) }));
      return hub.call(frame, 'collaboration.zoomTo', () => {
        const { target: info, refs } = args();
        const other = hub.users.get(String(info?.id));
        if (!other || !isPresent(other)) throw notFound(`User ${String(info?.id)} is not online`);
        const rect = s.items.viewportFor(refs, other.viewport);
        // C15: viewport control of others needs the target in an active session of this app.
        if (hub.options.zoomToRequiresMembership && !s.sessions.sessionOf(other.id)) {
          throw forbidden(`User ${other.id} is not in an active session`);
        }
        s.users.setViewport(other, rect);
      });
    },
    on: (name: 'sessions:started' | 'sessions:ended', handler: Listener) =>
      subscribe(
        'collaboration.on',
        () => topics.collab(oneOf(COLLAB_EVENTS, name, 'collaboration')),
        handler,
      ),
    off: (name: 'sessions:started' | 'sessions:ended', handler: Listener) =>
      unsubscribe('collaboration.off', () => topics.collab(String(name)), handler),
  } satisfies CollaborationSurface;

  /**
   * Frames handed to app code carry their own calls, made from this iframe. Like the methods of
   * Miro's item classes they are not own enumerable fields: spreads, JSON and equality see data.
   */
  const withMethods = (item: SimItem): BoardItem => {
    if (item.type !== 'frame') return item;
    const add = (child: ItemRef) => {
      const ref = capture(() => ({
        id: stringArg(child?.id, 'Item id'),
        type: String(child?.type),
      }));
      return hub.call(frame, 'frame.add', () => withMethods(s.items.add(item.id, ref(), frame)));
    };
    const getChildren = () =>
      hub.call(frame, 'frame.getChildren', () =>
        s.items.children(item.id, user.id).map(withMethods),
      );
    return Object.defineProperties(item, {
      add: { value: add, enumerable: false, writable: true, configurable: true },
      getChildren: { value: getChildren, enumerable: false, writable: true, configurable: true },
    }) as FrameItem;
  };

  const create =
    <T>(method: keyof typeof CREATE_METHODS) =>
    (props?: unknown): Promise<T> => {
      const copy = capture(() => copyJson(props));
      return hub.call(
        frame,
        `board.${method}`,
        () => withMethods(s.items.create(CREATE_METHODS[method], copy(), frame)) as T,
      );
    };

  const notifications = {
    showInfo: (message: string) =>
      hub.call(frame, 'notifications.showInfo', () => s.notifications.show(frame, 'info', message)),
    showError: (message: string) =>
      hub.call(frame, 'notifications.showError', () =>
        s.notifications.show(frame, 'error', message),
      ),
    show: (options: { type: 'info' | 'error'; message: string }) => {
      const copy = capture(() => copyJson(options));
      return hub.call(frame, 'notifications.show', () => {
        const { type, message } = copy() ?? ({} as { type?: unknown; message?: unknown });
        if (type !== 'info' && type !== 'error') {
          throw invalid(`Notification type must be info or error, got ${String(type)}`);
        }
        s.notifications.show(frame, type, message);
      });
    },
  } satisfies NotificationsSurface;

  const board = {
    getInfo: () => hub.call(frame, 'board.getInfo', () => ({ ...s.info })),
    getUserInfo: () =>
      hub.call(frame, 'board.getUserInfo', () =>
        hub.options.userInfoEmail
          ? { id: user.id, name: user.name, email: user.email }
          : { id: user.id, name: user.name },
      ),
    getOnlineUsers: () => hub.call(frame, 'board.getOnlineUsers', () => s.users.online()),
    getSelection: () =>
      hub.call(frame, 'board.getSelection', () => s.items.selected(frame.tab).map(withMethods)),
    get: (filter?: ItemFilter) => {
      const copy = capture(() => copyJson(filter));
      return hub.call(frame, 'board.get', () => s.items.query(copy(), user.id).map(withMethods));
    },
    getById: (id: string) =>
      hub.call(frame, 'board.getById', () => {
        stringArg(id, 'Item id');
        const item = s.items.byId(id, user.id);
        return (item === undefined ? item : withMethods(item)) as BoardItem;
      }),
    select: (filter?: ItemFilter) => {
      const copy = capture(() => copyJson(filter));
      return hub.call(frame, 'board.select', () =>
        s.items.selectMatching(frame.tab, copy()).map(withMethods),
      );
    },
    deselect: (filter?: ItemFilter) => {
      const copy = capture(() => copyJson(filter));
      return hub.call(frame, 'board.deselect', () =>
        s.items.deselectMatching(frame.tab, copy()).map(withMethods),
      );
    },
    canUse: (feature: BoardFeature) =>
      hub.call(frame, 'board.canUse', () => {
        if (!Object.hasOwn(ENTITLEMENT_OPTION, feature)) {
          throw invalid(`Unknown feature ${String(feature)}`);
        }
        return hub.options[ENTITLEMENT_OPTION[feature]];
      }),
    createFrame: create<FrameItem>('createFrame'),
    createStickyNote: create('createStickyNote'),
    createText: create('createText'),
    createShape: create('createShape'),
    createCard: create('createCard'),
    createImage: create('createImage'),
    createEmbed: create('createEmbed'),
    ui,
    viewport,
    notifications,
    storage: { collection },
    events,
    timer,
    collaboration,
  } satisfies MiroBoardSurface;

  // Sessions are experimental: a board Miro does not offer them to has no `collaboration` (2.1).
  if (hub.options.sessionsOffered === 'missing') {
    const { collaboration: _none, ...withoutSessions } = board;
    return {
      board: withoutSessions as unknown as MiroBoardSurface,
      clientVersion: CLIENT_VERSION,
    };
  }
  return { board, clientVersion: CLIENT_VERSION } satisfies MiroSurface;
};
