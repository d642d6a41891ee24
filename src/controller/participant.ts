import { isRoomClosed } from '../domain/facilitation';
import { BROADCAST_EVENT, joinedRoom } from '../domain/messages';
import type { PersonRef, Plan, Room } from '../domain/plan';
import type { Board } from '../sdk/connect';
import type { Session, SessionsLifecycleEvent, UserSessionEvent } from '../sdk/surface';
import { BackAfterDrop } from './back-after-drop';
import type { PlanReader } from './plan-reader';
import { sessionLive, sessionWith } from './platform-truth';
import { retryLater } from './retry-later';
import { type ViewportMover, viewportAroundFrame, viewportOfMainArea } from './viewport';

/** A participant whose board opens this long after the end is not moved any more. */
export const RETURN_WINDOW_MS = 120_000;

export const END_NOTIFICATION = 'The breakout has ended. You are back in the main area.';

/**
 * A broadcast may be lost (miro-sdk.md E4) and may be the facilitator's only way to hear of a
 * join (C4): until the plan says "joined", it is sent again after this long, doubling each time.
 */
export const JOIN_ACK_MS = 15_000;
const JOIN_TELLS = 6;
/** How often an invited user's app asks Miro whether they joined (JOIN_ACK_MS, doubling). */
const JOIN_QUESTIONS = 5;

/** Least time between two plan reads caused by people coming online or going offline. */
export const PRESENCE_REFRESH_MS = 30_000;

/**
 * While this user has a room in a running breakout and no plan has arrived for this long, the
 * plan is read again: change notifications may be lost (S3), and a quiet breakout sends no other
 * signal (a move to another room, or a join only the facilitator's app saw). Busy breakouts never
 * wait this long; a quiet one costs each participant one read a minute.
 */
export const QUIET_PLAN_MS = 60_000;

/** How long after a room opens its plan should have arrived; and how often a failed read is retried. */
export const STALE_PLAN_MS = 15_000;
const STALE_PLAN_READS = 3;
/** Reads of the plan after this user's room ended, until it says why (2 s, 4 s, … apart). */
const ROOM_ENDED_READS = 6;

export type ParticipantDeps = {
  board: Board;
  reader: PlanReader;
  viewport: ViewportMover;
  me: PersonRef;
  now: () => number;
};

/**
 * Every user's own side of a breakout, in their headless app: when they join their room they are
 * taken to its frame, and at the end they are brought back. Each client moves only its own
 * viewport, so admitting people costs the facilitator nothing per person.
 */
export class ParticipantController {
  /** Sessions announced by `sessions:started`, so finding one's own costs no call. */
  private readonly announced = new Map<string, Session>();
  private listeningTo: string | null = null;
  private movedFor: string | null = null;
  private returnedFrom: string | null = null;
  /** The run whose end this user was told of: a retried move does not tell them twice. */
  private notifiedOf: string | null = null;
  private stopped = false;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private staleCheck: ReturnType<typeof setTimeout> | null = null;
  private quietCheck: ReturnType<typeof setTimeout> | null = null;
  private lastRefresh = Number.NEGATIVE_INFINITY;
  private readonly drop: BackAfterDrop;
  /** The session of this user's room in the running breakout, as the plan last said. */
  private mySession: string | null = null;
  /** Sessions Miro said ended (`sessions:ended`, or missing from `getSessions`), and when. */
  private readonly endedSessions = new Map<string, number>();
  /** A look at whether a stored end holds (see confirmEndLater) is waiting. */
  private confirmingEnd = false;
  /** The stored end Miro contradicted last, and since when. */
  private doubted: { revision: number; since: number } | null = null;

  constructor(private readonly deps: ParticipantDeps) {
    this.drop = new BackAfterDrop({
      reader: deps.reader,
      me: deps.me,
      rejoined: (runId, room, session) => {
        // Miro took this user out: they are to be taken to the frame again.
        if (this.movedFor === session.id) this.movedFor = null;
        return this.joined(runId, room, session);
      },
    });
  }

