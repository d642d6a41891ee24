/**
 * A pasted list of who goes where, with people who come online only after Start: the list is
 * pasted while some of its people are not on the board yet (a name in other capitals among
 * them, and one name nobody has), those online are placed by it, Start is pressed, and the
 * latecomers arrive while the rooms run, under the run's faults and rate limits.
 *
 * The check, once the board healed: every latecomer still in their listed room (the facilitator
 * may have moved them) was invited into that room's session. Draws come from a stream of their
 * own.
 */
import { isRoomClosed, isRoomLocked } from '../src/domain/facilitation';
import { createRandom, type Random, randomIndex } from '../src/domain/random';
import { setOnline } from './people';
import type { Member, Stage } from './stage';

/** Latecomers arrive within this long of the press of Start. */
const ARRIVALS_MS = 110_000;

export class PreAssigned {
  private readonly random: Random;
  /** The listed room of each latecomer, by user id. */
  private readonly late = new Map<string, string>();

  constructor(private readonly s: Stage) {
    this.random = createRandom(`${s.seed}/pre-assigned`);
  }

  /** Some of the list's people leave the board, then the list is pasted. */
  async plan(): Promise<void> {
    const s = this.s;
    const rooms = s.plan()?.rooms.filter((room) => !room.frameMissing) ?? [];
    if (rooms.length === 0) return;
    const share = 0.2 + this.random() * 0.5;
    const rows = s.participants.map((member, index) => {
      const room = rooms[randomIndex(this.random, rooms.length)] ?? rooms[0];
      const roomId = room?.id ?? '';
      // The first participant is on the board, so that Start has someone to invite.
      if (index > 0 && this.random() < share) this.late.set(member.user.id, roomId);
      const name = this.random() < 0.1 ? member.user.name.toUpperCase() : member.user.name;
      return { name, roomId };
    });
    rows.push({ name: 'Nobody By This Name', roomId: rooms[0]?.id ?? '' });
    for (const id of this.late.keys()) {
      const member = s.members.get(id);
      if (member) setOnline(s, member, false);
    }
    s.log(
      `pre-assigned: ${rows.length} rows pasted, ${this.late.size} people not on the board yet`,
    );
    await s.retry(() => s.acting, { type: 'setPreAssignments', rows });
    // The facilitator's app places those online as it sees them (a coalesced write).
    await s.clock.advance(5_000);
  }

  /** The latecomers come online while Start runs and the rooms run. */
  beforeStart(): void {
    for (const id of this.late.keys()) {
      const member = this.s.members.get(id) as Member;
      this.s.later(randomIndex(this.random, ARRIVALS_MS), () => setOnline(this.s, member, true));
    }
  }

  /** Every latecomer in their listed room was invited into it. */
  check(): void {
    const s = this.s;
    const plan = s.plan();
    if (plan?.phase !== 'running') return;
    const started = s.observed.firstRunning.get(plan.runId);
    for (const [id, roomId] of this.late) {
      const placedAtStart = started?.people.some((person) => person.id === id && person.roomId);
      if (id === s.acting.user.id || placedAtStart) continue;
      const room = plan.rooms.find((candidate) => candidate.id === roomId);
      // A room removed before the start, or closed or locked since, takes nobody new.
      if (!room || room.frameMissing || isRoomClosed(plan, roomId) || isRoomLocked(plan, roomId))
        continue;
      const person = plan.people.find((candidate) => candidate.id === id);
      const name = s.members.get(id)?.user.name ?? id;
      if (!person) {
        s.violate(`pre-assigned: ${name} came online after the start and was never placed`);
        continue;
      }
      if (person.roomId !== roomId) continue;
      const invited = s.observed.invitations.some(
        (invitation) => invitation.userId === id && invitation.sessionId === room.sessionId,
      );
      if (!invited && person.status !== 'joined')
        s.violate(
          `pre-assigned: ${name} came online after the start and was never invited to "${room.name}" (plan: "${person.status}")`,
        );
    }
  }
}
