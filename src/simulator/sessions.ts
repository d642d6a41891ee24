import type { OnlineUserInfo, SessionStartProps } from '@mirohq/websdk-types';
import type { SimSessionState } from './api';
import { conflict, forbidden, invalid, notFound } from './errors';
import type { Hub } from './hub';
import { canReceive, type FrameState, isPresent, type UserState } from './model';
import { topics } from './subscriptions';

export type SessionRecord = {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly color: string;
  readonly starterId: string;
  readonly starterName: string;
  /** Members in join order. */
  readonly members: Set<string>;
  ended: boolean;
  /** C11 variant: pending end after the starter went away. */
  starterGoneHandle: unknown;
};

export type SessionEventName = 'user-joined' | 'user-left' | 'invitation-responded';

/** Hands app code a live `Session` bound to the iframe that receives it (C10). */
export type SessionFaceFactory = (frame: FrameState, session: SessionRecord) => unknown;

export const APP_ID = 'breakout-rooms-app';
const DEFAULT_SESSION_COLOR = '#4262ff';

/**
 * Collaboration sessions of this app (miro-sdk.md 2.1, 2.2, C3–C18): membership, the one-session
 * rule, lifecycle events. Invitations live in invitations.ts.
 */
export class Sessions {
  private readonly sessions = new Map<string, SessionRecord>();
  foreignAppActive = false;
  /** Called when a session ends, so pending invitations are withdrawn (C9). */
  onEnded: (session: SessionRecord) => void = () => {};

  constructor(
    private readonly hub: Hub,
    private readonly sessionFace: SessionFaceFactory,
  ) {}

  start(caller: FrameState, props: SessionStartProps): SessionRecord {
    if (typeof props?.name !== 'string' || props.name.trim() === '') {
      throw invalid('startSession needs a name');
    }
    if (this.foreignAppActive) {
      throw conflict('Another application is running sessions on this board');
    }
    const starter = caller.tab.user;
    const current = this.sessionOf(starter.id);
    if (
      this.hub.options.starterAutoJoins &&
      current &&
      this.hub.options.secondSession === 'reject'
    ) {
      throw conflict('The user is already in another session');
    }
    const session: SessionRecord = {
      id: this.hub.id('session'),
      name: props.name,
      description: props.description ?? '',
      color: props.color ?? DEFAULT_SESSION_COLOR,
      starterId: starter.id,
      starterName: starter.name,
      members: new Set(),
      ended: false,
      starterGoneHandle: null,
    };
    this.sessions.set(session.id, session);
    // C7 holds for the starter too: auto-joining a new session leaves the previous one.
    if (this.hub.options.starterAutoJoins) this.admit(session, starter);
    this.hub.emit({ kind: 'sessions' });
    const toStarterTab = this.hub.options.sessionsStartedToStarterTab;
    this.lifecycle(
      'sessions:started',
      session,
      (frame) => toStarterTab || frame.tab !== caller.tab,
    );
    return session;
  }

  /** C17: every active session of this app, whoever started it. */
  active(): SessionRecord[] {
    return [...this.sessions.values()].filter((session) => !session.ended);
  }

  states(): SimSessionState[] {
    return [...this.sessions.values()].map((s) => ({
      id: s.id,
      name: s.name,
      starterId: s.starterId,
      appId: APP_ID,
      memberIds: [...s.members],
      ended: s.ended,
    }));
  }

  /** The active session with this id, or NOT_FOUND (ended sessions are gone). */
  live(sessionId: string): SessionRecord {
    const session = this.sessions.get(sessionId);
    if (!session || session.ended) throw notFound(`Session ${sessionId} does not exist`);
    return session;
  }

  sessionOf(userId: string): SessionRecord | undefined {
    return this.active().find((session) => session.members.has(userId));
  }

  /** C12 */
  assertMayControl(caller: FrameState, session: SessionRecord): void {
    if (this.hub.options.starterOnly && caller.tab.user.id !== session.starterId) {
      throw forbidden('Only the user who started the session may do this');
    }
  }

  /** C7 'reject': throws, with no side effect, if `user` may not enter `session` now. */
  assertAdmissible(session: SessionRecord, userId: string): void {
    const previous = this.sessionOf(userId);
    if (previous && previous !== session && this.hub.options.secondSession === 'reject') {
      throw conflict('The user is already in another session');
    }
  }

  /** Puts `user` into `session` (C7: leaving another one first, or refusing). */
  admit(session: SessionRecord, user: UserState): void {
    if (session.members.has(user.id)) return;
    this.assertAdmissible(session, user.id);
    const previous = this.sessionOf(user.id);
    if (previous) this.removeMember(previous, user.id);
    this.addMember(session, user);
  }

