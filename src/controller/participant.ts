import { isRoomClosed } from '../domain/facilitation';
import { BROADCAST_EVENT, joinedRoom } from '../domain/messages';
import type { PersonRef, Plan, Room } from '../domain/plan';
import type { Board } from '../sdk/connect';
import type { Session, SessionsLifecycleEvent, UserSessionEvent } from '../sdk/surface';
import { BackAfterDrop } from './back-after-drop';
import type { PlanReader } from './plan-reader';
import { retryLater } from './retry-later';
import { ReturnToMain } from './return-to-main';
import { type ViewportMover, viewportAroundFrame } from './viewport';

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
  private stopped = false;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private staleCheck: ReturnType<typeof setTimeout> | null = null;
  private quietCheck: ReturnType<typeof setTimeout> | null = null;
  private lastRefresh = Number.NEGATIVE_INFINITY;
  private readonly drop: BackAfterDrop;
  private readonly returns: ReturnToMain;

  constructor(private readonly deps: ParticipantDeps) {
    this.returns = new ReturnToMain({
      ...deps,
      stopped: () => this.stopped,
      leavingRooms: () => {
        // Back in the main area: a next breakout's rooms are to be joined and moved to afresh.
        this.movedFor = null;
        this.listeningTo = null;
        this.announced.clear();
      },
    });
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
    if (plan.phase === 'running') this.returns.running(plan, room.sessionId);
    if (plan.phase === 'running' && room.sessionId && !isRoomClosed(plan, room.id)) {
      if (me.status === 'joined') void this.moveToRoom(room, room.sessionId);
      else void this.listen(plan, room, room.sessionId);
    } else if (plan.phase === 'ended') {
      void this.returns.returnToMainArea(plan);
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
    if (plan.phase === 'ended' && !this.returns.endInDoubt(plan)) return;
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

  private readonly onSessionEnded = ({ session }: SessionsLifecycleEvent) => {
    this.announced.delete(session.id);
    this.returns.sessionEnded(session.id);
  };
}
