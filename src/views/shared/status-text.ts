import type { DisplayStatus } from '../../domain/selectors';

/** Every status in a sentence, so it never depends on colour alone (tooltips, participants). */
export const STATUS_TEXT: Readonly<Record<DisplayStatus, string>> = {
  assigned: 'Not invited yet',
  invited: 'Invited',
  joined: 'Joined',
  declined: 'Declined the invitation',
  dismissed: 'Closed the invitation without answering',
  'timed-out': 'Did not answer in time',
  left: 'Left the room',
  offline: 'Offline',
  returned: 'Back in the main area',
};

/** Every status in a word or two, for the tag that shows it with its colour. */
export const STATUS_WORD: Readonly<Record<DisplayStatus, string>> = {
  assigned: 'Not invited',
  invited: 'Invited',
  joined: 'Joined',
  declined: 'Declined',
  dismissed: 'No answer',
  'timed-out': 'Timed out',
  left: 'Left',
  offline: 'Offline',
  returned: 'In main area',
};

/** Statuses from which a participant may ask the facilitator to be let back in. */
export const CAN_ASK_TO_REJOIN: ReadonlySet<DisplayStatus> = new Set([
  'declined',
  'dismissed',
  'timed-out',
  'left',
]);