  async start(): Promise<void> {
    await Promise.all([
      this.deps.board.collaboration.on('sessions:started', this.onSessionStarted),
      this.deps.board.collaboration.on('sessions:ended', this.onSessionEnded),
      this.deps.board.ui.on('online_users:update', this.onPresence),
    ]);
  }

  stop(): void {
    this.stopped = true;
    this.drop.stop();
    if (this.refreshTimer !== null) globalThis.clearTimeout(this.refreshTimer);
    if (this.staleCheck !== null) globalThis.clearTimeout(this.staleCheck);
    if (this.quietCheck !== null) globalThis.clearTimeout(this.quietCheck);
    void this.deps.board.collaboration.off('sessions:started', this.onSessionStarted);
    void this.deps.board.collaboration.off('sessions:ended', this.onSessionEnded);
    void this.deps.board.ui.off('online_users:update', this.onPresence);
  }

  planChanged(): void {
    const plan = this.deps.reader.plan();
    if (!plan) return;
    this.readAgainIfQuiet(plan);
    const me = plan.people.find((person) => person.id === this.deps.me.id);
    const room = plan.rooms.find((candidate) => candidate.id === me?.roomId);
    if (!me || !room) return;
    // A room closed early is left to ParticipantMoves, which takes its people back.
    if (plan.phase === 'running' && room.sessionId) this.mySession = room.sessionId;
    // Running again after an end this app acted on: that end was forged, and it went unseen
    // that Miro still ran the room (an app that never saw the room run, say). The real end
    // brings this user back, and tells them.
    if (plan.phase === 'running' && this.returnedFrom === plan.runId) {
      this.returnedFrom = null;
      this.notifiedOf = null;
    }
    if (plan.phase === 'running' && room.sessionId && !isRoomClosed(plan, room.id)) {
      if (me.status === 'joined') void this.moveToRoom(room, room.sessionId);
      else void this.listen(plan, room, room.sessionId);
    } else if (plan.phase === 'ended') {
      void this.returnToMainArea(plan);
    }
  }

  /** Takes this user to their room's frame; also what "take me back to my room" does. */
  async moveToRoom(room: Room, sessionId: string, tries = 0): Promise<void> {
    if (this.movedFor === sessionId) return;
    this.movedFor = sessionId;
    try {
      await this.deps.viewport.move(viewportAroundFrame(room.frame));
    } catch {
      // Not moved, and no plan update may ever come to try again (everyone else is settled):
      // try again later for as long as the plan still puts this user in that room.
      this.movedFor = null;
      this.later(tries, () => {
        const plan = this.deps.reader.plan();
        const roomId = plan?.people.find((person) => person.id === this.deps.me.id)?.roomId;
        const now = plan?.rooms.find((candidate) => candidate.id === roomId);
        if (
          plan?.phase === 'running' &&
          now?.sessionId === sessionId &&
          !isRoomClosed(plan, now.id)
        ) {
          void this.moveToRoom(now, sessionId, tries + 1);
        }
      });
    }
  }

  private later(tries: number, retry: () => void): void {
    retryLater(tries, () => this.stopped, retry);
  }

  private async listen(plan: Plan, room: Room, sessionId: string): Promise<void> {
    if (this.listeningTo === sessionId) return;
    this.listeningTo = sessionId;
    try {
      const session =
        this.announced.get(sessionId) ??
        (await this.deps.board.collaboration.getSessions()).find((s) => s.id === sessionId);
      if (!session) return;
      const onJoined = async (event: UserSessionEvent) => {
        if (event.userId === this.deps.me.id && event.sessionId === sessionId) {
          await this.joined(plan.runId, room, session);
        }
      };
      await session.on('user-joined', onJoined);
      // The person may have clicked Join before this subscription existed.
      if (await session.hasJoined(this.deps.me.id)) await this.joined(plan.runId, room, session);
      else this.askJoinedLater(plan.runId, session, 0);
    } catch {
      this.listeningTo = null;
    }
  }

