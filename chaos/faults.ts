/**
 * What can go wrong in one run, drawn from the run's seed: the simulator's fault knobs, one
 * variant of each undocumented behaviour (miro-sdk.md section 3), and the things people do to a
 * breakout (reloads, hand-overs, going offline, deleting frames).
 */
import { createRandom, type Random, randomIndex } from '../src/domain/random';
import type { Knobs, UndocumentedBehaviour } from '../src/simulator/api';
import { defaultBehaviour } from '../src/simulator/index';

/** Request methods the app makes (the seam retries these). */
export const REQUEST_METHODS = [
  'board.getUserInfo',
  'board.getInfo',
  'board.getOnlineUsers',
  'board.get',
  'board.getById',
  'board.canUse',
  'viewport.get',
  'viewport.set',
  'notifications.showInfo',
  'notifications.showError',
  'storage.get',
  'storage.set',
  'events.broadcast',
  'timer.start',
  'timer.stop',
  'collaboration.startSession',
  'collaboration.getSessions',
  'session.invite',
  'session.join',
  'session.end',
  'session.hasJoined',
  'session.getUsers',
  'ui.openPanel',
  'ui.canOpenPanel',
] as const;

/** Registrations the app makes (the seam retries these too since they are idempotent). */
export const SUBSCRIPTION_METHODS = [
  'ui.on',
  'events.on',
  'collaboration.on',
  'storage.onValue',
  'session.on',
] as const;

/** Every value each undocumented behaviour may take; the first is the simulator's default. */
const VARIANTS: { [K in keyof UndocumentedBehaviour]?: readonly UndocumentedBehaviour[K][] } = {
  echoToWriter: ['all', 'none', 'other-iframes-of-tab'],
  initialDelivery: [false, true],
  suppressUnchanged: [false, true],
  versionFormat: ['counter', 'opaque'],
  broadcastExcludeScope: ['tab', 'iframe'],
  broadcastLimitBytes: [65_536, null],
  invitationTimeoutMs: [30_000, null, 10_000],
  acceptEventOrder: ['responded-then-joined', 'joined-then-responded'],
  sessionEventRecipients: ['subscribers', 'members', 'starter'],
  inviteMember: ['no-op', 'reject'],
  inviteOffline: ['skip', 'reject'],
  secondSession: ['move', 'reject'],
  getUsersShape: ['objects', 'strings'],
  endEmitsUserLeft: [false, true],
  sessionsStartedToStarterTab: [true, false],
  starterOnly: [false, true],
  offlineMemberLeaves: [true, false],
  redundantJoinLeave: ['no-op', 'reject'],
  zoomToRequiresMembership: [true, false],
  starterAutoJoins: [false, true],
  timerFinishOnStop: [false, true],
  timerTickMs: [null, 1_000],
  timerStartRestarts: [false, true],
  timerEntitled: [true, false],
  timerStoppedTotal: ['last', 'zero'],
  notificationOverflow: ['reject', 'truncate'],
  onlineUsersPayload: ['full', 'empty'],
  userInfoEmail: [true, false],
  getUnknownId: ['empty', 'reject'],
  getTypeAndId: ['and', 'ignore-type'],
  getByIdUnknown: ['reject', 'undefined'],
  reopenPanel: ['replace', 'no-op'],
};

