import type { PlanAction } from '../domain/actions';
import { createPlan } from '../domain/create-plan';
import { isRoomClosed, isRoomLocked, roomRefusal } from '../domain/facilitation';
import { createRateLimiter, type Message } from '../domain/messages';
import type { Person, PersonRef, Plan, Room } from '../domain/plan';
import { reducePlan } from '../domain/reducer';
import { invitesToSend } from '../domain/selectors';
import { fitNotification } from '../domain/text';
import type { Board } from '../sdk/connect';
import { errorMessage } from '../sdk/retry';
import { type FrameRef, type ItemRef, isFrame, type Session } from '../sdk/surface';
import { BreakoutEnd } from './breakout-end';
import {
  type Command,
  type CommandResult,
  type ControllerNotice,
  isFacilitationCommand,
} from './commands';
import { Facilitation } from './facilitation';
import { MembershipSweep } from './membership-sweep';
import type { PlanReader } from './plan-reader';
import { type PlanWriter, TAKEOVER_REVISION_GAP } from './plan-writer';
import type { Presence } from './presence';
import { RoomSessions, roomSessionIds } from './room-sessions';

/** Actions the panel may send as plain edits; everything else goes through a command. */
const PANEL_EDITS = new Set<PlanAction['type']>([
  'roomsAdded',
  'roomRenamed',
  'roomRemoved',
  'framesSeen',
  'frameDeleted',
  'mainAreaChosen',
  'personAssigned',
  'peopleSplit',
  'assignmentsCleared',
  'durationSet',
  'includeFacilitatorSet',
]);

/**
 * Calls of an app that went away (a reload in the middle of a start) may still open sessions
 * after the reopened app looked for leftovers: it looks once more this much later.
 */
export const LEFTOVER_CHECK_MS = 15_000;

/** One help request per person per this long reaches the facilitator as a notification. */
const HELP_INTERVAL_MS = 30_000;

export type FacilitatorDeps = {
  board: Board;
  reader: PlanReader;
  writer: PlanWriter;
  presence: Presence;
  me: PersonRef;
  /** False in a tab of the facilitator's while another of their tabs runs the breakout. */
  runsHere: () => boolean;
  newRunId: () => string;
  now: () => number;
  onNotice: (notice: ControllerNotice) => void;
  /**
   * Extra actions written with the start, given the frames the start's one frame lookup found
   * (the planning tools count each room's items from them, so that costs no call of its own).
   */
  startActions?: (runId: string, frames: readonly ItemRef[]) => PlanAction[];
};

const ok = (plan: Plan | null): CommandResult => ({ ok: true, plan });
const failed = (error: unknown): CommandResult => ({ ok: false, message: errorMessage(error) });

/**
 * The facilitator's side of a breakout, run in the headless app so that closing or reloading the
 * panel changes nothing (D6). It starts, admits, closes on time and ends; every handler reads
 * the plan at event time from the reader, never from a closure (D5, D7).
 */
export class FacilitatorController {
  /** Sessions of the running breakout this client holds and listens to. */
  private readonly sessions: RoomSessions;
  private readonly sweep: MembershipSweep;
  private readonly ending: BreakoutEnd;
  private autoClose: ReturnType<typeof setTimeout> | null = null;
  private leftoverCheck: ReturnType<typeof setTimeout> | null = null;
  private commands: Promise<unknown> = Promise.resolve();
  private timerEntitled: Promise<boolean> | null = null;
  private notice: ControllerNotice = { problem: null, busy: false };
  private readonly helpLimiter = createRateLimiter({ perPersonMs: HELP_INTERVAL_MS });
  /** What the last frame check found, for `startActions`. */
  private checkedFrames: readonly ItemRef[] = [];

  /** Announcements, time, locking, closing and visiting while rooms run. */
  private readonly facilitation: Facilitation;

  constructor(private readonly deps: FacilitatorDeps) {
    this.sessions = new RoomSessions(deps);
    this.sweep = new MembershipSweep({
      ...deps,
      sessions: this.sessions,
      facilitates: (plan) => this.isFacilitator(plan),
    });
    this.ending = new BreakoutEnd({
      ...deps,
      sessions: this.sessions,
      reportProblem: (problem) => this.setNotice({ problem }),
    });
    this.facilitation = new Facilitation({
      board: deps.board,
      reader: deps.reader,
      writer: deps.writer,
      presence: deps.presence,
      me: deps.me,
      now: deps.now,
      newId: deps.newRunId,
      sessionOf: async (sessionId) => (await this.sessions.byId()).get(sessionId),
      forgetSession: (sessionId) => this.sessions.forget(sessionId),
      assignAndInvite: (person, roomId) => this.assignAndInvite(person, roomId),
      reportProblem: (problem) => this.setNotice({ problem }),
    });
  }

