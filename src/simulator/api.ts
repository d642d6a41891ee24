/**
 * The public face of the simulated Miro board. Tests, the playground, the benchmark and the
 * fault-injection runner drive a board through these types; the app itself never sees them: it
 * only sees the `MiroSurface` each simulated iframe is handed.
 */
import type {
  CardItem,
  EmbedItem,
  FrameData,
  ImageItem,
  Json,
  MiroSurface,
  OnlineUserInfo,
  Rect,
  ShapeItem,
  StickyNoteItem,
  TextItem,
  TimerInstance,
} from '../sdk/surface';

/** Behaviours miro-sdk.md section 3 marks undocumented; each row is a named switch. */
export type UndocumentedBehaviour = {
  /** S1: who gets `onValue` for a write. */
  echoToWriter: 'all' | 'none' | 'other-iframes-of-tab';
  /** S2 */
  initialDelivery: boolean;
  /** S3: value committed but its event lost, probability 0..1 per subscriber. */
  dropStorageNotification: number;
  /** S4 */
  suppressUnchanged: boolean;
  /** S5 */
  versionFormat: 'counter' | 'opaque';
  /** S6: bytes of UTF-8 JSON per key. */
  storageLimitBytes: number;
  /** E1 */
  broadcastExcludeScope: 'tab' | 'iframe';
  /** E2: bytes, or null for unlimited. */
  broadcastLimitBytes: number | null;
  /** E4: probability 0..1 that one broadcast delivery is lost. */
  dropBroadcast: number;
  /** C2: ms, or null for never. */
  invitationTimeoutMs: number | null;
  /** C3 */
  acceptEventOrder: 'responded-then-joined' | 'joined-then-responded';
  /** C4 */
  sessionEventRecipients: 'subscribers' | 'members' | 'starter';
  /** C5 */
  inviteMember: 'no-op' | 'reject';
  /** C6 */
  inviteOffline: 'skip' | 'reject';
  /** C7 */
  secondSession: 'move' | 'reject';
  /** C8 */
  getUsersShape: 'objects' | 'strings';
  /** C9 */
  endEmitsUserLeft: boolean;
  /** C10 */
  sessionsStartedToStarterTab: boolean;
  /** C11: ms of grace, or null to never end. */
  endWhenStarterOfflineMs: number | null;
  /** C12 */
  starterOnly: boolean;
  /** C13 */
  offlineMemberLeaves: boolean;
  /** C14 */
  redundantJoinLeave: 'no-op' | 'reject';
  /** C15 */
  zoomToRequiresMembership: boolean;
  /** C18 */
  starterAutoJoins: boolean;
  /** T2 */
  timerFinishOnStop: boolean;
  /** T2: ms between `update` ticks, or null for none. */
  timerTickMs: number | null;
  /** T3 */
  timerStartRestarts: boolean;
  /** T4 */
  timerEntitled: boolean;
  /** T5 */
  timerStoppedTotal: 'last' | 'zero';
  /** N1 */
  notificationOverflow: 'reject' | 'truncate';
  /** U2 */
  onlineUsersPayload: 'full' | 'empty';
  /** U3 */
  userInfoEmail: boolean;
  /** B1 */
  getUnknownId: 'empty' | 'reject';
  /** B2 */
  getTypeAndId: 'and' | 'ignore-type';
  /** B3 */
  getByIdUnknown: 'reject' | 'undefined';
  /** P1 */
  reopenPanel: 'replace' | 'no-op';
  /** I1: who receives `items:create` / `experimental:items:update` / `items:delete`. */
  itemEventRecipients: 'everyone' | 'own-tabs' | 'none';
  /** I2 */
  itemEventBatching: 'per-action' | 'per-item';
  /** I4: ms during which another user's change is not yet seen by `get` (0: at once). */
  itemReadStaleMs: number;
  /** I5 */
  createInsideFrame: 'not-child' | 'child';
  /** T6 */
  timerIsStartedWhilePaused: boolean;
  /** X1 */
  duplicateRegistration: 'once' | 'per-registration';
  /** `canUse('voting')` (T4 is the timer's switch). */
  votingEntitled: boolean;
  /**
   * Sessions are experimental (2.1): 'missing' gives app iframes started afterwards no
   * `miro.board.collaboration`; 'refused' makes `startSession` reject.
   */
  sessionsOffered: 'yes' | 'missing' | 'refused';
};

/** Timing, faults and limits: the knobs of the settings drawer. */
export type Knobs = {
  /** Simulated one-way latency of a call reply, ms, plus uniform jitter 0..latencyJitterMs. */
  callLatencyMs: number;
  callLatencyJitterMs: number;
  /** Latency of an event delivery (storage, broadcast, session, timer, ui), ms, plus jitter. */
  eventLatencyMs: number;
  eventLatencyJitterMs: number;
  /** Probability 0..1 that a call of the named method rejects with a transient error. */
  failureRate: Partial<Record<SdkMethod, number>>;
  /** Probability 0..1 that an unordered delivery is duplicated. */
  duplicateDelivery: number;
  /** Resolve several pending calls in one macrotask (miro-sdk.md 1.4, D4). */
  batchedReplies: boolean;
  /** Credits: reject over-budget calls (true) or only record them (false). */
  enforceRateLimit: boolean;
  creditsPerMinute: number;
  creditsPerHour: number;
};

