import { BROADCAST_EVENT, closeYourRooms, createRateLimiter } from '../domain/messages';
import type { PersonRef, Plan } from '../domain/plan';
import { cleanName } from '../domain/text';
import type { Board } from '../sdk/connect';
import type { Session } from '../sdk/surface';
import type { CommandResult, ControllerNotice } from './commands';
import type { PlanReader } from './plan-reader';
import type { PlanWriter } from './plan-writer';
import { done, failed } from './results';
import { type RoomSessions, roomSessionIds } from './room-sessions';

/** Least time between two "close your rooms" requests acted on, per run. */
const CLOSE_REQUEST_MS = 5_000;
/** How long the starter's board gets to close its rooms before the facilitator looks again. */
export const CLOSE_CHECK_MS = 10_000;
/** How long after the end a board timer still running is taken to be the ended run's. */
const ENDED_TIMER_WINDOW_MS = 5 * 60_000;
const TIMER_NOT_STOPPED = 'Miro’s board timer could not be stopped. Press End again to retry.';

export type BreakoutEndDeps = {
  board: Board;
  reader: PlanReader;
  writer: PlanWriter;
  sessions: RoomSessions;
  me: PersonRef;
  now: () => number;
  reportProblem: (problem: ControllerNotice['problem']) => void;
};

/**
 * Everything about closing a breakout: the end itself, what it leaves behind (rooms Miro would
 * not close, a timer still running), and the rooms only their starter may close (C12).
 */
export class BreakoutEnd {
  /** The end's `timer.stop` failed: End pressed again tries it again. */
  private timerLeftRunning = false;
  private readonly closeLimiter = createRateLimiter({ perPersonMs: CLOSE_REQUEST_MS });
  private stopped = false;

  constructor(private readonly deps: BreakoutEndDeps) {}

  stop(): void {
    this.stopped = true;
  }

  /**
   * Ends a running (or interrupted starting) breakout: the plan write, every session's end and
   * the timer stop go out together; participants' apps bring their people back. Guarded by the
   * caller's phase check and serialized with every other command, so it runs once (D7).
   */
  async endRunning(plan: Plan): Promise<CommandResult> {
    const sessions = await this.deps.sessions.byId();
    const toEnd = roomSessionIds(plan).flatMap((id) => sessions.get(id) ?? []);
    void this.deps.writer.flush();
    const [written, ...ends] = await Promise.allSettled([
      this.deps.writer.apply([{ type: 'breakoutEnded', at: this.deps.now() }]),
      ...toEnd.map((session) => session.end().then(() => this.deps.sessions.forget(session.id))),
      plan.timer === 'board' ? this.deps.board.timer.stop() : Promise.resolve(),
    ]);
    if (written.status === 'rejected') return failed(written.reason);
    this.timerLeftRunning = ends[toEnd.length]?.status === 'rejected';
    this.reportStuck(plan, toEnd, ends.slice(0, toEnd.length));
    return done(written.value);
  }

  /** After the end: closes any session still open (a failed end, or a crash before it). */
  async endLeftovers(plan: Plan): Promise<CommandResult> {
    const open = await this.deps.board.collaboration.getSessions();
    // Only a stop of this end that failed is tried again: a timer started since is someone else's.
    const [timer, ...results] = await Promise.allSettled([
      this.timerLeftRunning ? this.deps.board.timer.stop() : Promise.resolve(),
      ...open.map((session) => session.end()),
    ]);
    this.timerLeftRunning = timer.status === 'rejected';
    this.reportStuck(plan, open, results);
    return { ok: true, plan };
  }

  /**
   * An app closed in the middle of the end (a reload, a closed tab) may have written the end but
   * never stopped Miro's board timer. Shortly after the end a running board timer is that run's:
   * the reloaded app stops it (End pressed again tries again if that fails).
   */
  async stopTimerOfEndedRun(plan: Plan): Promise<void> {
    if (plan.timer !== 'board' || plan.endedAt === null) return;
    if (this.deps.now() - plan.endedAt > ENDED_TIMER_WINDOW_MS) return;
    const timer = await this.deps.board.timer.get().catch(() => null);
    if (timer === null || timer.status === 'STOPPED') return;
    try {
      await this.deps.board.timer.stop();
    } catch {
      this.timerLeftRunning = true;
      this.deps.reportProblem(TIMER_NOT_STOPPED);
    }
  }

  /**
   * Someone took over and ended the breakout: where only a session's starter may end it (C12),
   * only this app can close the rooms it opened, so it does.
   */
  endOwnSessions(): void {
    const mine = this.deps.sessions
      .all()
      .filter((session) => session.starterId === this.deps.me.id);
    this.deps.sessions.forgetAll();
    void Promise.allSettled(mine.map((session) => session.end()));
  }

  /**
   * The facilitator could not close rooms this user started (C12). Only once the stored plan
   * says that run has ended (read again: its notification may be lost), and at most once per
   * CLOSE_REQUEST_MS, so a forged or repeated request changes nothing that should stay open.
   */
  async closeRoomsIStarted(runId: string): Promise<void> {
    if (!this.closeLimiter.allow(runId, this.deps.now())) return;
    await this.deps.reader.refresh().catch(() => {});
    const plan = this.deps.reader.plan();
    if (plan?.runId !== runId || plan.phase !== 'ended') return;
    const sessions = await this.deps.board.collaboration.getSessions().catch(() => []);
    const mine = sessions.filter((session) => session.starterId === this.deps.me.id);
    await Promise.allSettled(mine.map((session) => session.end()));
  }

  /**
   * Rooms Miro would not close. Where only a session's starter may end it (C12) and someone else
   * started them (this user took over), the starter's app is asked to close them; pressing End
   * again asks again, as a broadcast may be lost.
   */
  private reportStuck(
    plan: Plan,
    sessions: readonly Session[],
    results: readonly PromiseSettledResult<unknown>[],
  ): void {
    const stuck = sessions.filter((_, index) => results[index]?.status === 'rejected');
    const starter = stuck.find((session) => session.starterId !== this.deps.me.id)?.starterName;
    if (stuck.length === 0) {
      this.deps.reportProblem(this.timerLeftRunning ? TIMER_NOT_STOPPED : null);
    } else if (starter === undefined) {
      this.deps.reportProblem(
        `${stuck.length} room(s) could not be closed. Press End again to retry.`,
      );
    } else {
      this.deps.reportProblem(
        `${stuck.length} room(s) could not be closed from here: Miro lets only ${cleanName(starter)}, who opened them, close them. Their board has been asked to; press End again if they stay open.`,
      );
      void this.deps.board.events
        .broadcast(BROADCAST_EVENT, closeYourRooms(plan.runId, this.deps.me))
        .catch(() => {});
      this.checkClosedLater(stuck.map((session) => session.id));
    }
  }

  /** The starter's board closes the rooms out of sight: the problem goes once they are closed. */
  private checkClosedLater(sessionIds: readonly string[]): void {
    globalThis.setTimeout(() => {
      if (this.stopped) return;
      void this.deps.board.collaboration.getSessions().then(
        (open) => {
          if (!open.some((session) => sessionIds.includes(session.id)))
            this.deps.reportProblem(null);
        },
        () => {},
      );
    }, CLOSE_CHECK_MS);
  }
}
