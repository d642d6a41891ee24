import type { SimOptions } from '../simulator/api';

/** Every option the drawer and the URL can set (the clock is code, not a setting). */
export type EditableOptions = Omit<SimOptions, 'clock'>;
export type OptionKey = keyof EditableOptions;

type Common = { label: string; group: 'knobs' | 'undocumented' | 'board'; ref?: string };
export type BooleanField = Common & { kind: 'boolean' };
export type NumberField = Common & { kind: 'number'; min: number; max: number; step: number };
export type NullableNumberField = Common & {
  kind: 'nullable-number';
  min: number;
  max: number;
  step: number;
  /** What null means, e.g. "never". */
  nullLabel: string;
};
export type EnumField<T extends string> = Common & { kind: 'enum'; values: readonly T[] };
export type RatesField = Common & { kind: 'rates' };

/** The field kind that fits an option's type; wrapped in [] so unions do not distribute. */
type FieldFor<T> = [T] extends [boolean]
  ? BooleanField
  : [T] extends [number]
    ? NumberField
    : [T] extends [number | null]
      ? NullableNumberField
      : [T] extends [string]
        ? EnumField<T>
        : RatesField;

/**
 * One entry per option, checked against api.ts: a new option in `Knobs` or
 * `UndocumentedBehaviour` is a compile error here until the drawer can set it.
 */
export type SettingsSchema = { [K in OptionKey]: FieldFor<EditableOptions[K]> };

const probability = { min: 0, max: 1, step: 0.05 } as const;
const ms = { min: 0, max: 120_000, step: 50 } as const;

