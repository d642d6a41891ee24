/**
 * What a run records as it goes, for the checks: written by the runner's people and apps and by
 * `watchBoard`, read by the invariants.
 */
import type { Plan } from '../src/domain/plan';

/** What the runner tells the facilitation checks. */
export type FacilitationObserved = {
  /** Users whose app was reloaded: a new app may repeat what the old one showed. */
  reloaded: Set<string>;
  /** Set when the runner pressed End (or let the time run out): an end before that is a bug. */
  endPressed: boolean;
  /** Every session a room of the plan ever had, by room id. */
  roomSessions: Map<string, Set<string>>;
};

export type Observed = FacilitationObserved & {
  /** Every frame (by id) whose area held the centre of each user's viewport at some point. */
  visited: Map<string, Set<string>>;
  answered: Map<string, { response: 'accepted' | 'rejected'; sessionId: string }>;
  membersAtEnd: Set<string>;
  forgedBy: string | null;
  /** The JSON text of every value the hostile participant wrote over the plan. */
  forgedPlans: Set<string>;
  storageChanges: number;
  /** Highest plan revision storage ever held, and the last one it holds. */
  maxRevision: number;
  storedRevision: number;
  /** Times another writer's older plan overwrote a newer one (healed by the facilitator). */
  overwrites: number;
  /** Every invitation Miro showed, in order: to whom, into which session, when. */
  invitations: { userId: string; sessionId: string; at: number }[];
  /** The first plan each run stored as running, by run id. */
  firstRunning: Map<string, Plan>;
  /** Every press of Start: when, and the stored plan the facilitator's panel showed then. */
  startPresses: { at: number; plan: Plan | null }[];
};

export const nothingObserved = (): Observed => ({
  reloaded: new Set(),
  endPressed: false,
  roomSessions: new Map(),
  visited: new Map(),
  answered: new Map(),
  membersAtEnd: new Set(),
  forgedBy: null,
  forgedPlans: new Set(),
  storageChanges: 0,
  maxRevision: 0,
  storedRevision: 0,
  overwrites: 0,
  invitations: [],
  firstRunning: new Map(),
  startPresses: [],
});
