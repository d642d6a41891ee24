/**
 * The breakout plan: the one value in realtime storage that says which rooms exist, who is in
 * which, and what phase the breakout is in. Written only by the facilitator's client.
 *
 * Stored people are `{id, name}` plus their room and status: never an email (D11).
 */

export const PLAN_SCHEMA_VERSION = 1;
export const PLAN_COLLECTION = 'breakout-rooms';
export const PLAN_KEY = 'plan';

export type PersonRef = { id: string; name: string };

export type Rect = { x: number; y: number; width: number; height: number };

export type Room = {
  id: string;
  /** The board frame this room is. */
  frameId: string;
  /** Shown to people; defaults to the frame title, may be renamed. */
  name: string;
  /** True once renamed by hand: from then on the frame's title no longer overwrites `name`. */
  nameEdited: boolean;
  /** Where the frame was when last seen, so participants can be moved there without a lookup. */
  frame: Rect;
  /** Set when the frame is no longer on the board: Start is blocked until it is removed. */
  frameMissing: boolean;
  /** The collaboration session of this room while the breakout runs. */
  sessionId: string | null;
};

/**
 * Where a person stands. `assigned` before start; after start the invitation's fate. Presence
 * (online/offline) is not stored: it is derived from the online users list.
 */
/** `declined` clicked Decline; `dismissed` clicked outside the invitation (Miro's two rejections). */
export type PersonStatus =
  | 'assigned'
  | 'invited'
  | 'joined'
  | 'declined'
  | 'dismissed'
  | 'timed-out'
  | 'left';

export type Person = PersonRef & {
  roomId: string | null;
  status: PersonStatus;
};

export type MainArea =
  | { kind: 'frame'; frameId: string; frame: Rect }
  | { kind: 'viewport'; rect: Rect };

export type HelpRequest = { personId: string; roomId: string | null; at: number };

export type Phase = 'planning' | 'starting' | 'running' | 'ending' | 'ended';

export type TimerMode = 'board' | 'app';

export type Plan = {
  schema: typeof PLAN_SCHEMA_VERSION;
  /** Increases with every write; a reader never accepts a lower one. */
  revision: number;
  /** Identifies one run of a breakout, new at every start. */
  runId: string;
  facilitator: PersonRef;
  phase: Phase;
  rooms: Room[];
  people: Person[];
  /** Where everyone is brought back to; null means the facilitator's viewport at Start. */
  mainArea: MainArea | null;
  /** Null means no time limit. */
  durationMs: number | null;
  includeFacilitator: boolean;
  startedAt: number | null;
  endsAt: number | null;
  endedAt: number | null;
  timer: TimerMode | null;
  helpRequests: HelpRequest[];
  // Planning tools (domain/planning/plan-fields.ts reads them; absent in older plans = defaults).
  /** Null: rooms are not open for participants to pick. */
  selfSelect: SelfSelect | null;
  /** Names from an imported list, placed into their room when that person comes online. */
  preAssignments: PreAssignment[];
  rotation: Rotation | null;
  /** Items in each room's frame at start and end of one run, for the report-back summary. */
  frameItems: FrameItems | null;
  /** Where the report-back walk is; only meaningful for its own run, after the end. */
  reportBack: ReportBackPosition | null;
  // Facilitation while rooms run (domain/facilitation.ts reads it; absent in older plans = defaults).
  facilitation: Facilitation;
};

/** Participants pick their room; `capacity` null means no limit per room. */
export type SelfSelect = { capacity: number | null };

/** One row of an imported list: a display name (never an email, D11) and the room it goes to. */
export type PreAssignment = { name: string; roomId: string };

/**
 * Rotation rounds: `people` once, and each round as room → indexes into `people`, so a schedule of
 * 100 people × 10 rounds costs a few KB of the plan's 64 KB. Room i of a round goes to `roomIds[i]`.
 */
export type Rotation = {
  people: PersonRef[];
  roomIds: string[];
  rounds: number[][][];
  /** The round the next "Start round" applies (0-based); `rounds.length` once all have run. */
  next: number;
  repeatPairs: number;
  lowerBound: number;
};

export type FrameItemCount = { roomId: string; atStart: number; atEnd: number | null };
export type FrameItems = { runId: string; rooms: FrameItemCount[] };

/** -1 before the first room; the room order is `reportBackOrder` of the ended plan. */
export type ReportBackPosition = { runId: string; index: number };

/** A message from the facilitator to every room; each participant's own app shows it once. */
export type Announcement = { id: string; text: string; at: number };

/** A room closed before the end: its session is over and its people are back in the main area. */
export type RoomClosure = { roomId: string; at: number };

/**
 * What the facilitator changes while rooms run. Reset at every new run except `warningMs`, which
 * is a setting. Lists are bounded so the plan stays far below 64 KB.
 */
export type Facilitation = {
  /** How long before the end everyone is warned (30-120 s). */
  warningMs: number;
  /** Set while the countdown is paused: time left is `endsAt - pausedAt`. */
  pausedAt: number | null;
  /** Newest last; at most MAX_ANNOUNCEMENTS. */
  announcements: Announcement[];
  /** Rooms that take nobody new: no invitations, no rejoin requests. */
  lockedRoomIds: string[];
  closedRooms: RoomClosure[];
  /**
   * Help requests the facilitator is on the way to, identified by person and the request's time,
   * so a request made again later is a new one and is not shown as answered.
   */
  helpOnTheWay: Array<{ personId: string; at: number }>;
};
