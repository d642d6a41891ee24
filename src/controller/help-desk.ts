import { BOARD_HELP_NOTIFICATIONS, BOARD_HELP_WINDOW_MS, HELP_INTERVAL_MS } from '../domain/help';
import { createRateLimiter } from '../domain/messages';
import type { Plan } from '../domain/plan';
import { cleanName, fitNotification } from '../domain/text';
import type { Board } from '../sdk/connect';
import type { PlanWriter } from './plan-writer';
import type { Presence } from './presence';

export type HelpDeskDeps = {
  board: Board;
  writer: PlanWriter;
  presence: Presence;
  now: () => number;
};

/**
 * The facilitator's help queue (see domain/help.ts). A request is counted against the id Miro
 * lists as online, with the name Miro gives it; a repeat while that person's request is open adds
 * nothing; a person gets one accepted request per HELP_INTERVAL_MS; and the whole board makes at
 * most BOARD_HELP_NOTIFICATIONS notifications per window, the rest summed up in one at its end.
 */
export class HelpDesk {
  private readonly perPerson = createRateLimiter({ perPersonMs: HELP_INTERVAL_MS });
  private windowStart = Number.NEGATIVE_INFINITY;
  private shown = 0;
  private held = 0;
  private summary: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly deps: HelpDeskDeps) {}

  stop(): void {
    if (this.summary !== null) globalThis.clearTimeout(this.summary);
    this.summary = null;
  }

  async requested(plan: Plan, claimedId: string): Promise<void> {
    await this.deps.presence.start().catch(() => {});
    // Miro's list, not the message, says who this is: someone not on the board cannot ask.
    const user = this.deps.presence.onlineUsers().find((candidate) => candidate.id === claimedId);
    if (!user) return;
    if (plan.helpRequests.some((request) => request.personId === user.id)) return;
    const now = this.deps.now();
    if (!this.perPerson.allow(user.id, now)) return;
    const roomId = plan.people.find((person) => person.id === user.id)?.roomId ?? null;
    this.deps.writer.record({ type: 'helpRequested', personId: user.id, roomId, at: now });
    const room = plan.rooms.find((candidate) => candidate.id === roomId);
    const name = cleanName(user.name);
    this.notify(
      room
        ? fitNotification`${name} asks for help in ${room.name}`
        : fitNotification`${name} asks for help`,
      now,
    );
  }

  private notify(text: string, now: number): void {
    if (now - this.windowStart >= BOARD_HELP_WINDOW_MS) {
      this.windowStart = now;
      this.shown = 0;
    }
    if (this.shown < BOARD_HELP_NOTIFICATIONS) {
      this.shown += 1;
      void this.deps.board.notifications.showInfo(text).catch(() => {});
      return;
    }
    this.held += 1;
    this.summary ??= globalThis.setTimeout(
      () => {
        this.summary = null;
        const more = this.held;
        this.held = 0;
        const text =
          more === 1
            ? 'One more person asks for help: see the help queue.'
            : `${more} more people ask for help: see the help queue.`;
        void this.deps.board.notifications.showInfo(text).catch(() => {});
      },
      Math.max(0, this.windowStart + BOARD_HELP_WINDOW_MS - now),
    );
  }
}