export type Faults = {
  /** Simulator options for the faulty stretches of the run. */
  sim: Partial<UndocumentedBehaviour & Knobs>;
  /** Non-default behaviours, by name, for the trace. */
  variants: string[];
  participants: number;
  rooms: number;
  /** Null: no time limit. */
  durationMs: number | null;
  endByHand: boolean;
  /** Probability that one participant accepts / declines (the rest ignore the toast). */
  accept: number;
  decline: number;
  /** Share of participants who drop off during the run. */
  offline: number;
  reloadAtStart: boolean;
  reloadDuringRun: boolean;
  reloadAtEnd: boolean;
  /** The facilitator's board reopens in a new tab instead of reloading the app in place. */
  newTabOnReload: boolean;
  panelToggles: boolean;
  takeOver: boolean;
  secondStarts: boolean;
  deleteFrameBeforeStart: boolean;
  deleteFrameDuringRun: boolean;
  renameFrames: boolean;
  helpSpam: boolean;
  forgedMessages: boolean;
  /** The hostile participant writes forged plans of every kind over the running one. */
  forgedPlans: boolean;
  /** How many facilitation actions (announce, more time, pause, lock, close, move…) run. */
  facilitationActions: number;
  /** How the facilitator fills the rooms: a balanced split, self-select, or a pasted list. */
  placing: Placing;
  /** What follows the first breakout: nothing, the next round of a rotation, or a run again. */
  followUp: FollowUp;
};

export type Placing = 'split' | 'self-select' | 'list';
export type FollowUp = 'none' | 'next-round' | 'run-again';

const pick = <T>(random: Random, values: readonly T[]): T =>
  values[randomIndex(random, values.length)] as T;
const chance = (random: Random, p: number) => random() < p;
/** Mostly small, sometimes large: 0..max with a long tail. */
const skewed = (random: Random, max: number) => Math.round(max * random() ** 2);

/**
 * `planningTools: false` leaves the planning tools out (a split, one breakout): a seed found
 * before they were drawn replays the run it found.
 */
export function drawFaults(seed: number, { planningTools = true } = {}): Faults {
  const random = createRandom(seed);
  const behaviour: Partial<UndocumentedBehaviour> = {};
  const variants: string[] = [];
  const mutable = behaviour as Record<string, unknown>;
  for (const [key, values] of Object.entries(VARIANTS) as [
    keyof UndocumentedBehaviour,
    readonly unknown[],
  ][]) {
    if (!chance(random, 0.3)) continue;
    const value = pick(random, values.slice(1));
    mutable[key] = value;
    variants.push(`${key}=${String(value)}`);
  }
  // C18 auto-join with C7 'reject' would refuse every room after the first for any app (the
  // starter cannot be in two sessions): not a platform that can run breakouts at all.
  if (behaviour.starterAutoJoins && behaviour.secondSession === 'reject') {
    behaviour.secondSession = 'move';
    variants.splice(variants.indexOf('secondSession=reject'), 1);
  }
  const failureRate: Record<string, number> = {};
  if (chance(random, 0.7)) {
    const base = 0.02 + random() * 0.2;
    const everything = chance(random, 0.3);
    for (const method of REQUEST_METHODS) {
      if (everything || chance(random, 0.4)) failureRate[method] = base * random();
    }
    if (chance(random, 0.4)) {
      for (const method of SUBSCRIPTION_METHODS) failureRate[method] = base * random();
    }
  }
  const latency = chance(random, 0.8);
  const rateLimited = chance(random, 0.25);
  const participants = Math.max(2, Math.round(2 * 100 ** (random() ** 1.5)));
  const rooms = 1 + randomIndex(random, Math.min(30, Math.max(1, Math.ceil(participants / 2))));
  const durationMs = chance(random, 0.3) ? null : (5 + randomIndex(random, 16)) * 60_000;
  const sim: Partial<UndocumentedBehaviour & Knobs> = {
    ...behaviour,
    callLatencyMs: latency ? skewed(random, 2_000) : 0,
    callLatencyJitterMs: latency ? skewed(random, 2_000) : 0,
    eventLatencyMs: latency ? skewed(random, 1_500) : 0,
    eventLatencyJitterMs: latency ? skewed(random, 1_500) : 0,
    failureRate,
    duplicateDelivery: chance(random, 0.4) ? random() * 0.3 : 0,
    batchedReplies: chance(random, 0.2),
    dropBroadcast: chance(random, 0.3) ? random() * 0.3 : 0,
    dropStorageNotification: chance(random, 0.3) ? random() * 0.3 : 0,
    enforceRateLimit: true,
    creditsPerMinute: rateLimited ? 1_500 + randomIndex(random, 10_000) : defaultBehaviourCredits,
  };
  return {
    sim,
    variants,
    participants,
    rooms,
    durationMs,
    endByHand: durationMs === null || chance(random, 0.5),
    accept: 0.6 + random() * 0.35,
    decline: random() * 0.15,
    offline: chance(random, 0.4) ? random() * 0.3 : 0,
    reloadAtStart: chance(random, 0.2),
    reloadDuringRun: chance(random, 0.25),
    reloadAtEnd: chance(random, 0.2),
    newTabOnReload: chance(random, 0.5),
    panelToggles: chance(random, 0.5),
    takeOver: chance(random, 0.12),
    secondStarts: chance(random, 0.15),
    deleteFrameBeforeStart: chance(random, 0.1),
    deleteFrameDuringRun: chance(random, 0.1),
    renameFrames: chance(random, 0.2),
    helpSpam: chance(random, 0.3),
    forgedMessages: chance(random, 0.3),
    // Drawn last, so the faults above stay what they were for seeds measured before it existed.
    facilitationActions: chance(random, 0.6) ? 2 + randomIndex(random, 12) : 0,
    forgedPlans: chance(random, 0.3),
    ...(planningTools ? drawPlanning(seed) : { placing: 'split', followUp: 'none' }),
  };
}

