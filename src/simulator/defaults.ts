import type { Knobs, SimOptions, UndocumentedBehaviour } from './api';
import { globalClock } from './clock';

/** The "Simulator default" column of miro-sdk.md section 3. */
export const defaultBehaviour: UndocumentedBehaviour = {
  echoToWriter: 'all',
  initialDelivery: false,
  dropStorageNotification: 0,
  suppressUnchanged: false,
  versionFormat: 'counter',
  storageLimitBytes: 65_536,
  broadcastExcludeScope: 'tab',
  broadcastLimitBytes: 65_536,
  dropBroadcast: 0,
  invitationTimeoutMs: 30_000,
  acceptEventOrder: 'responded-then-joined',
  sessionEventRecipients: 'subscribers',
  inviteMember: 'no-op',
  inviteOffline: 'skip',
  secondSession: 'move',
  getUsersShape: 'objects',
  endEmitsUserLeft: false,
  sessionsStartedToStarterTab: true,
  endWhenStarterOfflineMs: null,
  starterOnly: false,
  offlineMemberLeaves: true,
  redundantJoinLeave: 'no-op',
  zoomToRequiresMembership: true,
  starterAutoJoins: false,
  timerFinishOnStop: false,
  timerTickMs: null,
  timerStartRestarts: false,
  timerEntitled: true,
  timerStoppedTotal: 'last',
  notificationOverflow: 'reject',
  onlineUsersPayload: 'full',
  userInfoEmail: true,
  getUnknownId: 'empty',
  getTypeAndId: 'and',
  getByIdUnknown: 'reject',
  reopenPanel: 'replace',
};

/** No latency, no faults; Miro's documented credit budget (miro-sdk.md 4.1), enforced. */
export const defaultKnobs: Knobs = {
  callLatencyMs: 0,
  callLatencyJitterMs: 0,
  eventLatencyMs: 0,
  eventLatencyJitterMs: 0,
  failureRate: {},
  duplicateDelivery: 0,
  batchedReplies: false,
  enforceRateLimit: true,
  creditsPerMinute: 100_000,
  creditsPerHour: 1_000_000,
};

export const defaultOptions = (): SimOptions => ({
  ...defaultBehaviour,
  ...defaultKnobs,
  failureRate: {},
  seed: 1,
  clock: globalClock,
});
