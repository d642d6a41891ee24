import type { PlanAction } from '../domain/actions';
import { isRoomClosed } from '../domain/facilitation';
import type { Plan } from '../domain/plan';
import type { Board } from '../sdk/connect';
import type { Session } from '../sdk/surface';
import type { BreakoutEnd } from './breakout-end';
import type { LeftoverSessions } from './leftover-sessions';
import type { MembershipSweep } from './membership-sweep';
import type { PlanReader } from './plan-reader';
import type { PlanWriter } from './plan-writer';
import { type RoomSessions, roomSessionIds } from './room-sessions';

export type PickUpDeps = {
  board: Board;
  reader: PlanReader;
  writer: PlanWriter;
  now: () => number;
  sessions: RoomSessions;
  sweep: MembershipSweep;
  ending: BreakoutEnd;
  leftovers: LeftoverSessions;
  facilitates: (plan: Plan) => boolean;
  reportProblem: (problem: string) => void;
  planChanged: () => void;
};

/**
 * After the headless app loads (board opened or reloaded) or takes over: pick up the running
 * breakout from storage and the platform's sessions, and end sessions nothing accounts for.
 */
export class PickUp {
  constructor(private readonly deps: PickUpDeps) {}

  async run(): Promise<void> {
    const plan = this.deps.reader.plan();
    if (!plan || !this.deps.facilitates(plan)) return;
    const existing = await this.deps.board.collaboration.getSessions();
    const wanted = new Set(plan.phase === 'running' ? roomSessionIds(plan) : []);
    const leftovers: Session[] = [];
    const kept: Session[] = [];
    for (const session of existing) {
      if (wanted.has(session.id)) kept.push(session);
      else leftovers.push(session);
    }
    await Promise.all(kept.map((session) => this.deps.sessions.listen(session)));
    await Promise.allSettled([
      ...leftovers.map((session) => session.end()),
      ...kept.map((session) => this.deps.sweep.reconcile(session)),
      this.closeVanishedRooms(plan, existing),
      this.recordDeletedFrames(plan),
    ]);
    if (plan.phase === 'ended') await this.deps.ending.stopTimerOfEndedRun(plan);
    if (plan.phase === 'planning' || plan.phase === 'starting') this.deps.leftovers.checkLater();
    if (plan.phase === 'starting') {
      // The app was closed in the middle of a start: nothing was promised to anyone yet.
      await this.deps.writer.apply([{ type: 'planReset', runId: plan.runId }]);
      this.deps.reportProblem('The last start was interrupted. Check the rooms and start again.');
    }
    this.deps.sweep.restartSweep();
    this.deps.planChanged();
  }

  /**
   * A room whose session is gone while the plan says it runs: closed by this user's app just
   * before it went away (the session ended, the plan write never came), or ended by Miro. Either
   * way nobody is in it any more: it is recorded as closed, so its people's apps take them back
   * to the main area and the facilitator can place them again.
   */
  private async closeVanishedRooms(plan: Plan, existing: readonly Session[]): Promise<void> {
    if (plan.phase !== 'running') return;
    const open = new Set(existing.map((session) => session.id));
    const at = this.deps.now();
    const vanished: PlanAction[] = plan.rooms
      .filter((room) => room.sessionId && !open.has(room.sessionId) && !isRoomClosed(plan, room.id))
      .map((room) => ({ type: 'roomClosed', roomId: room.id, at }));
    if (vanished.length > 0) await this.deps.writer.apply(vanished);
  }

  /**
   * Frames deleted while this app was not the facilitator's (a take-over, a reload) were never
   * recorded: the board's frames are listed once and the rooms whose frame is gone marked so.
   * A lookup that fails changes nothing (a frame is never taken for deleted on a guess).
   */
  private async recordDeletedFrames(plan: Plan): Promise<void> {
    if (plan.phase !== 'running' && plan.phase !== 'planning') return;
    const frames = await this.deps.board.get({ type: 'frame' });
    const present = new Set(frames.map((frame) => frame.id));
    const gone: PlanAction[] = plan.rooms
      .filter((room) => !room.frameMissing && !present.has(room.frameId))
      .map((room) => ({ type: 'frameDeleted', frameId: room.frameId }));
    if (gone.length > 0) this.deps.writer.record(...gone);
  }
}
