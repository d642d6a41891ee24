import type { OnlineUserInfo } from '@mirohq/websdk-types';
import type { SimInvitation } from './api';
import { conflict, invalid, notFound } from './errors';
import type { Hub } from './hub';
import { type FrameState, isPresent } from './model';
import type { SessionRecord, Sessions } from './sessions';

type Response = 'accepted' | 'rejected';
type Reason = 'clicked-button' | 'timed-out' | 'clicked-outside';

type Pending = SimInvitation & { timeoutHandle: unknown; autoHandle: true | null };

/**
 * Miro's own invitation toasts (C1, C2, C5, C6): one per invitee and session, shown in every tab
 * of the invitee, answered by the user (respond), by a script (autoRespond) or by the timeout.
 */
export class Invitations {
  private readonly pending = new Map<string, Pending>();
  private readonly scripts = new Map<string, { response: Response; afterMs: number }>();

  constructor(
    private readonly hub: Hub,
    private readonly sessions: Sessions,
  ) {
    sessions.onEnded = (session) => this.withdraw(session.id);
  }

  list(userId?: string): SimInvitation[] {
    return [...this.pending.values()]
      .filter((inv) => userId === undefined || inv.userId === userId)
      .map(({ timeoutHandle: _t, autoHandle: _a, ...invitation }) => ({ ...invitation }));
  }

  /** `session.invite` at the server: validates the whole call, then invites. */
  invite(caller: FrameState, session: SessionRecord, raw: unknown[]): void {
    this.sessions.assertMayControl(caller, session);
    // Docs pass one array, dt is variadic: flatten one level (miro-sdk.md 2.2).
    const invitees = raw.flat(1) as OnlineUserInfo[];
    const targets: string[] = [];
    for (const invitee of invitees) {
      const id = invitee?.id;
      if (typeof id !== 'string') throw invalid('invite needs users with an id');
      const user = this.hub.users.get(id);
      if (!user || !isPresent(user)) {
        if (this.hub.options.inviteOffline === 'reject') {
          throw notFound(`User ${id} is not on the board`);
        }
        continue;
      }
      if (session.members.has(id)) {
        if (this.hub.options.inviteMember === 'reject') {
          throw conflict(`User ${id} is already in the session`);
        }
        continue;
      }
      if (!targets.includes(id)) targets.push(id);
    }
    for (const userId of targets) this.create(session, userId, caller.tab.user.name);
  }

  respond(invitationId: string, response: Response, reason: Reason): void {
    const invitation = this.pending.get(invitationId);
    if (!invitation) throw notFound(`No pending invitation ${invitationId}`);
    const session = this.sessions.live(invitation.sessionId);
    const user = this.hub.users.get(invitation.userId);
    if (response === 'accepted') {
      if (!user) throw notFound(`User ${invitation.userId} is gone`);
      // C7 'reject': the accept fails and the toast stays, with nothing emitted.
      this.sessions.assertAdmissible(session, user.id);
    }
    this.discard(invitation);
    const responded = { response: { user: invitation.userId, status: response, reason } };
    const audience = new Set(session.members);
    if (response === 'rejected' || !user) {
      this.sessions.emitSessionEvent(session, 'invitation-responded', responded, audience);
      return;
    }
    if (this.hub.options.acceptEventOrder === 'responded-then-joined') {
      this.sessions.emitSessionEvent(session, 'invitation-responded', responded, audience);
      this.sessions.admit(session, user);
    } else {
      this.sessions.admit(session, user);
      this.sessions.emitSessionEvent(
        session,
        'invitation-responded',
        responded,
        new Set(session.members),
      );
    }
  }

  autoRespond(userId: string, response: Response | null, afterMs = 0): void {
    if (response === null) this.scripts.delete(userId);
    else this.scripts.set(userId, { response, afterMs });
    if (response === null) return;
    for (const invitation of this.pending.values()) {
      if (invitation.userId === userId && invitation.autoHandle === null) this.script(invitation);
    }
  }

  /** C9: pending invitations of an ended session vanish without an event. */
  withdraw(sessionId: string): void {
    let changed = false;
    for (const invitation of [...this.pending.values()]) {
      if (invitation.sessionId !== sessionId) continue;
      this.discard(invitation, false);
      changed = true;
    }
    if (changed) this.hub.emit({ kind: 'invitations' });
  }

  private create(session: SessionRecord, userId: string, inviterName: string): void {
    const existing = [...this.pending.values()].find(
      (inv) => inv.sessionId === session.id && inv.userId === userId,
    );
    if (existing) return; // one toast per session and user; the first one keeps its timeout
    const timeoutMs = this.hub.options.invitationTimeoutMs;
    const invitation: Pending = {
      id: this.hub.id('invitation'),
      sessionId: session.id,
      sessionName: session.name,
      inviterName,
      userId,
      expiresAt: timeoutMs === null ? null : this.hub.now() + timeoutMs,
      timeoutHandle: null,
      autoHandle: null,
    };
    if (timeoutMs !== null) {
      invitation.timeoutHandle = this.hub.clock.setTimeout(() => {
        invitation.timeoutHandle = null;
        this.safely(() => this.respond(invitation.id, 'rejected', 'timed-out'));
      }, timeoutMs);
    }
    this.pending.set(invitation.id, invitation);
    this.script(invitation);
    this.hub.emit({ kind: 'invitations' });
  }

  private script(invitation: Pending): void {
    const script = this.scripts.get(invitation.userId);
    if (!script) return;
    // Queued (not a bare timer) so `idle()`/settle wait for scripted answers like any pending work.
    invitation.autoHandle = true;
    this.hub.queue.schedule(this.hub.now() + script.afterMs, () => {
      invitation.autoHandle = null;
      if (!this.pending.has(invitation.id)) return;
      this.safely(() => this.respond(invitation.id, script.response, 'clicked-button'));
    });
  }

  private discard(invitation: Pending, report = true): void {
    if (invitation.timeoutHandle !== null) this.hub.clock.clearTimeout(invitation.timeoutHandle);
    this.pending.delete(invitation.id);
    if (report) this.hub.emit({ kind: 'invitations' });
  }

  private safely(run: () => void): void {
    try {
      run();
    } catch (error) {
      this.hub.handlerErrors.push(error);
    }
  }
}