  /**
   * Miro may tell only the session's starter or its members of a join (C4), and the plan that
   * says "joined" may be lost (S3): while this user is invited and not moved, Miro is asked again,
   * 15 s, 30 s, … after the invitation, a few times.
   */
  private askJoinedLater(runId: string, session: Session, tries: number): void {
    if (tries >= JOIN_QUESTIONS) return;
    globalThis.setTimeout(
      () => {
        if (this.stopped || this.movedFor === session.id) return;
        const plan = this.deps.reader.plan();
        const roomId = plan?.people.find((person) => person.id === this.deps.me.id)?.roomId;
        const room = plan?.rooms.find((candidate) => candidate.id === roomId);
        if (plan?.runId !== runId || plan.phase !== 'running' || room?.sessionId !== session.id) {
          return;
        }
        void session.hasJoined(this.deps.me.id).then(
          (joined) =>
            joined
              ? this.joined(runId, room, session)
              : this.askJoinedLater(runId, session, tries + 1),
          () => this.askJoinedLater(runId, session, tries + 1),
        );
      },
      JOIN_ACK_MS * 2 ** tries,
    );
  }

  private async joined(runId: string, room: Room, session: Session): Promise<void> {
    const sessionId = session.id;
    await this.drop.entered(session).catch(() => {});
    if (this.movedFor === sessionId) return;
    await this.moveToRoom(room, sessionId);
    await this.tellJoined(runId, session, 0);
  }

  /** The facilitator's app may not hear session events of others (C4): tell it directly. */
  private async tellJoined(runId: string, session: Session, told: number): Promise<void> {
    const sessionId = session.id;
    const plan = this.deps.reader.plan();
    const me = plan?.people.find((person) => person.id === this.deps.me.id);
    const room = plan?.rooms.find((candidate) => candidate.id === me?.roomId);
    if (
      !plan ||
      plan.runId !== runId ||
      plan.phase !== 'running' ||
      room?.sessionId !== sessionId
    ) {
      return;
    }
    if (me?.status === 'joined' || told >= JOIN_TELLS || this.stopped) return;
    // A plan seen while offline is stale: a repeated "I joined" from someone who has left since
    // (going offline leaves the session, C13) would mark them joined again. Ask Miro first; if
    // it cannot answer, ask again at the next turn: the facilitator's own sweep of rooms with
    // people still invited finds a join that was never told.
    const stillIn = told === 0 || (await session.hasJoined(this.deps.me.id).catch(() => null));
    if (stillIn === false) return;
    if (stillIn === true) {
      await this.deps.board.events
        .broadcast(BROADCAST_EVENT, joinedRoom(runId, sessionId, this.deps.me))
        .catch(() => {});
    }
    globalThis.setTimeout(
      () => {
        void this.tellJoined(runId, session, told + 1);
      },
      JOIN_ACK_MS * 2 ** told,
    );
  }

