/**
 * Times of day as the panel shows them ("14:05", or "2:05 PM" where that is the custom), in the
 * browser's own locale. One formatter for the whole panel, made once.
 */
const clock = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dayAndClock = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });

/** "14:05": when something happened today (a help request, an announcement, a closed room). */
export const clockTime = (at: number): string => clock.format(at);

/** "12/05/2026, 14:05": when a past breakout ran. */
export const dayAndTime = (at: number): string => dayAndClock.format(at);