  join(caller: FrameState, session: SessionRecord): void {
    const user = caller.tab.user;
    if (session.members.has(user.id)) {
      if (this.hub.options.redundantJoinLeave === 'reject') {
        throw conflict('Already a member of this session');
      }
      return;
    }
    this.admit(session, user);
  }

  leave(caller: FrameState, session: SessionRecord): void {
    const userId = caller.tab.user.id;
    if (!session.members.has(userId)) {
      if (this.hub.options.redundantJoinLeave === 'reject') {
        throw conflict('Not a member of this session');
      }
      return;
    }
    this.removeMember(session, userId);
  }

  end(session: SessionRecord): void {
    if (session.ended) return;
    if (session.starterGoneHandle !== null) this.hub.clock.clearTimeout(session.starterGoneHandle);
    session.starterGoneHandle = null;
    if (this.hub.options.endEmitsUserLeft) {
      for (const userId of [...session.members]) this.removeMember(session, userId, true);
    }
    session.members.clear();
    session.ended = true;
    this.onEnded(session);
    // "clears all events associated with the session" (C9): handlers on this id go everywhere.
    for (const frame of this.hub.frames()) frame.subs.dropPrefix(topics.sessionPrefix(session.id));
    this.hub.emit({ kind: 'sessions' });
    this.lifecycle('sessions:ended', session, () => true);
  }

  /** C11 and C13 when a user appears or disappears. */
  presenceChanged(user: UserState, present: boolean): void {
    for (const session of this.active()) {
      if (!present && this.hub.options.offlineMemberLeaves && session.members.has(user.id)) {
        this.removeMember(session, user.id);
      }
      if (session.starterId !== user.id) continue;
      const grace = this.hub.options.endWhenStarterOfflineMs;
      if (!present && grace !== null && session.starterGoneHandle === null) {
        session.starterGoneHandle = this.hub.clock.setTimeout(() => {
          session.starterGoneHandle = null;
          const starter = this.hub.users.get(user.id);
          if (!starter || !isPresent(starter)) this.end(session);
        }, grace);
      }
      if (present && session.starterGoneHandle !== null) {
        this.hub.clock.clearTimeout(session.starterGoneHandle);
        session.starterGoneHandle = null;
      }
    }
  }

  /** Sends a session event to the C4 recipients, FIFO with lifecycle events per iframe. */
  emitSessionEvent(
    session: SessionRecord,
    event: SessionEventName,
    payload: object,
    audience: ReadonlySet<string>,
    ignoreUnsubscribe = false,
  ): void {
    const mode = this.hub.options.sessionEventRecipients;
    const text = JSON.stringify(payload);
    for (const frame of this.hub.frames()) {
      if (!canReceive(frame)) continue;
      const userId = frame.tab.user.id;
      if (mode === 'members' && !audience.has(userId)) continue;
      if (mode === 'starter' && userId !== session.starterId) continue;
      this.hub.deliver(
        frame,
        'collab',
        frame.subs.active(topics.session(session.id, event)),
        () => [JSON.parse(text)],
        { mayDuplicate: true, ignoreUnsubscribe },
      );
    }
  }

  userEvent(session: SessionRecord, userId: string): object {
    return { id: this.hub.id('session-event'), userId, sessionId: session.id };
  }

  private addMember(session: SessionRecord, user: UserState): void {
    session.members.add(user.id);
    this.hub.emit({ kind: 'sessions' });
    this.emitSessionEvent(
      session,
      'user-joined',
      this.userEvent(session, user.id),
      new Set(session.members),
    );
  }

  private removeMember(session: SessionRecord, userId: string, ignoreUnsubscribe = false): void {
    const audience = new Set(session.members);
    session.members.delete(userId);
    this.hub.emit({ kind: 'sessions' });
    this.emitSessionEvent(
      session,
      'user-left',
      this.userEvent(session, userId),
      audience,
      ignoreUnsubscribe,
    );
  }

  private lifecycle(
    event: 'sessions:started' | 'sessions:ended',
    session: SessionRecord,
    include: (frame: FrameState) => boolean,
  ): void {
    for (const frame of this.hub.frames()) {
      if (!canReceive(frame) || !include(frame)) continue;
      this.hub.deliver(
        frame,
        'collab',
        frame.subs.active(topics.collab(event)),
        () => [{ session: this.sessionFace(frame, session) }],
        { mayDuplicate: true, ignoreUnsubscribe: false },
      );
    }
  }
}

export const toOnlineUser = (user: UserState): OnlineUserInfo => ({ id: user.id, name: user.name });