export const SETTINGS: SettingsSchema = {
  seed: {
    group: 'board',
    label: 'Random seed (applies to new random choices)',
    kind: 'number',
    min: 0,
    max: 2 ** 31,
    step: 1,
  },
  callLatencyMs: { group: 'knobs', label: 'Call latency (ms)', kind: 'number', ...ms },
  callLatencyJitterMs: { group: 'knobs', label: 'Call latency jitter (ms)', kind: 'number', ...ms },
  eventLatencyMs: { group: 'knobs', label: 'Event latency (ms)', kind: 'number', ...ms },
  eventLatencyJitterMs: {
    group: 'knobs',
    label: 'Event latency jitter (ms)',
    kind: 'number',
    ...ms,
  },
  failureRate: {
    group: 'knobs',
    label: 'Failure rate per method (e.g. storage.set=0.2, session.invite=0.1)',
    kind: 'rates',
  },
  duplicateDelivery: {
    group: 'knobs',
    label: 'Duplicate delivery probability',
    kind: 'number',
    ...probability,
  },
  batchedReplies: {
    group: 'knobs',
    label: 'Batched replies (several calls resolve in one task)',
    ref: '1.4',
    kind: 'boolean',
  },
  enforceRateLimit: {
    group: 'knobs',
    label: 'Enforce rate limit (else only count)',
    ref: 'R1',
    kind: 'boolean',
  },
  creditsPerMinute: {
    group: 'knobs',
    label: 'Credits per minute',
    kind: 'number',
    min: 0,
    max: 10_000_000,
    step: 50,
  },
  creditsPerHour: {
    group: 'knobs',
    label: 'Credits per hour',
    kind: 'number',
    min: 0,
    max: 100_000_000,
    step: 50,
  },

  echoToWriter: {
    group: 'undocumented',
    ref: 'S1',
    label: 'Storage echo to the writer',
    kind: 'enum',
    values: ['all', 'none', 'other-iframes-of-tab'],
  },
  initialDelivery: {
    group: 'undocumented',
    ref: 'S2',
    label: 'onValue delivers the current value',
    kind: 'boolean',
  },
  dropStorageNotification: {
    group: 'undocumented',
    ref: 'S3',
    label: 'Drop storage notification probability',
    kind: 'number',
    ...probability,
  },
  suppressUnchanged: {
    group: 'undocumented',
    ref: 'S4',
    label: 'Suppress unchanged writes',
    kind: 'boolean',
  },
  versionFormat: {
    group: 'undocumented',
    ref: 'S5',
    label: 'Storage version format',
    kind: 'enum',
    values: ['counter', 'opaque'],
  },
  storageLimitBytes: {
    group: 'undocumented',
    ref: 'S6',
    label: 'Storage limit per key (bytes)',
    kind: 'number',
    min: 0,
    max: 1_048_576,
    step: 1024,
  },
  broadcastExcludeScope: {
    group: 'undocumented',
    ref: 'E1',
    label: 'Broadcast skips the sender’s',
    kind: 'enum',
    values: ['tab', 'iframe'],
  },
  broadcastLimitBytes: {
    group: 'undocumented',
    ref: 'E2',
    label: 'Broadcast payload limit (bytes)',
    kind: 'nullable-number',
    min: 0,
    max: 1_048_576,
    step: 1024,
    nullLabel: 'unlimited',
  },
  dropBroadcast: {
    group: 'undocumented',
    ref: 'E4',
    label: 'Drop broadcast probability',
    kind: 'number',
    ...probability,
  },
  invitationTimeoutMs: {
    group: 'undocumented',
    ref: 'C2',
    label: 'Invitation timeout (ms)',
    kind: 'nullable-number',
    ...ms,
    nullLabel: 'never',
  },
  acceptEventOrder: {
    group: 'undocumented',
    ref: 'C3',
    label: 'Event order on accept',
    kind: 'enum',
    values: ['responded-then-joined', 'joined-then-responded'],
  },
  sessionEventRecipients: {
    group: 'undocumented',
    ref: 'C4',
    label: 'Session events go to',
    kind: 'enum',
    values: ['subscribers', 'members', 'starter'],
  },
  inviteMember: {
    group: 'undocumented',
    ref: 'C5',
    label: 'Inviting a member',
    kind: 'enum',
    values: ['no-op', 'reject'],
  },
  inviteOffline: {
    group: 'undocumented',
    ref: 'C6',
    label: 'Inviting an offline user',
    kind: 'enum',
    values: ['skip', 'reject'],
  },
  secondSession: {
    group: 'undocumented',
    ref: 'C7',
    label: 'Joining a second session',
    kind: 'enum',
    values: ['move', 'reject'],
  },
  getUsersShape: {
    group: 'undocumented',
    ref: 'C8',
    label: 'session.getUsers() shape',
    kind: 'enum',
    values: ['objects', 'strings'],
  },
  endEmitsUserLeft: {
    group: 'undocumented',
    ref: 'C9',
    label: 'end() emits user-left',
    kind: 'boolean',
  },
  sessionsStartedToStarterTab: {
    group: 'undocumented',
    ref: 'C10',
    label: 'sessions:started reaches the starter’s tab',
    kind: 'boolean',
  },
  endWhenStarterOfflineMs: {
    group: 'undocumented',
    ref: 'C11',
    label: 'End sessions when the starter is offline for (ms)',
    kind: 'nullable-number',
    ...ms,
    nullLabel: 'never',
  },
  starterOnly: {
    group: 'undocumented',
    ref: 'C12',
    label: 'Only the starter may end/invite',
    kind: 'boolean',
  },
  offlineMemberLeaves: {
    group: 'undocumented',
    ref: 'C13',
    label: 'Offline member leaves the session',
    kind: 'boolean',
  },
  redundantJoinLeave: {
    group: 'undocumented',
    ref: 'C14',
    label: 'Redundant join()/leave()',
    kind: 'enum',
    values: ['no-op', 'reject'],
  },
  zoomToRequiresMembership: {
    group: 'undocumented',
    ref: 'C15',
    label: 'collaboration.zoomTo requires membership',
    kind: 'boolean',
  },
  starterAutoJoins: {
    group: 'undocumented',
    ref: 'C18',
    label: 'Starter auto-joins',
    kind: 'boolean',
  },
  timerFinishOnStop: {
    group: 'undocumented',
    ref: 'T2',
    label: 'timer.stop() also emits finish',
    kind: 'boolean',
  },
  timerTickMs: {
    group: 'undocumented',
    ref: 'T2',
    label: 'Timer update ticks (ms)',
    kind: 'nullable-number',
    min: 100,
    max: 60_000,
    step: 100,
    nullLabel: 'none',
  },
  timerStartRestarts: {
    group: 'undocumented',
    ref: 'T3',
    label: 'timer.start() while running restarts',
    kind: 'boolean',
  },
  timerEntitled: {
    group: 'undocumented',
    ref: 'T4',
    label: 'Timer available (paid plan)',
    kind: 'boolean',
  },
  timerStoppedTotal: {
    group: 'undocumented',
    ref: 'T5',
    label: 'Timer total after stop',
    kind: 'enum',
    values: ['last', 'zero'],
  },
  notificationOverflow: {
    group: 'undocumented',
    ref: 'N1',
    label: 'Notification over 80 characters',
    kind: 'enum',
    values: ['reject', 'truncate'],
  },
  onlineUsersPayload: {
    group: 'undocumented',
    ref: 'U2',
    label: 'online_users:update payload',
    kind: 'enum',
    values: ['full', 'empty'],
  },
  userInfoEmail: {
    group: 'undocumented',
    ref: 'U3',
    label: 'getUserInfo() includes email',
    kind: 'boolean',
  },
  getUnknownId: {
    group: 'undocumented',
    ref: 'B1',
    label: 'board.get({id}) of an unknown id',
    kind: 'enum',
    values: ['empty', 'reject'],
  },
  getTypeAndId: {
    group: 'undocumented',
    ref: 'B2',
    label: 'board.get({type, id})',
    kind: 'enum',
    values: ['and', 'ignore-type'],
  },
  getByIdUnknown: {
    group: 'undocumented',
    ref: 'B3',
    label: 'getById() of an unknown id',
    kind: 'enum',
    values: ['reject', 'undefined'],
  },
  reopenPanel: {
    group: 'undocumented',
    ref: 'P1',
    label: 'openPanel() while open',
    kind: 'enum',
    values: ['replace', 'no-op'],
  },
  itemEventRecipients: {
    group: 'undocumented',
    ref: 'I1',
    label: 'Item events (create/update/delete) reach',
    kind: 'enum',
    values: ['everyone', 'own-tabs', 'none'],
  },
  itemEventBatching: {
    group: 'undocumented',
    ref: 'I2',
    label: 'Item events carry',
    kind: 'enum',
    values: ['per-action', 'per-item'],
  },
  itemReadStaleMs: {
    group: 'undocumented',
    ref: 'I4',
    label: 'Others read an item changed this recently as before (ms)',
    kind: 'number',
    ...ms,
  },
  createInsideFrame: {
    group: 'undocumented',
    ref: 'I5',
    label: 'An item created inside a frame is',
    kind: 'enum',
    values: ['not-child', 'child'],
  },
  timerIsStartedWhilePaused: {
    group: 'undocumented',
    ref: 'T6',
    label: 'timer.isStarted() is true while paused',
    kind: 'boolean',
  },
  duplicateRegistration: {
    group: 'undocumented',
    ref: 'X1',
    label: 'The same handler registered twice is called',
    kind: 'enum',
    values: ['once', 'per-registration'],
  },
  votingEntitled: {
    group: 'undocumented',
    ref: '2.6',
    label: 'Voting available (canUse)',
    kind: 'boolean',
  },
  sessionsOffered: {
    group: 'undocumented',
    ref: '2.1',
    label: 'Sessions offered to the app (apps loaded after the change)',
    kind: 'enum',
    values: ['yes', 'missing', 'refused'],
  },
};

/** Keys in drawer order. */
export const OPTION_KEYS = Object.keys(SETTINGS) as OptionKey[];
