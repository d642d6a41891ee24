import { isRoomLocked, roomRefusal } from '../domain/facilitation';
import { BROADCAST_EVENT, inviteToYourRooms } from '../domain/messages';
import type { Person, PersonRef, Room } from '../domain/plan';
import type { Board } from '../sdk/connect';
import { errorMessage } from '../sdk/retry';
import type { CommandResult } from './commands';
import type { MembershipSweep } from './membership-sweep';
import type { PlanReader } from './plan-reader';
import type { PlanWriter } from './plan-writer';
import type { Presence } from './presence';
import { done, refused } from './results';
import type { RoomSessions } from './room-sessions';

export type InvitationsDeps = {
  board: Board;
  me: PersonRef;
  reader: PlanReader;
  writer: PlanWriter;
  presence: Presence;
  sessions: RoomSessions;
  sweep: MembershipSweep;
};

/**
 * Invitations while the breakout runs: "Invite again", a participant's request to rejoin, and
 * placing someone (late, or moved) in a room that takes people.
 */
export class Invitations {
  constructor(private readonly deps: InvitationsDeps) {}

  /** Places someone (new, or moving) in a room that takes people, and invites them there. */
  async assignAndInvite(person: PersonRef, roomId: string): Promise<CommandResult> {
    const plan = this.deps.reader.plan();
    const refusal = plan ? roomRefusal(plan, roomId) : null;
    if (refusal) return refused(refusal);
    await this.deps.writer.apply([{ type: 'personAssigned', person, roomId }]);
    return this.reinvite([person.id]);
  }

  async reinvite(personIds: readonly string[]): Promise<CommandResult> {
    const plan = this.deps.reader.plan();
    if (plan?.phase !== 'running') return refused('The breakout is not running.');
    await this.deps.presence.start();
    const online = this.deps.presence.onlineIds();
    const wanted = new Set(personIds);
    const byRoom = new Map<Room, Person[]>();
    let lockedOut: string | null = null;
    for (const person of plan.people) {
      if (!wanted.has(person.id) || !online.has(person.id) || person.status === 'joined') continue;
      const room = plan.rooms.find((candidate) => candidate.id === person.roomId);
      if (!room?.sessionId) continue;
      // A locked room takes nobody new: neither "Invite again" nor a request to rejoin.
      if (isRoomLocked(plan, room.id)) {
        lockedOut = room.name;
        continue;
      }
      byRoom.set(room, [...(byRoom.get(room) ?? []), person]);
    }
    if (byRoom.size === 0 && lockedOut !== null) {
      return { ok: false, message: `“${lockedOut}” is locked. Unlock it to invite people.` };
    }
    if (byRoom.size === 0) {
      return refused('Nobody to invite: they are offline, already in, or have no room.');
    }
    const sessions = await this.deps.sessions.byId();
    const invited: string[] = [];
    const problems: string[] = [];
    let startedElsewhere = false;
    await Promise.all(
      [...byRoom].map(async ([room, people]) => {
        const session = room.sessionId ? sessions.get(room.sessionId) : undefined;
        if (!session) {
          problems.push(`“${room.name}” is no longer open`);
          return;
        }
        try {
          await session.invite(people.map(({ id, name }) => ({ id, name })));
          invited.push(...people.map((person) => person.id));
        } catch (error) {
          problems.push(`“${room.name}”: ${errorMessage(error)}`);
          startedElsewhere ||= session.starterId !== this.deps.me.id;
        }
      }),
    );
    const written = await this.deps.writer.apply([
      { type: 'participantsInvited', personIds: invited },
    ]);
    this.deps.sweep.restartSweep();
    // Miro may let only a room's starter invite into it (C12): after a take-over, their app does.
    if (startedElsewhere) {
      void this.deps.board.events
        .broadcast(BROADCAST_EVENT, inviteToYourRooms(plan.runId, this.deps.me))
        .catch(() => {});
    }
    if (problems.length > 0)
      return { ok: false, message: `Not everyone was invited: ${problems.join('; ')}.` };
    return done(written);
  }
}
