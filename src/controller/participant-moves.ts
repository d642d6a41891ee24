import { closureOf } from '../domain/facilitation';
import type { PersonRef, Plan } from '../domain/plan';
import type { Board } from '../sdk/connect';
import { RETURN_WINDOW_MS } from './participant';
import type { PlanReader } from './plan-reader';
import { viewportOfMainArea } from './viewport';

export const ROOM_CLOSED_NOTIFICATION = 'Your room was closed. You are back in the main area.';

export type ParticipantMovesDeps = {
  board: Board;
  reader: PlanReader;
  me: PersonRef;
  now: () => number;
};

type Seat = { runId: string; roomId: string | null; sessionId: string | null };

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

  constructor(private readonly deps: ParticipantMovesDeps) {}

  planChanged(): void {
    const plan = this.deps.reader.plan();
    if (!plan) return;
    const me = plan.people.find((person) => person.id === this.deps.me.id);
    const roomId = me?.roomId ?? null;
    const room = plan.rooms.find((candidate) => candidate.id === roomId);
    const previous = this.seat;
    this.seat = { runId: plan.runId, roomId, sessionId: room?.sessionId ?? null };
    if (plan.phase !== 'running') return;
    if (
      previous !== null &&
      previous.runId === plan.runId &&
      previous.roomId !== roomId &&
      previous.sessionId !== null
    ) {
      void this.leave(previous.sessionId);
    }
    // Only someone who was in the room is taken out of it; others are elsewhere on the board.
    if (roomId !== null && me?.status === 'joined') void this.returnIfClosed(plan, roomId);
  }

  /** Costs two calls, once per move: moves are rare, and the Session object is needed to leave. */
  private async leave(sessionId: string): Promise<void> {
    try {
      const session = (await this.deps.board.collaboration.getSessions()).find(
        (candidate) => candidate.id === sessionId,
      );
      await session?.leave();
    } catch {
      // Not a member (it never joined, or Miro already moved it: C14 may reject): nothing to leave.
    }
  }

  private async returnIfClosed(plan: Plan, roomId: string): Promise<void> {
    const closure = closureOf(plan, roomId);
    if (!closure || !plan.mainArea) return;
    const key = `${plan.runId}:${roomId}`;
    if (this.returned.has(key)) return;
    this.returned.add(key);
    // A board opened long after the room closed: the person is not in it, nothing to undo.
    if (this.deps.now() - closure.at > RETURN_WINDOW_MS) return;
    await Promise.allSettled([
      this.deps.board.viewport.set({ viewport: viewportOfMainArea(plan.mainArea) }),
      this.deps.board.notifications.showInfo(ROOM_CLOSED_NOTIFICATION),
    ]);
  }
}
