import { isRoomClosed } from '../domain/facilitation';
import type { Plan } from '../domain/plan';
import type { Board } from '../sdk/connect';
import type { InvitationResponseEvent, Session, UserSessionEvent } from '../sdk/surface';
import type { PlanReader } from './plan-reader';
import type { PlanWriter } from './plan-writer';

export type RoomSessionsDeps = { board: Board; reader: PlanReader; writer: PlanWriter };

/** One membership Miro reported: this user in that session. */
const membership = (sessionId: string, userId: string) => `${sessionId} ${userId}`;

export const roomSessionIds = (plan: Plan): string[] =>
  plan.rooms.flatMap((room) => (room.sessionId ? [room.sessionId] : []));

/**
 * The Miro sessions of the running breakout that the facilitator's app holds and listens to.
 * Their events (joins, departures, answers to invitations) become plan actions, written by the
 * writer in coalesced batches; handlers read nothing from a closure (D5).
 */
export class RoomSessions {
  private readonly held = new Map<string, Session>();
  /** Who Miro said is in which session (`membership`), from this app's own events. */
  private readonly joins = new Set<string>();

  constructor(private readonly deps: RoomSessionsDeps) {}

  async listen(session: Session): Promise<void> {
    if (this.held.has(session.id)) return;
    this.held.set(session.id, session);
    await Promise.all([
      session.on('user-joined', this.onUserJoined),
      session.on('user-left', this.onUserLeft),
      session.on('invitation-responded', this.onInvitationResponded),
    ]);
  }

  /** The sessions held, by id; those a reload lost are fetched again (one call). */
  async byId(): Promise<ReadonlyMap<string, Session>> {
    const plan = this.deps.reader.plan();
    const needed = plan ? roomSessionIds(plan) : [];
    if (needed.some((id) => !this.held.has(id))) {
      for (const session of await this.deps.board.collaboration.getSessions()) {
        if (needed.includes(session.id)) await this.listen(session);
      }
    }
    return this.held;
  }

  /** Every session held, without asking Miro. */
  all(): Session[] {
    return [...this.held.values()];
  }

  /** Whether Miro itself told this app that the user joined that session (and has not left). */
  heardJoin(sessionId: string, userId: string): boolean {
    return this.joins.has(membership(sessionId, userId));
  }

  forget(sessionId: string): void {
    this.held.delete(sessionId);
  }

  /**
   * Miro ended one of the running breakout's sessions, whoever ended it (a facilitator whose
   * close raced a take-over, a participant's app holding it from `getSessions`, Miro itself):
   * nobody is in that room any more, so it is recorded closed and its people's apps take them
   * back to the main area. A session this app ended itself is already recorded (or the whole
   * breakout is ending): the reducer ignores a second closure and any closure after the end.
   */
  ended(sessionId: string, at: number): void {
    this.held.delete(sessionId);
    const plan = this.deps.reader.plan();
    const room = plan?.rooms.find((candidate) => candidate.sessionId === sessionId);
    if (plan?.phase !== 'running' || !room || isRoomClosed(plan, room.id)) return;
    this.deps.writer.record({ type: 'roomClosed', roomId: room.id, at });
  }

  forgetAll(): void {
    this.held.clear();
  }

  private readonly onUserJoined = async (event: UserSessionEvent) => {
    this.joins.add(membership(event.sessionId, event.userId));
    this.deps.writer.record({
      type: 'participantJoined',
      personId: event.userId,
      sessionId: event.sessionId,
    });
  };

  private readonly onUserLeft = async (event: UserSessionEvent) => {
    this.joins.delete(membership(event.sessionId, event.userId));
    this.deps.writer.record({
      type: 'participantLeft',
      personId: event.userId,
      sessionId: event.sessionId,
    });
  };

  private readonly onInvitationResponded = async ({ response }: InvitationResponseEvent) => {
    this.deps.writer.record({
      type: 'invitationAnswered',
      personId: response.user,
      accepted: response.status === 'accepted',
      reason: response.reason,
    });
  };
}
