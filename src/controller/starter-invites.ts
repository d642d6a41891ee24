import { isRoomClosed, isRoomLocked } from '../domain/facilitation';
import { createRateLimiter } from '../domain/messages';
import type { PersonRef } from '../domain/plan';
import type { Board } from '../sdk/connect';
import type { PlanReader } from './plan-reader';
import type { Presence } from './presence';

/** Least time between two "invite to your rooms" requests acted on, per run. */
const INVITE_REQUEST_MS = 5_000;

export type StarterInvitesDeps = {
  board: Board;
  reader: PlanReader;
  presence: Presence;
  me: PersonRef;
  now: () => number;
};

/**
 * Where only a session's starter may invite into it (C12), a facilitator who took over cannot
 * invite anyone into the rooms the previous facilitator opened (a latecomer, a move), and asks
 * the starter's app. It invites whom the stored plan (read again) places in a room it started,
 * still "assigned" and online, each once per run, at most once per INVITE_REQUEST_MS: a forged
 * or repeated request invites nobody the facilitator did not place.
 */
export class StarterInvites {
  private readonly limiter = createRateLimiter({ perPersonMs: INVITE_REQUEST_MS });
  private readonly invited = new Set<string>();

  constructor(private readonly deps: StarterInvitesDeps) {}

  async inviteToRoomsIStarted(runId: string): Promise<void> {
    if (!this.limiter.allow(runId, this.deps.now())) return;
    await this.deps.reader.refresh().catch(() => {});
    const plan = this.deps.reader.plan();
    if (plan?.runId !== runId || plan.phase !== 'running') return;
    if (plan.facilitator.id === this.deps.me.id) return;
    await this.deps.presence.start().catch(() => {});
    const online = this.deps.presence.onlineIds();
    const sessions = await this.deps.board.collaboration.getSessions().catch(() => []);
    const mine = sessions.filter((session) => session.starterId === this.deps.me.id);
    await Promise.allSettled(
      mine.map(async (session) => {
        const room = plan.rooms.find((candidate) => candidate.sessionId === session.id);
        if (!room || isRoomLocked(plan, room.id) || isRoomClosed(plan, room.id)) return;
        const waiting = plan.people.filter(
          (person) =>
            person.roomId === room.id &&
            person.status === 'assigned' &&
            online.has(person.id) &&
            !this.invited.has(`${runId} ${session.id} ${person.id}`),
        );
        if (waiting.length === 0) return;
        await session.invite(waiting.map(({ id, name }) => ({ id, name })));
        for (const person of waiting) this.invited.add(`${runId} ${session.id} ${person.id}`);
      }),
    );
  }
}
