import type { PlanAction } from '../domain/actions';
import type { MainArea, PersonRef, Plan, Room } from '../domain/plan';
import {
  decideStart,
  ROOM_SESSION_DESCRIPTION,
  type StartDecision,
  startedActions,
  startRefusal,
} from '../domain/start';
import type { Board } from '../sdk/connect';
import { errorMessage } from '../sdk/retry';
import type { ItemRef, Session } from '../sdk/surface';
import type { CommandResult } from './commands';
import type { PlanReader } from './plan-reader';
import type { PlanWriter } from './plan-writer';
import type { Presence } from './presence';
import { done, failed, refused } from './results';
import type { RoomSessions } from './room-sessions';

export type BreakoutStartDeps = {
  board: Board;
  reader: PlanReader;
  writer: PlanWriter;
  presence: Presence;
  sessions: RoomSessions;
  me: PersonRef;
  newRunId: () => string;
  now: () => number;
  canUseTimer: () => Promise<boolean>;
  /** Ends sessions of a start that did not happen (and looks again later if one will not end). */
  endOpened: (sessions: readonly Session[]) => Promise<void>;
  /** The rooms are open and the plan says so: the checks of a running breakout begin. */
  started: () => void;
  reportProblem: (problem: string | null) => void;
  startActions?: (runId: string, frames: readonly ItemRef[]) => PlanAction[];
};

/** The Start command: checks the frames, then performs what domain/start.ts decides. */
export class BreakoutStart {
  /** What the last frame check found, for `startActions`. */
  private checkedFrames: readonly ItemRef[] = [];

  constructor(private readonly deps: BreakoutStartDeps) {}

  /**
   * Performs the start `decideStart` (domain/start.ts) decides: one session per room, all at
   * once (never one after the other), then one write of the plan, the invitations and the board
   * timer in parallel.
   */
  async start(): Promise<CommandResult> {
    const plan = this.deps.reader.plan();
    const refusal = startRefusal(plan);
    if (refusal !== null || plan === null) return refused(refusal ?? '');
    const frameProblem = await this.checkFrames(plan);
    if (frameProblem) return refused(frameProblem);
    // Who is online decides who is invited: without a list everyone would be left out.
    await this.deps.presence.start();
    const decision = decideStart(plan, {
      me: this.deps.me,
      online: this.deps.presence.onlineIds(),
      runId: this.deps.newRunId(),
      at: this.deps.now(),
      timerEntitled: plan.durationMs !== null && (await this.deps.canUseTimer()),
    });
    // Without a chosen main area, everyone comes back to where the facilitator looks now.
    const mainArea: MainArea | null = decision.needsMainArea
      ? { kind: 'viewport', rect: await this.deps.board.viewport.get() }
      : null;
    const sessions = await this.openRooms(decision);
    if (!Array.isArray(sessions)) return sessions;

    const sessionByRoom: Record<string, string> = {};
    const invitations = decision.rooms.flatMap(({ room, invite, joinMyself }, index) => {
      const session = sessions[index] as Session;
      sessionByRoom[room.id] = session.id;
      const sent: Promise<void>[] = [];
      if (joinMyself) {
        sent.push(session.join().catch((error) => this.inviteFailed(room, [this.deps.me], error)));
      }
      if (invite.length > 0) {
        sent.push(session.invite(invite).catch((error) => this.inviteFailed(room, invite, error)));
      }
      return sent;
    });
    const write = this.deps.writer.apply([
      ...startedActions(decision, sessionByRoom, mainArea),
      ...(this.deps.startActions?.(decision.runId, this.checkedFrames) ?? []),
    ]);
    const timer =
      decision.startBoardTimer && plan.durationMs !== null
        ? this.deps.board.timer.start(plan.durationMs).then(
            () => null,
            () => 'Miro’s board timer could not start, so the app counts down on its own.',
          )
        : Promise.resolve(null);

    try {
      const [written, timerProblem] = await Promise.all([write, timer, ...invitations]);
      this.deps.reportProblem(timerProblem ?? null);
      this.deps.started();
      return done(written);
    } catch (error) {
      // The plan could not be saved: nobody must be left in rooms the board does not know about.
      await this.deps.endOpened(sessions);
      this.deps.sessions.forgetAll();
      return failed(error);
    }
  }

  /**
   * One session per room to open, listened to before anything is sent. On any failure every
   * session opened is ended again and the answer says why nothing was started.
   */
  private async openRooms(decision: StartDecision): Promise<Session[] | CommandResult> {
    const started = await Promise.allSettled(
      decision.rooms.map(({ room }) =>
        this.deps.board.collaboration.startSession({
          name: room.name,
          description: ROOM_SESSION_DESCRIPTION,
        }),
      ),
    );
    const sessions = started.flatMap((result) =>
      result.status === 'fulfilled' ? [result.value] : [],
    );
    const failure = started.find((result) => result.status === 'rejected');
    const notStarted = (reason: unknown): CommandResult =>
      refused(`The rooms could not be opened, so nothing was started. ${errorMessage(reason)}`);
    if (failure) {
      await this.deps.endOpened(sessions);
      return notStarted(failure.reason);
    }
    try {
      await Promise.all(sessions.map((session) => this.deps.sessions.listen(session)));
    } catch (error) {
      // Nothing is written or sent yet: close the rooms rather than leave sessions the plan
      // never names (a failed registration used to end the start with every room still open).
      await this.deps.endOpened(sessions);
      for (const session of sessions) this.deps.sessions.forget(session.id);
      return notStarted(error);
    }
    return sessions;
  }

  /** Frames are checked once at start: a deleted frame blocks the start with a message (D8). */
  private async checkFrames(plan: Plan): Promise<string | null> {
    const ids = plan.rooms.map((room) => room.frameId);
    if (plan.mainArea?.kind === 'frame') ids.push(plan.mainArea.frameId);
    const present = await this.presentItems(ids);
    const missing = plan.rooms.filter((room) => !present.has(room.frameId));
    if (missing.length === 0) return null;
    await this.deps.writer.apply(
      missing.map((room) => ({ type: 'frameDeleted', frameId: room.frameId }) as const),
    );
    const names = missing.map((room) => `“${room.name}”`).join(', ');
    return `The frame of ${names} is no longer on the board. Remove that room or add a frame, then start again.`;
  }

  /**
   * Which of these items are on the board. One call normally; when Miro rejects a lookup that
   * includes an unknown id (B1), each id is looked up on its own.
   */
  private async presentItems(ids: readonly string[]): Promise<Set<string>> {
    this.checkedFrames = [];
    try {
      const found = await this.deps.board.get({ id: [...ids] });
      this.checkedFrames = found;
      return new Set(found.map((item) => item.id));
    } catch {
      const found = await Promise.all(
        ids.map((id) =>
          this.deps.board.getById(id).then(
            (item) => item?.id ?? null,
            () => null,
          ),
        ),
      );
      return new Set(found.filter((id): id is string => id !== null));
    }
  }

  private inviteFailed(room: Room, people: readonly PersonRef[], error: unknown): void {
    this.deps.writer.record(
      ...people.map((person) => ({ type: 'personAssigned', person, roomId: room.id }) as const),
    );
    this.deps.reportProblem(
      `People in “${room.name}” could not be invited (${errorMessage(error)}). Use “Invite again”.`,
    );
  }
}