  /** Stops the timed checks of a reloaded app. */
  stop(): void {
    this.sweep.stop();
    this.ending.stop();
    if (this.leftoverCheck !== null) globalThis.clearTimeout(this.leftoverCheck);
    this.leftoverCheck = null;
  }

  /** This app runs the breakout: the plan names this user, and this is the tab that runs it. */
  isFacilitator(plan = this.deps.reader.plan()): boolean {
    return plan?.facilitator.id === this.deps.me.id && this.deps.runsHere();
  }

  currentNotice(): ControllerNotice {
    return this.notice;
  }

  /** Writes of platform events failing (and recovering) are reported here by the writer. */
  reportProblem(problem: string | null): void {
    this.setNotice({ problem });
  }

  /** Commands run one at a time, in the order they came, automatic ends included. */
  handle(command: Command): Promise<CommandResult> {
    return this.inTurn(() => this.run(command));
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const run = this.commands.then(work);
    this.commands = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /**
   * Sessions that may still open, or that a failed clean-up left open, are looked for once more
   * a little later, in turn with the commands (never in the middle of a start, whose sessions the
   * plan does not name yet), and ended unless the plan names them.
   */
  private checkLeftoversLater(): void {
    if (this.leftoverCheck !== null) return;
    this.leftoverCheck = globalThis.setTimeout(() => {
      this.leftoverCheck = null;
      void this.inTurn(() => this.endUnknownSessions());
    }, LEFTOVER_CHECK_MS);
  }

  private async endUnknownSessions(): Promise<void> {
    const plan = this.deps.reader.plan();
    if (!plan || !this.isFacilitator(plan)) return;
    const known = new Set(plan.phase === 'running' ? roomSessionIds(plan) : []);
    const open = await this.deps.board.collaboration.getSessions().catch(() => []);
    await Promise.allSettled(
      open.filter((session) => !known.has(session.id)).map((session) => session.end()),
    );
  }

  private async run(command: Command): Promise<CommandResult> {
    if (command.type === 'claim') return this.claim();
    if (!this.isFacilitator()) {
      const facilitator = this.deps.reader.plan()?.facilitator.name;
      return {
        ok: false,
        message: facilitator
          ? `${facilitator} is the facilitator. Take over first to change the breakout.`
          : 'Set up a breakout first.',
      };
    }
    this.setNotice({ busy: true });
    try {
      if (isFacilitationCommand(command)) return await this.facilitation.run(command);
      switch (command.type) {
        case 'edit':
          return await this.edit(command.actions);
        case 'start':
          return await this.start();
        case 'end':
          return await this.end();
        case 'reinvite':
          return await this.reinvite(command.personIds);
        case 'assignAndInvite':
          return await this.assignAndInvite(command.person, command.roomId);
        case 'runAgain':
          return ok(
            await this.deps.writer.apply([{ type: 'planReset', runId: this.deps.newRunId() }]),
          );
        case 'resolveHelp':
          return ok(
            await this.deps.writer.apply([{ type: 'helpResolved', personId: command.personId }]),
          );
      }
    } catch (error) {
      return failed(error);
    } finally {
      this.setNotice({ busy: false });
    }
  }

  /**
   * After the headless app loads (board opened or reloaded): pick up the running breakout from
   * storage and the platform's sessions, and end sessions nothing accounts for.
   */
  async reattach(): Promise<void> {
    const plan = this.deps.reader.plan();
    if (!plan || !this.isFacilitator(plan)) return;
    const existing = await this.deps.board.collaboration.getSessions();
    const wanted = new Set(plan.phase === 'running' ? roomSessionIds(plan) : []);
    const leftovers: Session[] = [];
    const kept: Session[] = [];
    for (const session of existing) {
      if (wanted.has(session.id)) kept.push(session);
      else leftovers.push(session);
    }
    await Promise.all(kept.map((session) => this.sessions.listen(session)));
    await Promise.allSettled([
      ...leftovers.map((session) => session.end()),
      ...kept.map((session) => this.sweep.reconcile(session)),
      this.closeVanishedRooms(plan, existing),
      this.recordDeletedFrames(plan),
    ]);
    if (plan.phase === 'ended') await this.ending.stopTimerOfEndedRun(plan);
    if (plan.phase === 'planning' || plan.phase === 'starting') this.checkLeftoversLater();
    if (plan.phase === 'starting') {
      // The app was closed in the middle of a start: nothing was promised to anyone yet.
      await this.deps.writer.apply([{ type: 'planReset', runId: plan.runId }]);
      this.setNotice({
        problem: 'The last start was interrupted. Check the rooms and start again.',
      });
    }
    this.sweep.restartSweep();
    this.planChanged();
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

  /** Called on every new plan: keeps the automatic end in step with the stored end time. */
  planChanged(): void {
    this.sweep.sweepInvited();
    const plan = this.deps.reader.plan();
    if (this.autoClose !== null) globalThis.clearTimeout(this.autoClose);
    this.autoClose = null;
    if (plan && !this.isFacilitator(plan) && plan.phase === 'ended') this.ending.endOwnSessions();
    if (!plan || !this.isFacilitator(plan) || plan.phase !== 'running' || plan.endsAt === null)
      return;
    // Paused: nothing closes until the facilitator resumes (which moves the end time on).
    if (plan.facilitation.pausedAt !== null) return;
    const wait = Math.max(0, plan.endsAt - this.deps.now());
    this.autoClose = globalThis.setTimeout(() => {
      this.autoClose = null;
      void this.handle({ type: 'end' });
    }, wait);
  }

  /** A validated broadcast from a participant's app. */
  async receive(message: Message): Promise<void> {
    if (message.type === 'close-your-rooms') return this.ending.closeRoomsIStarted(message.runId);
    const plan = this.deps.reader.plan();
    if (!plan || !this.isFacilitator(plan) || plan.phase !== 'running') return;
    if (message.runId !== plan.runId) return;
    const person = plan.people.find((candidate) => candidate.id === message.from.id);
    switch (message.type) {
      case 'help-requested':
        await this.helpRequested(plan, message.from, person);
        return;
      case 'rejoin-requested':
        if (person?.roomId && person.status !== 'joined') await this.reinvite([person.id]);
        return;
      case 'joined-room': {
        // Only Miro's word marks someone joined: a broadcast names no sender Miro vouches for.
        const room = plan.rooms.find((candidate) => candidate.id === person?.roomId);
        if (!person || person.status === 'joined' || room?.sessionId !== message.sessionId) return;
        if (!this.sessions.heardJoin(message.sessionId, person.id))
          this.sweep.checkClaimedJoin(room.id);
        return;
      }
    }
  }

  private async helpRequested(plan: Plan, from: PersonRef, person: Person | undefined) {
    if (!this.helpLimiter.allow(from.id, this.deps.now())) return;
    const roomId = person?.roomId ?? null;
    this.deps.writer.record({
      type: 'helpRequested',
      personId: from.id,
      roomId,
      at: this.deps.now(),
    });
    const room = plan.rooms.find((candidate) => candidate.id === roomId);
    const text = room
      ? fitNotification`${from.name} asks for help in ${room.name}`
      : fitNotification`${from.name} asks for help`;
    await this.deps.board.notifications.showInfo(text).catch(() => {});
  }

  /**
   * Become the facilitator: of an empty board (a new plan), of a board whose stored plan is
   * damaged (the last good plan this app saw is written back, or a new one), or by taking over.
   */
  private async claim(): Promise<CommandResult> {
    // A take-over writes the plan this app holds; a missed storage notification (S3) would make
    // it write back an older plan (a running breakout turned back to "planning"). Read it first.
    await this.deps.reader.refresh().catch(() => {});
    const snapshot = this.deps.reader.current();
    if (snapshot.status === 'future') return { ok: false, message: snapshot.message };
    const plan = this.deps.reader.plan();
    try {
      if (!plan) {
        const fresh = createPlan({ runId: this.deps.newRunId(), facilitator: this.deps.me });
        return ok(await this.deps.writer.replace(fresh));
      }
      if (this.isFacilitator(plan) && snapshot.status === 'ok') return ok(plan);
      const taken = this.isFacilitator(plan)
        ? plan
        : reducePlan(plan, { type: 'facilitatorTookOver', facilitator: this.deps.me });
      const written = await this.deps.writer.replace(taken, TAKEOVER_REVISION_GAP);
      // The take-over is saved: this user facilitates now, whatever picking up the rooms meets.
      // Commands fetch sessions this app does not hold yet, and the sweeps read members back.
      await this.reattach().catch((error: unknown) =>
        this.setNotice({
          problem: `You are the facilitator now, but the rooms could not all be picked up (${errorMessage(error)}). Their statuses may lag until people join or leave.`,
        }),
      );
      return ok(written);
    } catch (error) {
      return failed(error);
    }
  }

  private async edit(actions: PlanAction[]): Promise<CommandResult> {
    const refused = actions.find((action) => !PANEL_EDITS.has(action.type));
    if (refused)
      return { ok: false, message: `"${refused.type}" is not an edit the panel can make.` };
    return ok(await this.deps.writer.apply(actions));
  }

  /**
   * Asked once when this client becomes the facilitator, so a start spends no call on it:
   * whether the board's plan includes Miro's timer (T4).
   */
  canUseTimer(): Promise<boolean> {
    this.timerEntitled ??= this.deps.board.canUse('timer').catch(() => false);
    return this.timerEntitled;
  }

  /**
   * One session per room that has people, all rooms at once (never one after the other), then
   * one write of the plan, the invitations and the board timer in parallel.
   */
  private async start(): Promise<CommandResult> {
    const plan = this.deps.reader.plan();
    if (plan?.phase !== 'planning')
      return { ok: false, message: 'The breakout is already running.' };
    const frameProblem = await this.checkFrames(plan);
    if (frameProblem) return { ok: false, message: frameProblem };

    const rooms = invitesToSend(plan);
    if (rooms.length === 0)
      return { ok: false, message: 'Assign people to at least one room first.' };
    // Who is online decides who is invited: without a list everyone would be left out.
    await this.deps.presence.start();
    const timerEntitled = plan.durationMs !== null && (await this.canUseTimer());
    // Without a chosen main area, everyone comes back to where the facilitator looks now.
    const mainArea: PlanAction[] = plan.mainArea
      ? []
      : [
          {
            type: 'mainAreaChosen',
            mainArea: { kind: 'viewport', rect: await this.deps.board.viewport.get() },
          },
        ];
    const runId = this.deps.newRunId();
    const startedAt = this.deps.now();

    const started = await Promise.allSettled(
      rooms.map(({ room }) =>
        this.deps.board.collaboration.startSession({
          name: room.name,
          description: 'Breakout room',
        }),
      ),
    );
    const sessions = started.flatMap((result) =>
      result.status === 'fulfilled' ? [result.value] : [],
    );
    const failure = started.find((result) => result.status === 'rejected');
    if (failure) {
      await this.endOpened(sessions);
      return {
        ok: false,
        message: `The rooms could not be opened, so nothing was started. ${errorMessage(failure.reason)}`,
      };
    }
    try {
      await Promise.all(sessions.map((session) => this.sessions.listen(session)));
    } catch (error) {
      // Nothing is written or sent yet: close the rooms rather than leave sessions the plan
      // never names (a failed registration used to end the start with every room still open).
      await this.endOpened(sessions);
      for (const session of sessions) this.sessions.forget(session.id);
      return {
        ok: false,
        message: `The rooms could not be opened, so nothing was started. ${errorMessage(error)}`,
      };
    }

    const online = this.deps.presence.onlineIds();
    const endsAt = plan.durationMs === null ? null : startedAt + plan.durationMs;
    const sessionByRoom: Record<string, string> = {};
    const invitations: Promise<void>[] = [];
    const notInvited: PlanAction[] = [];
    rooms.forEach(({ room, people }, index) => {
      const session = sessions[index] as Session;
      sessionByRoom[room.id] = session.id;
      const reachable = people.filter(
        (person) => online.has(person.id) && person.id !== this.deps.me.id,
      );
      for (const person of people) {
        if (!reachable.includes(person) && person.id !== this.deps.me.id) {
          notInvited.push({ type: 'personAssigned', person, roomId: room.id });
        }
      }
      if (people.some((person) => person.id === this.deps.me.id)) {
        invitations.push(
          session.join().catch((error: unknown) => this.inviteFailed(room, [this.deps.me], error)),
        );
      }
      if (reachable.length > 0) {
        invitations.push(
          session
            .invite(reachable.map(({ id, name }) => ({ id, name })))
            .catch((error: unknown) => {
              this.inviteFailed(room, reachable, error);
            }),
        );
      }
    });

    const write = this.deps.writer.apply([
      { type: 'breakoutStarting', runId, at: startedAt },
      { type: 'sessionsStarted', sessions: sessionByRoom },
      {
        type: 'breakoutStarted',
        at: startedAt,
        endsAt,
        timer: endsAt === null ? null : timerEntitled ? 'board' : 'app',
      },
      ...mainArea,
      ...notInvited,
      ...(this.deps.startActions?.(runId, this.checkedFrames) ?? []),
    ]);
    const timer =
      timerEntitled && plan.durationMs !== null
        ? this.deps.board.timer.start(plan.durationMs).then(
            () => null,
            () => 'Miro’s board timer could not start, so the app counts down on its own.',
          )
        : Promise.resolve(null);

    try {
      const [written, timerProblem] = await Promise.all([write, timer, ...invitations]);
      this.setNotice({ problem: timerProblem ?? null });
      this.sweep.restartSweep();
      this.planChanged();
      return ok(written);
    } catch (error) {
      // The plan could not be saved: nobody must be left in rooms the board does not know about.
      await this.endOpened(sessions);
      this.sessions.forgetAll();
      return failed(error);
    }
  }

  /** Ends the sessions of a start that did not happen; one that will not end is tried later. */
  private async endOpened(sessions: readonly Session[]): Promise<void> {
    const ends = await Promise.allSettled(sessions.map((session) => session.end()));
    if (ends.some((end) => end.status === 'rejected')) this.checkLeftoversLater();
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
    this.setNotice({
      problem: `People in “${room.name}” could not be invited (${errorMessage(error)}). Use “Invite again”.`,
    });
  }

  /** Places someone (new, or moving) in a room that takes people, and invites them there. */
  private async assignAndInvite(person: PersonRef, roomId: string): Promise<CommandResult> {
    const plan = this.deps.reader.plan();
    const refusal = plan ? roomRefusal(plan, roomId) : null;
    if (refusal) return { ok: false, message: refusal };
    await this.deps.writer.apply([{ type: 'personAssigned', person, roomId }]);
    return this.reinvite([person.id]);
  }

  private async reinvite(personIds: readonly string[]): Promise<CommandResult> {
    const plan = this.deps.reader.plan();
    if (plan?.phase !== 'running') return { ok: false, message: 'The breakout is not running.' };
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
      return {
        ok: false,
        message: 'Nobody to invite: they are offline, already in, or have no room.',
      };
    }
    const sessions = await this.sessions.byId();
    const invited: string[] = [];
    const problems: string[] = [];
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
        }
      }),
    );
    const written = await this.deps.writer.apply([
      { type: 'participantsInvited', personIds: invited },
    ]);
    this.sweep.restartSweep();
    if (problems.length > 0)
      return { ok: false, message: `Not everyone was invited: ${problems.join('; ')}.` };
    return ok(written);
  }

  /**
   * The one way a breakout ends, by hand or when time is up: idempotent and guarded by phase, so
   * a second call, a second tab or a late timer does nothing twice (D7). The plan write, the
   * session ends and the timer stop go out together; participants' apps bring them back.
   */
  private async end(): Promise<CommandResult> {
    const plan = this.deps.reader.plan();
    if (!plan || !this.isFacilitator(plan)) return ok(plan);
    if (plan.phase !== 'running' && plan.phase !== 'starting')
      return this.ending.endLeftovers(plan);
    if (this.autoClose !== null) globalThis.clearTimeout(this.autoClose);
    this.autoClose = null;
    return this.ending.endRunning(plan);
  }

  /** `sessions:ended`, for every session of this app on the board (C9). */
  readonly onSessionEnded = ({ session }: { session: Session }) => {
    if (this.isFacilitator()) this.sessions.ended(session.id, this.deps.now());
  };

  /** Frames deleted on the board: their rooms block the next start until removed (D8). */
  readonly onItemsDeleted = (event: { items: readonly ItemRef[] }) => {
    const plan = this.deps.reader.plan();
    if (!plan || !this.isFacilitator(plan)) return;
    const roomFrames = new Set(plan.rooms.map((room) => room.frameId));
    for (const item of event.items) {
      if (roomFrames.has(item.id))
        this.deps.writer.record({ type: 'frameDeleted', frameId: item.id });
    }
  };

  /** Frames renamed or moved: room names (unless renamed by hand) and positions follow. */
  readonly onItemsUpdated = (event: { items: readonly ItemRef[] }) => {
    const plan = this.deps.reader.plan();
    if (!plan || !this.isFacilitator(plan)) return;
    const roomFrames = new Set(plan.rooms.map((room) => room.frameId));
    const frames = event.items.filter(
      (item): item is FrameRef => isFrame(item) && roomFrames.has(item.id),
    );
    if (frames.length > 0) {
      this.deps.writer.record({
        type: 'framesSeen',
        frames: frames.map(({ id, title, x, y, width, height }) => ({
          id,
          title,
          x,
          y,
          width,
          height,
        })),
      });
    }
  };

  private setNotice(patch: Partial<ControllerNotice>): void {
    const next = { ...this.notice, ...patch };
    // Every notice re-renders each open panel control that shows "busy": send only changes
    // (every written batch of joins reports "no problem" again).
    if (next.problem === this.notice.problem && next.busy === this.notice.busy) return;
    this.notice = next;
    this.deps.onNotice(this.notice);
  }
}