/**
 * The facilitator's planning tools, from a stream of their own: every draw above stays what it
 * was for the seeds measured before them. Most runs keep the balanced split and one breakout.
 */
function drawPlanning(seed: number): Pick<Faults, 'placing' | 'followUp'> {
  const random = createRandom(`${seed}/planning`);
  const roll = random();
  const placing: Placing = roll < 0.2 ? 'self-select' : roll < 0.4 ? 'list' : 'split';
  const next = random();
  const followUp: FollowUp = next < 0.15 ? 'next-round' : next < 0.3 ? 'run-again' : 'none';
  return { placing, followUp };
}

const defaultBehaviourCredits = 100_000;

/**
 * The options that make the simulator well-behaved again (the run "heals"). The rate limit is
 * lifted too: rate limiting may slow the app down but must not leave it wrong, so the backlog of
 * backed-off calls gets to drain before the checks (latency and the variants stay).
 */
export const HEALED: Partial<Knobs & UndocumentedBehaviour> = {
  failureRate: {},
  duplicateDelivery: 0,
  dropBroadcast: 0,
  dropStorageNotification: 0,
  creditsPerMinute: defaultBehaviourCredits,
};

export const describeFaults = (faults: Faults): string[] => {
  const { sim, variants, ...rest } = faults;
  const failing = Object.entries(sim.failureRate ?? {})
    .map(([method, rate]) => `${method}:${(rate ?? 0).toFixed(3)}`)
    .join(' ');
  const knobs = Object.entries(sim)
    // Knobs only (behaviours are listed as variants), and only those the run changed.
    .filter(
      ([key, value]) =>
        key !== 'failureRate' &&
        !(key in VARIANTS) &&
        value !== (defaultBehaviour as Record<string, unknown>)[key],
    )
    .map(
      ([key, value]) =>
        `${key}=${typeof value === 'number' ? Number(value.toFixed(3)) : String(value)}`,
    )
    .join(' ');
  const flags = Object.entries(rest)
    .map(
      ([key, value]) =>
        `${key}=${typeof value === 'number' ? Number(value.toFixed(3)) : String(value)}`,
    )
    .join(' ');
  return [
    `scenario: ${flags}`,
    `knobs: ${knobs}`,
    `failing calls: ${failing || 'none'}`,
    `variants: ${variants.join(' ') || 'all defaults'}`,
  ];
};
