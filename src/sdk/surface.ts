/**
 * The part of Miro's Web SDK this app uses, derived from @mirohq/websdk-types so that drift in
 * the platform's types is a compile error here, in the seam and in the simulator.
 *
 * Board items are narrowed to the fields the app reads: the real SDK returns rich item classes,
 * which are assignable to these shapes, and the simulator returns plain objects of these shapes.
 */
import type {
  Attention,
  BoardFeature,
  BoardInfo,
  Collaboration,
  Collection,
  ItemsDeleteEvent,
  Json,
  Notifications,
  OneOrMany,
  OnlineUserInfo,
  OnlineUsersUpdateEvent,
  RealtimeEvents,
  Rect,
  Session,
  SessionStartProps,
  SessionsLifecycleEvent,
  Timer,
  UserInfo,
} from '@mirohq/websdk-types';

export type {
  BoardFeature,
  BoardInfo,
  InvitationResponseEvent,
  Json,
  OnlineUserInfo,
  Rect,
  Session,
  SessionsLifecycleEvent,
  TimerEvent,
  TimerInstance,
  UserInfo,
  UserSessionEvent,
} from '@mirohq/websdk-types';

/** The fields of any board item the app reads. */
export type ItemRef = {
  readonly id: string;
  readonly type: string;
};

/** The fields of a frame the app reads (a room or the main area). */
export type FrameRef = ItemRef & {
  readonly type: 'frame';
  title: string;
  x: number;
  y: number;
  width: number;
  height: number;
  childrenIds: string[];
};

export type ItemFilter = { id: string | string[] } | { type?: string | string[] };

export type CreateFrameProps = {
  title?: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
};

export type SelectionEvent = { items: ItemRef[] };
export type ItemsEvent = { items: ItemRef[] };

/** `ui.on`/`ui.off` for the events the app subscribes to. */
export type UiEvents = {
  'icon:click': () => void;
  'selection:update': (event: SelectionEvent) => void;
  'online_users:update': (event: OnlineUsersUpdateEvent) => void;
  'items:delete': (event: ItemsDeleteEvent | ItemsEvent) => void;
  'experimental:items:update': (event: ItemsEvent) => void;
};

export type UiSurface = {
  openPanel(options: { url: string; height?: number; data?: Json }): Promise<{
    waitForClose: () => Promise<unknown>;
  }>;
  canOpenPanel(): Promise<boolean>;
  getPanelData<Data = unknown>(): Promise<Data | undefined>;
  closePanel(result?: Json): Promise<void>;
  on<E extends keyof UiEvents>(event: E, handler: UiEvents[E]): void | Promise<void>;
  off<E extends keyof UiEvents>(event: E, handler: UiEvents[E]): void | Promise<void>;
};

export type ViewportSurface = {
  get(): Promise<Rect>;
  set(options: { viewport: Rect; animationDurationInMs?: number }): Promise<Rect>;
  zoomTo(items: OneOrMany<ItemRef>): Promise<void>;
};

export type CollaborationSurface = Pick<Collaboration, 'getSessions' | 'on' | 'off'> & {
  readonly attention: Attention;
  startSession(props: SessionStartProps): Promise<Session>;
  zoomTo(user: OnlineUserInfo, items: OneOrMany<ItemRef>): Promise<void>;
};

export type StorageSurface = { collection(name: string): Collection };

export type TimerSurface = Omit<Timer, 'on' | 'off'> & {
  on: (...args: Parameters<Timer['on']>) => void | Promise<void>;
  off: (...args: Parameters<Timer['off']>) => void | Promise<void>;
};

/** Everything under `miro.board` that the app calls. */
export type MiroBoardSurface = {
  getInfo(): Promise<BoardInfo>;
  getUserInfo(): Promise<UserInfo>;
  getOnlineUsers(): Promise<OnlineUserInfo[]>;
  getSelection(): Promise<ItemRef[]>;
  get(filter?: ItemFilter): Promise<ItemRef[]>;
  getById(id: string): Promise<ItemRef>;
  canUse(feature: BoardFeature): Promise<boolean>;
  createFrame(props?: CreateFrameProps): Promise<FrameRef>;
  readonly ui: UiSurface;
  readonly viewport: ViewportSurface;
  readonly notifications: Pick<Notifications, 'showInfo' | 'showError'>;
  readonly storage: StorageSurface;
  readonly events: RealtimeEvents;
  readonly timer: TimerSurface;
  readonly collaboration: CollaborationSurface;
};

export type MiroSurface = { readonly board: MiroBoardSurface; readonly clientVersion: string };

export type SessionsLifecycleHandler = (event: SessionsLifecycleEvent) => void;

export const isFrame = (item: ItemRef): item is FrameRef => item.type === 'frame';
