import { closureOf } from '../domain/facilitation';
import type { PersonRef, Plan } from '../domain/plan';
import type { Board } from '../sdk/connect';
import type { Session } from '../sdk/surface';
import type { PlanReader } from './plan-reader';
import { sessionLive } from './platform-truth';
import { retryLater } from './retry-later';
import { RETURN_WINDOW_MS } from './return-to-main';
import { type ViewportMover, viewportOfMainArea } from './viewport';

export const ROOM_CLOSED_NOTIFICATION = 'Your room was closed. You are back in the main area.';

/** After a move, the old room is checked again this long later, doubling, LEAVE_CHECKS times in all. */
export const LEAVE_CHECK_MS = 15_000;
const LEAVE_CHECKS = 5;
/**
 * A move is acted on once the plan still says so this long later, read again from storage: any
 * participant's client can write storage, and the facilitator's app puts back what it did not
 * write within moments, so a forged move is gone by then.
 */
export const MOVE_CONFIRM_MS = 3_000;

export type ParticipantMovesDeps = {
  board: Board;
  reader: PlanReader;
  viewport: ViewportMover;
  me: PersonRef;
  now: () => number;
};

type Seat = {
  runId: string;
  phase: Plan['phase'];
  roomId: string | null;
  sessionId: string | null;
};

/**
 * The session of the room this user was in before the plan now running moved them: the room's
 * session of the same run, or, when the last plan this app saw was from before the rooms ran (a
 * start and a move whose notifications were lost, S3), the session the start opened for that
 * room and invited them to.
 */
function sessionLeft(previous: Seat, plan: Plan): string | null {
  if (previous.phase === 'running')
    return previous.runId === plan.runId ? previous.sessionId : null;
  return plan.rooms.find((room) => room.id === previous.roomId)?.sessionId ?? null;
}

/**
 * A participant's own app following the facilitator's changes to their room while it runs:
 * - moved to another room: it leaves the old room's session at once. Miro may move people between
 *   sessions by itself or refuse a second session (C7); leaving first works either way, and the
 *   new room's invitation (and the usual join handling) takes them to the new frame.
 * - their room closed early: it takes them back to the main area, once.
 */
export class ParticipantMoves {
  private seat: Seat | null = null;
  private readonly returned = new Set<string>();
  private stopped = false;

  constructor(private readonly deps: ParticipantMovesDeps) {}

  stop(): void {
    this.stopped = true;
  }

  planChanged(): void {
    const plan = this.deps.reader.plan();
    if (!plan) return;
    const me = plan.people.find((person) => person.id === this.deps.me.id);
    const roomId = me?.roomId ?? null;
    const room = plan.rooms.find((candidate) => candidate.id === roomId);
    const previous = this.seat;
    this.seat = {
      runId: plan.runId,
      phase: plan.phase,
      roomId,
      sessionId: room?.sessionId ?? null,
    };
    if (plan.phase !== 'running') return;
    const left = previous && previous.roomId !== roomId ? sessionLeft(previous, plan) : null;
    if (left) void this.leaveWhenConfirmed(plan.runId, left);
    // The session the room had before the plan closed it: Miro has to have ended it too.
    const session = previous?.roomId === roomId ? previous?.sessionId : room?.sessionId;
    this.seat.sessionId ??= session ?? null;
    // Only someone who was in the room is taken out of it; others are elsewhere on the board.
    if (roomId !== null && me?.status === 'joined') void this.returnIfClosed(plan, roomId, session);
  }

  private leaveWhenConfirmed(runId: string, sessionId: string): void {
    globalThis.setTimeout(() => {
      if (this.stopped) return;
      void this.deps.reader
        .refresh()
        .catch(() => {})
        .then(() => this.leaveOldRoom(runId, sessionId, null, 0));
    }, MOVE_CONFIRM_MS);
  }

  /**
   * Leaves the old room's session now, and makes sure again a few times (15 s, 30 s, …): the old
   * room's invitation may still be showing, and a click on it puts the person back in the room
   * they were moved out of, where Miro may then refuse the new room (C7). A few calls per move;
   * moves are rare.
   */
  private async leaveOldRoom(
    runId: string,
    sessionId: string,
    known: Session | null,
    tries: number,
  ): Promise<void> {
    const plan = this.deps.reader.plan();
    if (this.stopped || plan?.runId !== runId || plan.phase !== 'running') return;
    const roomId = plan.people.find((person) => person.id === this.deps.me.id)?.roomId;
    if (plan.rooms.some((room) => room.id === roomId && room.sessionId === sessionId)) return;
    let session = known;
    try {
      session ??=
        (await this.deps.board.collaboration.getSessions()).find(
          (candidate) => candidate.id === sessionId,
        ) ?? null;
      // Gone: the room was closed or the breakout ended, so there is nothing to leave.
      if (session === null) return;
      // Asked first: leaving a session one is not in may be refused (C14).
      if (await session.hasJoined(this.deps.me.id)) await session.leave();
    } catch {
      // Miro could not answer: the next check tries again.
    }
    if (tries + 1 >= LEAVE_CHECKS) return;
    globalThis.setTimeout(
      () => void this.leaveOldRoom(runId, sessionId, session, tries + 1),
      LEAVE_CHECK_MS * 2 ** tries,
    );
  }

  private async returnIfClosed(
    plan: Plan,
    roomId: string,
    sessionId: string | null | undefined,
    tries = 0,
  ): Promise<void> {
    const closure = closureOf(plan, roomId);
    if (!closure || !plan.mainArea) return;
    const key = `${plan.runId}:${roomId}`;
    if (this.returned.has(key)) return;
    this.returned.add(key);
    // A board opened long after the room closed: the person is not in it, nothing to undo.
    if (this.deps.now() - closure.at > RETURN_WINDOW_MS) return;
    // Platform truth: a stored closure is believed once Miro ended the room's session too (an
    // app that never saw the room open has no session to ask about).
    if (sessionId && (await sessionLive(this.deps.board, sessionId)) !== false) {
      this.returned.delete(key);
      retryLater(
        tries,
        () => this.stopped,
        () => {
          const now = this.deps.reader.plan();
          if (now?.runId === plan.runId)
            void this.returnIfClosed(now, roomId, sessionId, tries + 1);
        },
      );
      return;
    }
    const [moved] = await Promise.allSettled([
      this.deps.viewport.move(viewportOfMainArea(plan.mainArea)),
      tries === 0 ? this.deps.board.notifications.showInfo(ROOM_CLOSED_NOTIFICATION) : null,
    ]);
    if (moved.status === 'fulfilled') return;
    // Still in a room that no longer exists: try again while the return window lasts.
    this.returned.delete(key);
    retryLater(
      tries,
      () => this.stopped,
      () => {
        const now = this.deps.reader.plan();
        if (now?.runId === plan.runId) void this.returnIfClosed(now, roomId, sessionId, tries + 1);
      },
    );
  }
}
