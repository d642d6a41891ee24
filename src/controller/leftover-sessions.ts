import type { Plan } from '../domain/plan';
import type { Board } from '../sdk/connect';
import type { Session } from '../sdk/surface';
import type { PlanReader } from './plan-reader';
import { roomSessionIds } from './room-sessions';

/**
 * Calls of an app that went away (a reload in the middle of a start) may still open sessions
 * after the reopened app looked for leftovers: it looks once more this much later.
 */
export const LEFTOVER_CHECK_MS = 15_000;

export type LeftoverSessionsDeps = {
  board: Board;
  reader: PlanReader;
  facilitates: (plan: Plan) => boolean;
  /** Runs work in turn with the facilitator's commands. */
  inTurn: (work: () => Promise<void>) => Promise<void>;
};

/** Sessions of this app that the plan does not name: a start that did not happen, a reload. */
export class LeftoverSessions {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly deps: LeftoverSessionsDeps) {}

  stop(): void {
    if (this.timer !== null) globalThis.clearTimeout(this.timer);
    this.timer = null;
  }

  /** Ends the sessions of a start that did not happen; one that will not end is tried later. */
  async endOpened(sessions: readonly Session[]): Promise<void> {
    const ends = await Promise.allSettled(sessions.map((session) => session.end()));
    if (ends.some((end) => end.status === 'rejected')) this.checkLater();
  }

  /**
   * Sessions that may still open, or that a failed clean-up left open, are looked for once more
   * a little later, in turn with the commands (never in the middle of a start, whose sessions the
   * plan does not name yet), and ended unless the plan names them.
   */
  checkLater(): void {
    if (this.timer !== null) return;
    this.timer = globalThis.setTimeout(() => {
      this.timer = null;
      void this.deps.inTurn(() => this.endUnknown());
    }, LEFTOVER_CHECK_MS);
  }

  private async endUnknown(): Promise<void> {
    const plan = this.deps.reader.plan();
    if (!plan || !this.deps.facilitates(plan)) return;
    const known = new Set(plan.phase === 'running' ? roomSessionIds(plan) : []);
    const open = await this.deps.board.collaboration.getSessions().catch(() => []);
    await Promise.allSettled(
      open.filter((session) => !known.has(session.id)).map((session) => session.end()),
    );
  }
}
