import { useState } from 'react';
import type { SimBoard, SimInvitation, SimNotification } from '../simulator/api';
import { formatRemaining, useNow } from './use-board';

/**
 * Miro's own session invitation toast (not app UI, miro-sdk.md C1): session name, who invites,
 * Join / Decline, and the time left before it times out (C2). "Dismiss" stands for a click
 * outside the toast, which Miro reports as a rejection with reason `clicked-outside`.
 */
export function InvitationToast({
  board,
  invitation,
  now,
}: {
  board: SimBoard;
  invitation: SimInvitation;
  now: () => number;
}) {
  const time = useNow(now, 250, invitation.expiresAt !== null);
  const respond = (answer: 'accepted' | 'rejected', reason: 'clicked-button' | 'clicked-outside') =>
    board.respondToInvitation(invitation.id, answer, reason);

  return (
    <section className="toast invitation" aria-label={`Invitation to ${invitation.sessionName}`}>
      <p>
        <strong>{invitation.inviterName}</strong> invites you to join the session{' '}
        <strong>{invitation.sessionName}</strong>
      </p>
      {invitation.expiresAt !== null && (
        <p className="countdown">Expires in {formatRemaining(invitation.expiresAt - time)}</p>
      )}
      <div className="toast-actions">
        <button
          type="button"
          className="primary"
          onClick={() => respond('accepted', 'clicked-button')}
        >
          Join
        </button>
        <button type="button" onClick={() => respond('rejected', 'clicked-button')}>
          Decline
        </button>
        <button
          type="button"
          className="link"
          onClick={() => respond('rejected', 'clicked-outside')}
        >
          Dismiss (click outside)
        </button>
      </div>
    </section>
  );
}

/** How long a notification toast stays, as Miro's toasts fade after a few seconds. */
const VISIBLE_MS = 10_000;
const MAX_VISIBLE = 4;

/** showInfo / showError toasts of one tab, rendered as plain text (N2), newest first. */
export function NotificationToasts({
  notifications,
  now,
}: {
  notifications: readonly SimNotification[];
  now: () => number;
}) {
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const time = useNow(now, 1000, notifications.length > 0);
  const visible = notifications
    .filter((n) => !dismissed.has(n.id) && time - n.at < VISIBLE_MS)
    .slice(-MAX_VISIBLE)
    .reverse();
  if (visible.length === 0) return null;

  return (
    <ul className="notifications" aria-label="Notifications">
      {visible.map((n) => (
        <li key={n.id} className={`toast notification ${n.type}`}>
          <span role={n.type === 'error' ? 'alert' : 'status'}>{n.message}</span>
          <button
            type="button"
            className="link"
            aria-label="Dismiss notification"
            onClick={() => setDismissed((old) => new Set([...old, n.id]))}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