  private async returnToMainArea(plan: Plan, tries = 0): Promise<void> {
    if (this.returnedFrom === plan.runId || !plan.mainArea || plan.endedAt === null) return;
    // A board opened long after the end, knowing no room of its own: nothing to undo, no call.
    if (this.mySession === null && this.deps.now() - plan.endedAt > RETURN_WINDOW_MS) return;
    // Platform truth: a stored "ended" is believed once Miro ended this user's room too (anyone
    // can write storage). Until then `sessions:ended`, or a later look, brings them back.
    this.returnedFrom = plan.runId;
    const ended = await this.roomEnded();
    this.returnedFrom = null;
    if (!ended) {
      this.confirmEndLater(plan, tries);
      return;
    }
    const session = this.mySession;
    // A board opened long after the end is left where it is. The plan's end time is only a
    // stored value (a forged end held since carries any time it likes), so where Miro ended the
    // room later, in front of this app, the window runs from then. The plan may also say so long
    // after Miro ended the room (its write waited for credits): then from the plan's end.
    const seen = session === null ? undefined : this.endedSessions.get(session);
    const endedAt = Math.max(plan.endedAt, seen ?? 0);
    if (this.deps.now() - endedAt > RETURN_WINDOW_MS) return;
    if (this.returnedFrom === plan.runId) return;
    this.returnedFrom = plan.runId;
    this.movedFor = null;
    this.listeningTo = null;
    this.announced.clear();
    const notify = this.notifiedOf !== plan.runId;
    this.notifiedOf = plan.runId;
    const [moved] = await Promise.all([
      this.deps.viewport.move(viewportOfMainArea(plan.mainArea)).then(
        () => true,
        () => false,
      ),
      notify ? this.deps.board.notifications.showInfo(END_NOTIFICATION).catch(() => {}) : null,
    ]);
    if (moved) return;
    // Left in a room that no longer exists: try again while the return window lasts.
    this.returnedFrom = null;
    this.later(tries, () => {
      const now = this.deps.reader.plan();
      if (now?.runId === plan.runId && now.phase === 'ended') {
        void this.returnToMainArea(now, tries + 1);
      }
    });
  }

  /** Whether Miro no longer runs a session with this user in it (false also when it could not say). */
  private async roomEnded(): Promise<boolean> {
    const session = this.mySession;
    if (session === null) {
      // This app never saw the room run (its plans were lost, or it opened since): Miro says
      // whether this user is in one of the app's sessions, and which.
      const found = await sessionWith(this.deps.board, this.deps.me.id);
      if (typeof found === 'string') this.mySession = found;
      return found === false;
    }
    if (this.endedSessions.has(session)) return true;
    const live = await sessionLive(this.deps.board, session);
    if (live === false) this.endedSessions.set(session, this.deps.now());
    return live === false;
  }

  /**
   * The plan says "ended" but Miro still runs this user's room: the end may be on its way (the
   * sessions end just after the plan is written), or the value is forged and the facilitator's
   * app is putting the running plan back. Either way the held plan is not the last word: look
   * again, at the plan as well as at Miro, for the return window from when this stored end was
   * first doubted (one look at a time); after that Miro's `sessions:ended` brings this user back.
   */
  private confirmEndLater(plan: Plan, tries: number): void {
    if (this.doubted?.revision !== plan.revision) {
      this.doubted = { revision: plan.revision, since: this.deps.now() };
    }
    if (this.confirmingEnd || this.deps.now() - this.doubted.since > RETURN_WINDOW_MS) return;
    const { runId } = plan;
    this.confirmingEnd = true;
    this.later(tries, () => {
      void this.deps.reader
        .refresh()
        .catch(() => {})
        .then(() => {
          this.confirmingEnd = false;
          const now = this.deps.reader.plan();
          if (now?.runId === runId && now.phase === 'ended') {
            void this.returnToMainArea(now, tries + 1);
          }
        });
    });
  }

  /** An ended plan held while Miro, last asked, still ran this user's room. */
  private endInDoubt(plan: Plan): boolean {
    const session = this.mySession;
    return this.returnedFrom !== plan.runId && session !== null && !this.endedSessions.has(session);
  }

  /** See QUIET_PLAN_MS: every plan that arrives starts the wait again. */
  private readAgainIfQuiet(plan: Plan): void {
    if (this.quietCheck !== null) globalThis.clearTimeout(this.quietCheck);
    this.quietCheck = null;
    const mine = plan.people.some((person) => person.id === this.deps.me.id && person.roomId);
    if (this.stopped || plan.phase !== 'running' || !mine) return;
    this.quietCheck = globalThis.setTimeout(() => {
      this.quietCheck = null;
      if (this.stopped) return;
      // An unchanged plan calls no planChanged: the wait starts again from the plan held.
      void this.deps.reader
        .refresh()
        .catch(() => {})
        .then(() => {
          const held = this.deps.reader.plan();
          if (held && this.quietCheck === null) this.readAgainIfQuiet(held);
        });
    }, QUIET_PLAN_MS);
  }

