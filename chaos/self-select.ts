/**
 * Self-select as people do it: the facilitator opens it, participants pick rooms from their
 * panels (some change their mind, some never pick, one pick comes while Start runs), and a pick
 * that the facilitator's panel does not show after a while is made again, as a participant who
 * sees no change would (the facilitator's app may have reloaded with a batch of picks in hand).
 * The facilitator then places whoever has no room, or not, and starts.
 *
 * The check: everyone lands in the room the facilitator's panel showed for them when Start was
 * pressed (a pick on its way then may still count), and is invited to that room's session, never
 * to one a pick made after the press named. Draws come from a stream of their own.
 */
import { BROADCAST_EVENT } from '../src/domain/messages';
import type { Plan } from '../src/domain/plan';
import { roomPicked } from '../src/domain/planning/room-picked-message';
import { createRandom, type Random, randomIndex } from '../src/domain/random';
import { explain, type Member, type Stage } from './stage';

type Pick = { roomId: string; at: number };

/** How long picking goes on before the facilitator looks at the panel and starts. */
const PICKING_MS = 40_000;
/** How long a participant waits to see their pick on the panel before making it again. */
const LOOK_AGAIN_MS = 8_000;

export class SelfSelect {
  private readonly random: Random;
  /** Every pick each participant sent, in order. */
  private readonly picks = new Map<string, Pick[]>();

  constructor(private readonly s: Stage) {
    this.random = createRandom(`${s.seed}/self-select`);
  }

  /** Opens self-select, lets people pick for a while, then maybe places the rest. */
  async plan(): Promise<void> {
    const s = this.s;
    const rooms = this.rooms();
    const capacity =
      this.random() < 0.5 ? null : Math.ceil(s.participants.length / rooms.length) + 1;
    await s.retry(() => s.acting, { type: 'openSelfSelect', capacity });
    if (this.random() < 0.3) {
      s.later(randomIndex(this.random, PICKING_MS), () =>
        s.reload(s.acting, 'while people pick rooms'),
      );
    }
    for (const member of s.participants) {
      if (this.random() < 0.2) continue;
      const first = randomIndex(this.random, PICKING_MS / 2);
      s.later(first, () => this.pick(member, this.anyRoom()));
      if (this.random() < 0.3) {
        const again = first + 2_000 + randomIndex(this.random, PICKING_MS / 2);
        s.later(again, () => this.pick(member, this.anyRoom()));
      }
    }
    await s.clock.advance(PICKING_MS + LOOK_AGAIN_MS * 2);
    if (this.random() < 0.6)
      await s.retry(() => s.acting, { type: 'placeUnchosen', seed: randomIndex(this.random, 1e6) });
  }

  /** Just before Start is pressed: someone picks a room as the facilitator presses it. */
  beforeStart(): void {
    const member = this.s.participants[randomIndex(this.random, this.s.participants.length)];
    if (member)
      this.s.later(randomIndex(this.random, 1_500), () => this.pick(member, this.anyRoom()));
  }

  /** Once running: everyone is where the panel showed at the press, and invited there. */
  check(): void {
    const s = this.s;
    const running = [...s.observed.firstRunning.values()][0];
    if (!running) return;
    const press = s.observed.startPresses.filter((p) => p.at <= (running.startedAt ?? 0)).at(-1);
    if (!press?.plan) return;
    for (const member of s.participants) {
      const id = member.user.id;
      const allowed = this.allowedRooms(id, press.plan, press.at);
      const room = running.people.find((person) => person.id === id)?.roomId ?? null;
      const name = member.user.name;
      if (!allowed.has(room)) {
        s.violate(
          `self-select: ${name} is in ${nameOf(running, room)} after the start, but the panel showed ${nameOf(press.plan, roomOf(press.plan, id))} when Start was pressed`,
        );
        continue;
      }
      const session = running.rooms.find((candidate) => candidate.id === room)?.sessionId;
      const invited = s.observed.invitations.find(
        (invitation) => invitation.userId === id && invitation.at >= press.at,
      );
      if (
        invited &&
        invited.at <= (running.startedAt ?? 0) + 60_000 &&
        invited.sessionId !== session
      )
        s.violate(`self-select: ${name} was invited to another room than ${nameOf(running, room)}`);
    }
  }

  /**
   * The room the panel showed at the press, or one of the picks sent after the last pick it
   * showed and before the press (still on their way then).
   */
  private allowedRooms(id: string, plan: Plan, pressedAt: number): Set<string | null> {
    const shown = roomOf(plan, id);
    const sent = (this.picks.get(id) ?? []).filter((pick) => pick.at < pressedAt);
    const lastShown = sent.map((pick) => pick.roomId).lastIndexOf(shown ?? '');
    return new Set([shown, ...sent.slice(lastShown + 1).map((pick) => pick.roomId)]);
  }

  private rooms(): string[] {
    const plan = this.s.plan();
    return plan?.rooms.filter((room) => !room.frameMissing).map((room) => room.id) ?? [];
  }

  private anyRoom(): string | null {
    const rooms = this.rooms();
    return rooms[randomIndex(this.random, rooms.length)] ?? null;
  }

  /** A pick from the participant's panel; made again while the panel does not show it. */
  private async pick(member: Member, roomId: string | null, tries = 0): Promise<void> {
    const s = this.s;
    const plan = s.plan();
    if (roomId === null || !plan || plan.phase !== 'planning' || !member.board) return;
    if (tries === 0) {
      const sent = this.picks.get(member.user.id) ?? [];
      this.picks.set(member.user.id, [...sent, { roomId, at: s.clock.now() }]);
    }
    try {
      await member.board.events.broadcast(
        BROADCAST_EVENT,
        roomPicked(plan.runId, roomId, { id: member.user.id, name: member.user.name }),
      );
      s.log(`${member.user.name} picked ${nameOf(plan, roomId)}`);
    } catch (error) {
      s.log(`${member.user.name}'s pick could not be sent: ${explain(error)}`);
    }
    s.later(LOOK_AGAIN_MS, () => {
      const latest = this.picks.get(member.user.id)?.at(-1)?.roomId;
      const now = s.plan();
      if (tries < 3 && latest === roomId && now && roomOf(now, member.user.id) !== roomId)
        return this.pick(member, roomId, tries + 1);
    });
  }
}

const roomOf = (plan: Plan, personId: string): string | null =>
  plan.people.find((person) => person.id === personId)?.roomId ?? null;

const nameOf = (plan: Plan, roomId: string | null): string =>
  roomId === null
    ? 'no room'
    : `"${plan.rooms.find((room) => room.id === roomId)?.name ?? roomId}"`;