export type SimOptions = UndocumentedBehaviour &
  Knobs & {
    /** Seed of every random choice the simulator makes. */
    seed: number;
    clock: Clock;
  };

/** Defaults to the global timers, looked up at call time so Vitest fake timers apply. */
export type Clock = {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

/** `namespace.method` names used for counters, credits and failure injection. */
export type SdkMethod = string;

export type SimUser = {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** C19: a user without the app gets invitations but runs no app iframes. */
  readonly hasApp: boolean;
  online: boolean;
  viewport: Rect;
};

export type IframeKind = 'headless' | 'panel';

/** One app iframe: its own subscriptions, its own `miro` global. */
export type SimIframe = {
  readonly id: string;
  readonly kind: IframeKind;
  readonly tab: SimTab;
  readonly miro: MiroSurface;
  /** Drops every subscription made from this iframe, as a destroyed iframe would. */
  destroy(): void;
  readonly destroyed: boolean;
};

/** One browser tab with the board open (miro-sdk.md 1.2). */
export type SimTab = {
  readonly id: string;
  readonly user: SimUser;
  readonly headless: SimIframe | null;
  readonly panel: SimIframe | null;
  /** The URL and data of the open panel, as passed to `openPanel`. */
  readonly panelRequest: { url: string; data?: Json } | null;
  /** Closes the panel as the user's X button would. */
  closePanel(): void;
  /** Clicks the app icon in this tab's toolbar: `icon:click` to the headless iframe. */
  clickAppIcon(): void;
  /** Reloads the app: destroys and recreates the headless iframe (and closes the panel). */
  reloadApp(): SimIframe | null;
  close(): void;
  readonly closed: boolean;
};

export type SimInvitation = {
  readonly id: string;
  readonly sessionId: string;
  readonly sessionName: string;
  readonly inviterName: string;
  readonly userId: string;
  /** Absolute clock time at which it times out, or null. */
  readonly expiresAt: number | null;
};

export type SimSessionState = {
  readonly id: string;
  readonly name: string;
  readonly starterId: string;
  readonly appId: string;
  readonly memberIds: readonly string[];
  readonly ended: boolean;
};

export type SimNotification = {
  readonly id: string;
  readonly userId: string;
  readonly tabId: string;
  readonly type: 'info' | 'error';
  readonly message: string;
  readonly at: number;
};

/** Items the Web SDK reads but the simulator only draws and lists (none can be created here). */
export type SimOtherType = 'connector' | 'group' | 'app_card' | 'preview' | 'unsupported';

export type SimOtherItem = Omit<
  FrameData,
  'type' | 'title' | 'childrenIds' | 'style' | 'showContent'
> & {
  readonly type: SimOtherType;
};

/**
 * An item as the board holds it: the fields websdk-types gives it, and `x, y` its centre in
 * board coordinates, also for children (the SDK reports a child's `x, y` relative to its frame's
 * top-left corner, miro-sdk.md 2.10a).
 */
export type SimItem =
  | FrameData
  | StickyNoteItem
  | TextItem
  | ShapeItem
  | CardItem
  | ImageItem
  | (EmbedItem & { width: number; height: number })
  | SimOtherItem;

/** What a person draws on the board: any item, by its type, with what it holds. */
export type SimItemProps =
  | { type: 'sticky_note'; content?: string; fillColor?: StickyNoteItem['style']['fillColor'] }
  | { type: 'text'; content?: string; color?: string }
  | { type: 'shape'; content?: string; shape?: ShapeItem['shape']; fillColor?: string }
  | { type: 'card'; title?: string; description?: string }
  | { type: 'image'; url?: string; title?: string }
  | { type: 'embed'; url?: string }
  | { type: SimOtherType };

/** Who does something on the board: a user id, or null for someone the board does not model. */
export type SimActor = { by?: string | null };

/** What changed, for the playground's renderer and for tests that wait on the board. */
export type BoardChange =
  | { kind: 'users' }
  | { kind: 'items' }
  | { kind: 'selection'; tabId: string }
  | { kind: 'viewport'; userId: string }
  | { kind: 'panel'; tabId: string }
  | { kind: 'invitations' }
  | { kind: 'notification'; notification: SimNotification }
  | { kind: 'sessions' }
  | { kind: 'timer' }
  | { kind: 'storage'; collection: string; key: string }
  | { kind: 'options' };

/** Handlers the apps hold registered with the board: what a leak would make grow. */
export type Registrations = { listeners: number; storageSubscriptions: number };

export type Counters = {
  /** calls[userId][method] */
  calls: Record<string, Record<SdkMethod, number>>;
  /** credits spent per user (all windows). */
  credits: Record<string, number>;
  /** highest credits spent by a user in one minute window. */
  peakCreditsPerMinute: Record<string, number>;
  rateLimited: Record<string, number>;
  storageWrites: number;
  storageBytes: number;
  maxStoredValueBytes: number;
  /** Bytes of storage values delivered, summed over every app iframe each one reached. */
  storageBytesDelivered: number;
  /** Storage values delivered, one per app iframe reached. */
  storageDeliveries: number;
  broadcasts: number;
};

export type SimBoard = {
  readonly options: Readonly<SimOptions>;
  setOptions(patch: Partial<Omit<SimOptions, 'clock'>>): void;

  addUser(props: { id?: string; name: string; hasApp?: boolean }): SimUser;
  removeUser(userId: string): void;
  users(): readonly SimUser[];
  /** Takes the user offline (all their tabs stop receiving) or back online. */
  setOnline(userId: string, online: boolean): void;

  /** Opens a board tab for the user; its headless iframe starts at once (if the user has the app). */
  openTab(userId: string): SimTab;
  tabs(userId?: string): readonly SimTab[];
  /**
   * Called after app code opened a panel: the simulator has already created the panel's
   * SimIframe (`tab.panel`, with its own `miro`); the host (playground) renders a real iframe for
   * `request.url` and hands it `tab.panel.miro`. Without a host the panel stays headless-only.
   */
  setPanelHost(host: ((tab: SimTab, request: { url: string; data?: Json }) => void) | null): void;

  addFrame(
    props: { title: string; x: number; y: number; width: number; height: number } & SimActor,
  ): FrameData;
  /** `parentId`: the frame it is drawn in (it joins that frame's `childrenIds`). */
  addSticky(
    props: { content: string; x: number; y: number; parentId?: string } & SimActor,
  ): SimItem;
  /**
   * Items a person draws or pastes in one action (one item event under I2 'per-action'); each
   * drawn at `x, y` (board coordinates) inside `parentId` becomes that frame's child.
   */
  addItems(
    items: ReadonlyArray<SimItemProps & { x: number; y: number; parentId?: string }>,
    actor?: SimActor,
  ): SimItem[];
  /** A person edits an item's text (content, or a card's title). */
  editItem(itemId: string, text: string, actor?: SimActor): void;
  renameFrame(frameId: string, title: string, actor?: SimActor): void;
  deleteItem(itemId: string, actor?: SimActor): void;
  /** Every item, children in board coordinates. */
  items(): readonly SimItem[];
  /** Sets what this tab's user has selected: `selection:update` in that tab. */
  select(tabId: string, itemIds: string[]): void;
  selection(tabId: string): readonly string[];

  invitations(userId?: string): readonly SimInvitation[];
  respondToInvitation(
    invitationId: string,
    response: 'accepted' | 'rejected',
    reason?: 'clicked-button' | 'clicked-outside',
  ): void;
  /** C1 variant: scripted answers, for tests. */
  autoRespond(userId: string, response: 'accepted' | 'rejected' | null, afterMs?: number): void;

  sessions(): readonly SimSessionState[];
  /** C16: pretend another app runs sessions on this board. */
  setForeignSessionActive(active: boolean): void;
  /** P2: pretend another app's panel is open in this tab. */
  setForeignPanelOpen(tabId: string, open: boolean): void;
  timer(): TimerInstance;
  notifications(userId?: string): readonly SimNotification[];
  storageValue(collection: string, key: string): Json | undefined;
  /** The keys of a collection that hold a value now. */
  storageKeys(collection: string): string[];
  /** Writes storage as another client would (e.g. corrupt data), with notifications. */
  writeStorage(collection: string, key: string, value: Json | undefined): void;

  counters(): Counters;
  resetCounters(): void;
  /**
   * Handlers registered now by the apps of every open tab (`on` and session handlers as
   * listeners, `onValue` as storage subscriptions): after a breakout the same as after the
   * one before, or the app leaks them.
   */
  registrations(): Registrations;

  subscribe(listener: (change: BoardChange) => void): () => void;
  /**
   * Settles when no simulated call, delivery or scripted answer is queued, checked across a real
   * macrotask so app reactions count. It sets no clock timers: with fake timers, advance time
   * while awaiting it, or use `settleBoard` (index.ts). Invitation timeouts and the board timer
   * are future events, not pending work.
   */
  idle(): Promise<void>;
  /** Calls, deliveries and scripted answers still queued (for fake-timer loops). */
  pending(): number;
  /** Errors thrown (or rejected) by app handlers the simulator called, oldest first. */
  handlerErrors(): readonly unknown[];
  /** Online users as `getOnlineUsers` would report them. */
  onlineUsers(): OnlineUserInfo[];
};
