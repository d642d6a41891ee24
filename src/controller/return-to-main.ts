import type { PersonRef, Plan } from '../domain/plan';
import type { Board } from '../sdk/connect';
import type { PlanReader } from './plan-reader';
import { sessionLive, sessionWith } from './platform-truth';
import { retryLater } from './retry-later';
import { type ViewportMover, viewportOfMainArea } from './viewport';

/** A participant whose board opens this long after the end is not moved any more. */
export const RETURN_WINDOW_MS = 120_000;

export const END_NOTIFICATION = 'The breakout has ended. You are back in the main area.';

/** Reads of the plan after this user's room ended, until it says why (2 s, 4 s, … apart). */
const ROOM_ENDED_READS = 6;

export type ReturnToMainDeps = {
  board: Board;
  reader: PlanReader;
  viewport: ViewportMover;
  me: PersonRef;
  now: () => number;
  stopped: () => boolean;
  /** This user is being taken out of the breakout: what the join side holds is over. */
  leavingRooms: () => void;
};

/**
 * Brings this user back to the main area at the real end, and tells them once. Kept apart from
 * the join side because the end is where storage may lie (anyone can write "ended"): it is
 * believed only once Miro ended this user's room too.
 */
export class ReturnToMain {
  private returnedFrom: string | null = null;
  /** The run whose end this user was told of: a retried move does not tell them twice. */
  private notifiedOf: string | null = null;
  /** The session of this user's room in the running breakout, as the plan last said. */
  private mySession: string | null = null;
  /** Sessions Miro said ended (`sessions:ended`, or missing from `getSessions`), and when. */
  private readonly endedSessions = new Map<string, number>();
  /** A look at whether a stored end holds (see confirmEndLater) is waiting. */
  private confirmingEnd = false;
  /** The stored end Miro contradicted last, and since when. */
  private doubted: { revision: number; since: number } | null = null;

  constructor(private readonly deps: ReturnToMainDeps) {}

  /** A running plan puts this user in the room of `sessionId` (null: none open for them yet). */
  running(plan: Plan, sessionId: string | null): void {
    if (sessionId) this.mySession = sessionId;
    // Running again after an end this app acted on: that end was forged, and it went unseen
    // that Miro still ran the room (an app that never saw the room run, say). The real end
    // brings this user back, and tells them.
    if (this.returnedFrom === plan.runId) {
      this.returnedFrom = null;
      this.notifiedOf = null;
    }
  }

  async returnToMainArea(plan: Plan, tries = 0): Promise<void> {
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
    this.deps.leavingRooms();
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

  /** An ended plan held while Miro, last asked, still ran this user's room. */
  endInDoubt(plan: Plan): boolean {
    const session = this.mySession;
    return this.returnedFrom !== plan.runId && session !== null && !this.endedSessions.has(session);
  }

  /**
   * Miro ended a session. The plan's own change notification normally says why, but Miro does
   * not promise to deliver it (S3), so the plan is read again: losing it would strand this person
   * in their room after the end.
   */
  sessionEnded(sessionId: string): void {
    this.endedSessions.set(sessionId, this.deps.now());
    void this.readPlanAfterRoomEnded(sessionId, 0);
  }

  private later(tries: number, retry: () => void): void {
    retryLater(tries, this.deps.stopped, retry);
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

  /**
   * Read until the plan says why the room ended (the end, a closure). The session can end before
   * the plan that says so is stored, and a read can fail: either way, read again a little later.
   * For this user's room an end is acted on after the read, not before: the plan held may be a
   * forged "ended" whose restore went unheard, and a plan read again unchanged calls no
   * planChanged. Miro has ended the room, so a failed read leaves the plan held to act on.
   */
  private async readPlanAfterRoomEnded(sessionId: string, tries: number): Promise<void> {
    if (!this.awaitsReason(sessionId) || this.deps.stopped()) return;
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
