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
export type PersonStatus = 'assigned' | 'invited' | 'joined' | 'declined' | 'timed-out' | 'left';

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
};
