import type { DisplayStatus } from '../../domain/selectors';

/** How a participant sees someone else: whether they are there, never whether they said no. */
export type PeerStatus = 'joined' | 'away' | 'left' | 'offline' | 'returned';

const PEER: Readonly<Record<DisplayStatus, PeerStatus>> = {
  joined: 'joined',
  assigned: 'away',
  invited: 'away',
  // Declining, ignoring or missing the invitation is between that person and the facilitator.
  declined: 'away',
  dismissed: 'away',
  'timed-out': 'away',
  left: 'left',
  offline: 'offline',
  returned: 'returned',
};

const PEER_WORD: Readonly<Record<PeerStatus, string>> = {
  joined: 'Joined',
  away: 'Not in yet',
  left: 'Left',
  offline: 'Offline',
  returned: 'In main area',
};

/** Someone else's status as a tag for a participant: a colour and a word. */
export function peerTag(display: DisplayStatus) {
  const status = PEER[display];
  return <span className={`tag status-tag status-${status}`}>{PEER_WORD[status]}</span>;
}