  /**
   * Someone came or went, possibly this user after a time offline: nothing replays the storage
   * notifications an offline client missed (the start or the end, above all), so while this user
   * has a room in a breakout that has not ended (or whose stored end Miro has not confirmed:
   * it may be forged, and the real end missed offline) the plan is read again, at most once per
   * PRESENCE_REFRESH_MS.
   */
  private readonly onPresence = () => {
    this.drop.presenceChanged();
    const plan = this.deps.reader.plan();
    if (!plan || this.refreshTimer !== null) return;
    if (plan.phase === 'ended' && !this.endInDoubt(plan)) return;
    if (!plan.people.some((person) => person.id === this.deps.me.id && person.roomId)) return;
    const wait = Math.max(0, this.lastRefresh + PRESENCE_REFRESH_MS - this.deps.now());
    this.refreshTimer = globalThis.setTimeout(() => {
      this.refreshTimer = null;
      if (this.stopped) return;
      this.lastRefresh = this.deps.now();
      this.deps.reader.refresh().catch(() => {});
    }, wait);
  };

  private readonly onSessionStarted = ({ session }: SessionsLifecycleEvent) => {
    this.announced.set(session.id, session);
    this.checkPlanKnows(session.id, 0);
  };

  /**
   * A room opened: the plan naming it follows within moments. If it has not come by then, its
   * notification was lost (S3) and this user would never hear of the start, their invitation
   * included: the plan is read again, a few times if the read fails.
   */
  private checkPlanKnows(sessionId: string, tries: number): void {
    if (this.staleCheck !== null || tries >= STALE_PLAN_READS) return;
    this.staleCheck = globalThis.setTimeout(() => {
      this.staleCheck = null;
      const plan = this.deps.reader.plan();
      if (this.stopped || plan?.rooms.some((room) => room.sessionId === sessionId)) return;
      this.deps.reader.refresh().catch(() => this.checkPlanKnows(sessionId, tries + 1));
    }, STALE_PLAN_MS);
  }

  /**
   * My room closed. The plan's own change notification normally says why, but Miro does not
   * promise to deliver it (S3), so the plan is read again: losing it would strand this person in
   * their room after the end.
   */
  private readonly onSessionEnded = ({ session }: SessionsLifecycleEvent) => {
    this.announced.delete(session.id);
    this.endedSessions.set(session.id, this.deps.now());
    void this.readPlanAfterRoomEnded(session.id, 0);
  };

  /**
   * Read until the plan says why the room ended (the end, a closure). The session can end before
   * the plan that says so is stored, and a read can fail: either way, read again a little later.
   * For this user's room an end is acted on after the read, not before: the plan held may be a
   * forged "ended" whose restore went unheard, and a plan read again unchanged calls no
   * planChanged. Miro has ended the room, so a failed read leaves the plan held to act on.
   */
  private async readPlanAfterRoomEnded(sessionId: string, tries: number): Promise<void> {
    if (!this.awaitsReason(sessionId) || this.stopped) return;
    await this.deps.reader.refresh().catch(() => {});
    const plan = this.deps.reader.plan();
    if (plan?.phase === 'ended' && sessionId === this.mySession) {
      await this.returnToMainArea(plan);
    }
    if (this.awaitsReason(sessionId) && tries + 1 < ROOM_ENDED_READS) {
      this.later(tries, () => void this.readPlanAfterRoomEnded(sessionId, tries + 1));
    }
  }

  /** Whether the plan held does not say yet why `sessionId` ended, or this user is not back. */
  private awaitsReason(sessionId: string): boolean {
    const plan = this.deps.reader.plan();
    if (plan?.phase === 'ended') {
      return sessionId === this.mySession && this.returnedFrom !== plan.runId;
    }
    const roomId = plan?.people.find((person) => person.id === this.deps.me.id)?.roomId;
    return plan?.rooms.some((room) => room.id === roomId && room.sessionId === sessionId) ?? false;
  }
}
