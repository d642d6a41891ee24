/**
 * The part of Miro's Web SDK this app uses, derived from @mirohq/websdk-types so that drift in
 * the platform's types is a compile error here, in the seam and in the simulator.
 *
 * Board items are narrowed to the fields the app reads, picked from Miro's own item classes: the
 * real SDK returns those classes, which are assignable to these shapes, and the simulator returns
 * plain objects of these shapes (frames with their methods).
 */
import type {
  AppCardConnectEvent,
  AppCardOpenEvent,
  Attention,
  BaseItem,
  BoardFeature,
  BoardInfo,
  Card,
  CardProps,
  Collaboration,
  Collection,
  DropEvent,
  Embed,
  EmbedProps,
  Frame,
  Image,
  Json,
  OneOrMany,
  OnlineUserInfo,
  OnlineUsersUpdateEvent,
  RealtimeEvents,
  Rect,
  Session,
  SessionStartProps,
  SessionsLifecycleEvent,
  Shape,
  ShapeProps,
  StickyNote,
  StickyNoteProps,
  Text,
  TextProps,
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

/** Where an item is and who made and last changed it; every item Miro can read has them. */
type Placement =
  | 'id'
  | 'type'
  | 'x'
  | 'y'
  | 'parentId'
  | 'createdAt'
  | 'createdBy'
  | 'modifiedAt'
  | 'modifiedBy';

/**
 * The fields of a frame the app reads (a room or the main area). `x, y` of a frame are its centre
 * on the board; a child's `x, y` are relative to its frame's top-left corner (miro-sdk.md 2.10a).
 */
export type FrameRef = ItemRef & {
  readonly type: 'frame';
  title: string;
  x: number;
  y: number;
  width: number;
  height: number;
  childrenIds: string[];
};

export type StickyNoteItem = Pick<
  StickyNote,
  Placement | 'width' | 'height' | 'shape' | 'content' | 'style' | 'tagIds'
>;
export type TextItem = Pick<
  Text,
  Placement | 'width' | 'height' | 'rotation' | 'content' | 'style'
>;
export type ShapeItem = Pick<
  Shape,
  Placement | 'width' | 'height' | 'rotation' | 'shape' | 'content' | 'style'
>;
export type CardItem = Pick<
  Card,
  Placement | 'width' | 'height' | 'rotation' | 'title' | 'description' | 'style' | 'taskStatus'
>;
export type ImageItem = Pick<Image, Placement | 'width' | 'height' | 'rotation' | 'url' | 'title'>;
export type EmbedItem = Pick<Embed, Placement | 'width' | 'height' | 'url' | 'mode'>;
/** A frame as data: what `board.get` reports, without its methods. */
export type FrameData = FrameRef & Pick<Frame, Placement | 'style' | 'showContent'>;
/**
 * Anything else Miro reports (connectors, groups, app cards, and the items the Web SDK cannot
 * read, which it reports as unsupported). Read defensively: only `id` and `type` are certain.
 */
export type OtherItem = ItemRef & Partial<Pick<BaseItem, Placement>>;

/** A frame as `board.get` and `createFrame` hand it out: its fields and the calls it makes. */
export type FrameItem = FrameData & {
  /** Makes `item` a child of this frame (one Level 1 call); resolves with the child. */
  add(item: ItemRef): Promise<BoardItem>;
  /** Direct children only (miro-sdk.md 2.10a). */
  getChildren(): Promise<BoardItem[]>;
};

/** Any item read from the board. Content fields are untrusted markup: show them as text. */
export type BoardItem =
  | FrameItem
  | StickyNoteItem
  | TextItem
  | ShapeItem
  | CardItem
  | ImageItem
  | EmbedItem
  | OtherItem;

export type ItemFilter = { id: string | string[] } | { type?: string | string[] };

/** What a `create*` call may set; the ids, authors and times are Miro's. */
type Located = 'x' | 'y' | 'width' | 'style';
export type CreateFrameProps = Partial<Pick<Frame, 'title' | 'x' | 'y' | 'width' | 'height'>> & {
  style?: Partial<Frame['style']>;
};
/** Miro takes a sticky note's width or its height, not both (the other follows its shape). */
export type CreateStickyNoteProps = Pick<StickyNoteProps, Located | 'height' | 'shape' | 'content'>;
export type CreateTextProps = Pick<TextProps, Located | 'rotation' | 'content'>;
export type CreateShapeProps = Pick<
  ShapeProps,
  Located | 'height' | 'rotation' | 'shape' | 'content'
>;
export type CreateCardProps = Pick<
  CardProps,
  Located | 'rotation' | 'title' | 'description' | 'taskStatus'
>;
export type CreateImageProps = Pick<Image, 'url'> &
  Partial<Pick<Image, 'x' | 'y' | 'width' | 'rotation' | 'title'>>;
export type CreateEmbedProps = Pick<Embed, 'url'> & Pick<EmbedProps, 'x' | 'y' | 'mode'>;

export type SelectionEvent = { items: ItemRef[] };
export type ItemsEvent = { items: BoardItem[] };

/**
 * `ui.on`/`ui.off` for every event name websdk-types allows (real-miro-check.ts proves the list
 * is complete). Custom actions are `custom:<name>`.
 */
export type UiEvents = {
  'icon:click': () => void;
  drop: (event: DropEvent) => void;
  'app_card:open': (event: AppCardOpenEvent) => void;
  'app_card:connect': (event: AppCardConnectEvent) => void;
  'selection:update': (event: SelectionEvent) => void;
  'online_users:update': (event: OnlineUsersUpdateEvent) => void;
  'items:create': (event: ItemsEvent) => void;
  'experimental:items:update': (event: ItemsEvent) => void;
  'items:delete': (event: ItemsEvent) => void;
} & { [Name in `custom:${string}`]: (event: ItemsEvent) => void };

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

/** Miro's `NotificationType` is an enum the app cannot import at run time; these are its values. */
export type NotificationsSurface = {
  showInfo(message: string): Promise<void>;
  showError(message: string): Promise<void>;
  show(options: { type: 'info' | 'error'; message: string }): Promise<void>;
};

/** Everything under `miro.board` that the app calls. */
export type MiroBoardSurface = {
  getInfo(): Promise<BoardInfo>;
  getUserInfo(): Promise<UserInfo>;
  getOnlineUsers(): Promise<OnlineUserInfo[]>;
  getSelection(): Promise<BoardItem[]>;
  get(filter?: ItemFilter): Promise<BoardItem[]>;
  getById(id: string): Promise<BoardItem>;
  /** Changes the current user's selection only (miro-sdk.md 2.9). */
  select(filter?: ItemFilter): Promise<BoardItem[]>;
  deselect(filter?: ItemFilter): Promise<BoardItem[]>;
  canUse(feature: BoardFeature): Promise<boolean>;
  createFrame(props?: CreateFrameProps): Promise<FrameItem>;
  createStickyNote(props?: CreateStickyNoteProps): Promise<StickyNoteItem>;
  createText(props?: CreateTextProps): Promise<TextItem>;
  createShape(props?: CreateShapeProps): Promise<ShapeItem>;
  createCard(props?: CreateCardProps): Promise<CardItem>;
  /** Level 3: ten times the credits of a sticky note (miro-sdk.md 4.1). */
  createImage(props: CreateImageProps): Promise<ImageItem>;
  /** Level 3, like images. */
  createEmbed(props: CreateEmbedProps): Promise<EmbedItem>;
  readonly ui: UiSurface;
  readonly viewport: ViewportSurface;
  readonly notifications: NotificationsSurface;
  readonly storage: StorageSurface;
  readonly events: RealtimeEvents;
  readonly timer: TimerSurface;
  /**
   * Sessions are experimental: a board or app Miro does not offer them to has no
   * `collaboration` at all, or refuses `startSession` (see `sessionsOffered`).
   */
  readonly collaboration: CollaborationSurface;
};

export type MiroSurface = { readonly board: MiroBoardSurface; readonly clientVersion: string };

export type SessionsLifecycleHandler = (event: SessionsLifecycleEvent) => void;

export const isFrame = <T extends ItemRef>(item: T): item is T & FrameRef => item.type === 'frame';

/**
 * False on a board whose SDK has no sessions at all (the experimental namespace is missing).
 * Through the seam such a board has a stand-in instead (`sdk/no-sessions.ts`).
 */
export const hasCollaboration = (board: object): boolean =>
  typeof (board as { collaboration?: { startSession?: unknown } }).collaboration?.startSession ===
  'function';
