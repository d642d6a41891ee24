/**
 * Who may facilitate (issue #15). The facilitator names co-facilitators; a co-facilitator may take
 * over at once; anyone else asks, and the facilitator allows a hand-over to them for a while; and
 * once the facilitator has been gone from Miro's online users for OFFLINE_TAKE_OVER_MS, anyone
 * may take over. Storage and broadcasts carry no sender Miro vouches for, so this is judged by
 * every reader from the plan it held and what it saw of Miro's online users, never from what the
 * new plan says about itself: a take-over that breaks the rule is not believed, and the real
 * facilitator's app writes its plan back (an overwrite).
 */

import type { CoFacilitation, Plan } from './plan';

/** Gone from Miro's online users this long, the facilitator may be replaced by anyone. */
export const OFFLINE_TAKE_OVER_MS = 60_000;
/** An allowed hand-over lasts this long: the asker takes over within it, or asks again. */
export const HAND_OVER_MS = 2 * 60_000;
export const MAX_CO_FACILITATORS = 10;
/** Open requests to facilitate the plan keeps; the oldest goes first. */
export const MAX_FACILITATE_ASKS = 20;
/** One request to facilitate per person per this long reaches the facilitator. */
export const FACILITATE_ASK_INTERVAL_MS = 30_000;

export const emptyCoFacilitation = (): CoFacilitation => ({
  coFacilitatorIds: [],
  asks: [],
  handOver: null,
});

/** What the reader saw of Miro's online users, for the facilitator of the plan it held. */
export type TakeOverFacts = {
  now: number;
  /**
   * Since when the held plan's facilitator has been missing from Miro's online users as this
   * reader saw it (from when it started watching, at the earliest); null while they are online or
   * when this reader does not know.
   */
  offlineSince: number | null;
};

export type TakeOverRight =
  | { may: true; why: 'co-facilitator' | 'handed-over'; offlineMs?: undefined }
  | { may: true; why: 'offline'; offlineMs: number }
  /** `allowedAt`: when the offline rule will allow it, if the facilitator stays away. */
  | { may: false; allowedAt: number | null };

/**
 * May `personId` take the breakout over from the plan `held`? The one rule of the hand-over:
 * every reader's, the facilitator's app's (which restores a take-over the rule refuses), the
 * participant's panel's (which offers "Take over" or "Ask to facilitate") and the claim's own.
 */
export function takeOverRight(held: Plan, personId: string, facts: TakeOverFacts): TakeOverRight {
  const { coFacilitatorIds, handOver } = held.coFacilitation;
  if (coFacilitatorIds.includes(personId)) return { may: true, why: 'co-facilitator' };
  if (handOver?.personId === personId && facts.now <= handOver.until) {
    return { may: true, why: 'handed-over' };
  }
  if (facts.offlineSince === null) return { may: false, allowedAt: null };
  const offlineMs = facts.now - facts.offlineSince;
  if (offlineMs >= OFFLINE_TAKE_OVER_MS) return { may: true, why: 'offline', offlineMs };
  return { may: false, allowedAt: facts.offlineSince + OFFLINE_TAKE_OVER_MS };
}

/** Whether this person's request to facilitate waits for the facilitator's answer. */
export function hasAsked(plan: Plan, personId: string): boolean {
  return plan.coFacilitation.asks.some((ask) => ask.personId === personId);
}
