import { roomRefusal } from '../domain/facilitation';
import type { PersonRef, Plan, Room } from '../domain/plan';
import { fitNotification } from '../domain/text';
import type { Session, UserSessionEvent } from '../sdk/surface';
import type { PlanReader } from './plan-reader';

export type BackAfterDropDeps = {
  reader: PlanReader;
  me: PersonRef;
  /** This user is in their room's session again: take them to the frame, tell the facilitator. */
  rejoined: (runId: string, room: Room, session: Session) => Promise<void>;
};

/**
 * A participant's side of "back after a drop". Going offline takes a member out of their
 * session (C13), and nothing puts them back: the user-left happened while their app could hear
 * nothing. So this app remembers the session Miro put this user in and whether this user left it
 * while the app was listening (Miro's own Leave, a move to another room). When people come or go
 * (this user's own return among them) and Miro says this user is no longer a member of a session
 * they never left here, the app reads the plan again and, unless the room is locked or closed or
 * no longer theirs, joins it again.
 */
export class BackAfterDrop {
  /** The session Miro last confirmed this user in, as this app heard it. */
  private session: Session | null = null;
  private readonly leftHere = new Set<string>();
  private checking = false;
  private checkAgain = false;
  private stopped = false;

  constructor(private readonly deps: BackAfterDropDeps) {}

  stop(): void {
    this.stopped = true;
    if (this.session) void this.session.off('user-left', this.onUserLeft);
    this.session = null;
  }

  /** Miro confirmed this user in `session` (a join event, or `hasJoined`). */
  async entered(session: Session): Promise<void> {
    this.leftHere.delete(session.id);
    if (this.session?.id === session.id || this.stopped) return;
    if (this.session) void this.session.off('user-left', this.onUserLeft);
    this.session = session;
    await session.on('user-left', this.onUserLeft);
  }

  /** People came online or went offline: this user may be back after a drop. */
  presenceChanged(): void {
    if (this.session === null || this.stopped) return;
    if (this.checking) {
      this.checkAgain = true;
      return;
    }
    this.checking = true;
    void this.check()
      .catch(() => {})
      .finally(() => {
        this.checking = false;
        if (this.checkAgain) {
          this.checkAgain = false;
          this.presenceChanged();
        }
      });
  }

  private async check(): Promise<void> {
    const session = this.session;
    if (!session || this.leftHere.has(session.id)) return;
    if (await session.hasJoined(this.deps.me.id)) return;
    // The plan held may be from before the drop: the room may have been locked, closed or ended.
    await this.deps.reader.refresh().catch(() => {});
    const plan = this.deps.reader.plan();
    const room = plan ? roomToRejoin(plan, this.deps.me.id, session.id) : null;
    if (!plan || !room || this.stopped || this.session !== session) return;
    if (this.leftHere.has(session.id)) return;
    await session.join();
    await this.deps.rejoined(plan.runId, room, session);
  }

  private readonly onUserLeft = async (event: UserSessionEvent) => {
    // Heard while online: this user left on purpose (or was moved), so they stay out.
    if (event.userId === this.deps.me.id) this.leftHere.add(event.sessionId);
  };
}

/** This user's room, when the plan still puts them in that session's room and it takes people. */
export function roomToRejoin(plan: Plan, userId: string, sessionId: string): Room | null {
  if (plan.phase !== 'running') return null;
  const roomId = plan.people.find((person) => person.id === userId)?.roomId;
  const room = plan.rooms.find((candidate) => candidate.id === roomId);
  if (!room || room.sessionId !== sessionId || roomRefusal(plan, room.id) !== null) return null;
  return room;
}

/**
 * The facilitator's side: someone the plan said had left their room is in it again without being
 * invited (their own app joined after a drop, or they asked to rejoin): the facilitator is told.
 */
export class ReturnsWatch {
  private previous: Plan | null = null;

  constructor(private readonly tell: (message: string) => void) {}

  planChanged(plan: Plan | null, facilitates: boolean): void {
    const before = this.previous;
    this.previous = plan;
    if (!plan || !before || !facilitates || plan.phase !== 'running') return;
    if (before.runId !== plan.runId || before === plan) return;
    const left = new Map(
      before.people
        .filter((person) => person.status === 'left')
        .map((person) => [person.id, person.roomId]),
    );
    for (const person of plan.people) {
      if (person.status !== 'joined' || left.get(person.id) !== person.roomId) continue;
      const room = plan.rooms.find((candidate) => candidate.id === person.roomId);
      if (room) this.tell(fitNotification`${person.name} is back in ${room.name}`);
    }
  }
}
