/**
 * Help requests, honest on both sides. Miro's broadcast carries no sender it vouches for, so the
 * facilitator's app counts a request against the person Miro lists as online under that id (a
 * name is taken from Miro's list, never from the message), one open request per person, one
 * accepted request per person per HELP_INTERVAL_MS, and at most BOARD_HELP_NOTIFICATIONS
 * notifications per BOARD_HELP_WINDOW_MS for the whole board (the rest are summed up in one).
 * The participant's app applies the same per-person rule before sending, so it can say exactly
 * what happened: asked, already asked, or not yet (and for how long).
 */

import type { Plan } from './plan';

/** One accepted help request per person per this long. */
export const HELP_INTERVAL_MS = 30_000;
/** Notifications of help requests the facilitator gets at most per window, whoever asks. */
export const BOARD_HELP_NOTIFICATIONS = 3;
export const BOARD_HELP_WINDOW_MS = 10_000;

export type HelpAsk =
  /** Send the request. */
  | { kind: 'ask' }
  /** The facilitator's queue already holds this person's request (since `at`). */
  | { kind: 'already'; at: number }
  /** Asked less than HELP_INTERVAL_MS ago: the facilitator's app would not take it yet. */
  | { kind: 'wait'; seconds: number };

/** What a participant's "Ask for help" does now, given when this app last sent one. */
export function helpAsk(
  plan: Plan,
  personId: string,
  lastSentAt: number | null,
  now: number,
): HelpAsk {
  const open = plan.helpRequests.find((request) => request.personId === personId);
  if (open) return { kind: 'already', at: open.at };
  if (lastSentAt !== null && now >= lastSentAt && now - lastSentAt < HELP_INTERVAL_MS) {
    return { kind: 'wait', seconds: Math.ceil((lastSentAt + HELP_INTERVAL_MS - now) / 1000) };
  }
  return { kind: 'ask' };
}

export const HELP_ASKED = 'The facilitator has been asked to come and help.';
export const helpAlreadyAsked = (time: string) =>
  `You already asked for help at ${time}. The facilitator has your request; asking again would not reach them sooner.`;
export const helpWait = (seconds: number) =>
  `You asked a moment ago. You can ask again in ${seconds} s.`;
