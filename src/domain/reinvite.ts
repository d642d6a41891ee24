import type { DisplayStatus } from './selectors';

/**
 * How long an invitation may stay unanswered before a new one is worth offering. Miro's own
 * invitation gives up after about 30 s (C2, undocumented): a minute is past that with room to spare.
 */
export const ANSWER_WINDOW_MS = 60_000;

/** They said no, let the invitation lapse, or left: a new invitation is all that brings them in. */
const GAVE_UP: ReadonlySet<DisplayStatus> = new Set(['declined', 'dismissed', 'timed-out', 'left']);

/**
 * Whether "Invite again" means something for this person while rooms run. `waited` is null while
 * the rooms are still opening (nobody could have answered), false within ANSWER_WINDOW_MS of the
 * start and true after it. Someone with a room but no invitation (offline at the start, or their
 * room's invitations failed) can be invited at once; an open invitation only once it had its time.
 */
export function worthInvitingAgain(display: DisplayStatus, waited: boolean | null): boolean {
  if (waited === null) return false;
  if (GAVE_UP.has(display) || display === 'assigned') return true;
  return display === 'invited' && waited;
}
