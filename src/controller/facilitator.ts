import type { PlanAction } from '../domain/actions';
import { createPlan } from '../domain/create-plan';
import { isRoomLocked, roomRefusal } from '../domain/facilitation';
import {
  BROADCAST_EVENT,
  closeYourRooms,
  createRateLimiter,
  type Message,
} from '../domain/messages';
import type { Person, PersonRef, Plan, Room } from '../domain/plan';
import { reducePlan } from '../domain/reducer';
import { invitesToSend } from '../domain/selectors';
import { cleanName, fitNotification } from '../domain/text';
import type { Board } from '../sdk/connect';
import { errorMessage } from '../sdk/retry';
import {
  type FrameRef,
  type InvitationResponseEvent,
  type ItemRef,
  isFrame,
  type Session,
  type UserSessionEvent,
} from '../sdk/surface';
import {
  type Command,
  type CommandResult,
  type ControllerNotice,
  isFacilitationCommand,
} from './commands';
import { Facilitation } from './facilitation';
import type { PlanReader } from './plan-reader';
import { type PlanWriter, TAKEOVER_REVISION_GAP } from './plan-writer';
import type { Presence } from './presence';

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

/** Presence changes this close together share one read of their rooms' members. */
const RECONCILE_BATCH_MS = 3_000;
/** A read of members that failed is tried again after this long. */
const RECONCILE_RETRY_MS = 15_000;
/** Rooms with open invitations are read back after this long, doubling up to the cap. */
const SWEEP_MIN_MS = 15_000;
const SWEEP_MAX_MS = 120_000;

/** One help request per person per this long reaches the facilitator as a notification. */
const HELP_INTERVAL_MS = 30_000;
/** How long after the end a board timer still running is taken to be the ended run's. */
const ENDED_TIMER_WINDOW_MS = 5 * 60_000;
const TIMER_NOT_STOPPED = 'Miro’s board timer could not be stopped. Press End again to retry.';
/** Least time between two "close your rooms" requests acted on, per run. */
const CLOSE_REQUEST_MS = 5_000;
/** How long the starter's board gets to close its rooms before the facilitator looks again. */
export const CLOSE_CHECK_MS = 10_000;

export type FacilitatorDeps = {
  board: Board;
  reader: PlanReader;
  writer: PlanWriter;
  presence: Presence;
  me: PersonRef;
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
  /** Sessions of the running breakout this client holds and listens to, by id. */
  private readonly sessions = new Map<string, Session>();
  private autoClose: ReturnType<typeof setTimeout> | null = null;
  private commands: Promise<unknown> = Promise.resolve();
  private timerEntitled: Promise<boolean> | null = null;
  private notice: ControllerNotice = { problem: null, busy: false };
  private readonly helpLimiter = createRateLimiter({ perPersonMs: HELP_INTERVAL_MS });
  /** The end's `timer.stop` failed: End pressed again tries it again. */
  private timerLeftRunning = false;
  private readonly closeLimiter = createRateLimiter({ perPersonMs: CLOSE_REQUEST_MS });
  /** Who was online at the last presence change (null before the first), to see who moved. */
  private lastOnline: ReadonlySet<string> | null = null;
  /** Rooms whose members are read back from Miro at the next reconcile. */
  private readonly staleRooms = new Set<string>();
  private reconcileTimer: ReturnType<typeof setTimeout> | null = null;
  private sweepTimer: ReturnType<typeof setTimeout> | null = null;
  private sweepDelay = SWEEP_MIN_MS;
  private stopped = false;
  /** What the last frame check found, for `startActions`. */
  private checkedFrames: readonly ItemRef[] = [];

  /** Announcements, time, locking, closing and visiting while rooms run. */
  private readonly facilitation: Facilitation;

  constructor(private readonly deps: FacilitatorDeps) {
    this.facilitation = new Facilitation({
      board: deps.board,
      reader: deps.reader,
      writer: deps.writer,
      presence: deps.presence,
      me: deps.me,
      now: deps.now,
      newId: deps.newRunId,
      sessionOf: async (sessionId) => (await this.sessionsById()).get(sessionId),
      forgetSession: (sessionId) => this.sessions.delete(sessionId),
      assignAndInvite: (person, roomId) => this.assignAndInvite(person, roomId),
      reportProblem: (problem) => this.setNotice({ problem }),
    });
    deps.presence.onChange(this.onPresence);
  }

  /** Stops the presence-driven checks of a reloaded app. */
  stop(): void {
    this.stopped = true;
    if (this.reconcileTimer !== null) globalThis.clearTimeout(this.reconcileTimer);
    if (this.sweepTimer !== null) globalThis.clearTimeout(this.sweepTimer);
    this.reconcileTimer = null;
    this.sweepTimer = null;
  }

  isFacilitator(plan = this.deps.reader.plan()): boolean {
    return plan?.facilitator.id === this.deps.me.id;
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
    const run = this.commands.then(() => this.run(command));
    this.commands = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
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
    await Promise.all(kept.map((session) => this.listenTo(session)));
    await Promise.allSettled([
      ...leftovers.map((session) => session.end()),
      ...kept.map((session) => this.reconcile(session)),
    ]);
    if (plan.phase === 'ended') await this.stopTimerOfEndedRun(plan);
    if (plan.phase === 'starting') {
      // The app was closed in the middle of a start: nothing was promised to anyone yet.
      await this.deps.writer.apply([{ type: 'planReset', runId: plan.runId }]);
      this.setNotice({
        problem: 'The last start was interrupted. Check the rooms and start again.',
      });
    }
    this.restartSweep();
    this.planChanged();
  }

  /**
   * An app closed in the middle of the end (a reload, a closed tab) may have written the end but
   * never stopped Miro's board timer. Shortly after the end a running board timer is that run's:
   * the reloaded app stops it (End pressed again tries again if that fails).
   */
  private async stopTimerOfEndedRun(plan: Plan): Promise<void> {
    if (plan.timer !== 'board' || plan.endedAt === null) return;
    if (this.deps.now() - plan.endedAt > ENDED_TIMER_WINDOW_MS) return;
    const timer = await this.deps.board.timer.get().catch(() => null);
    if (timer === null || timer.status === 'STOPPED') return;
    try {
      await this.deps.board.timer.stop();
    } catch {
      this.timerLeftRunning = true;
      this.setNotice({ problem: TIMER_NOT_STOPPED });
    }
  }

  /**
   * Session events are not replayed: those that came while this app was not running (a reload,
   * a take-over from another app) are read back from the session's members, one call per room.
   */
  private async reconcile(session: Session): Promise<void> {
    const users: unknown[] = await session.getUsers();
    // Miro documents string ids, its types say `{ id }` (miro-sdk.md C8): take both.
    const members = new Set(
      users.map((user) =>
        typeof user === 'string' ? user : String((user as { id?: unknown } | null)?.id),
      ),
    );
    const plan = this.deps.reader.plan();
    const room = plan?.rooms.find((candidate) => candidate.sessionId === session.id);
    if (!plan || !room) return;
    const actions: PlanAction[] = [];
    for (const person of plan.people) {
      if (person.roomId !== room.id) continue;
      if (members.has(person.id) && person.status !== 'joined') {
        actions.push({ type: 'participantJoined', personId: person.id, sessionId: session.id });
      } else if (!members.has(person.id) && person.status === 'joined') {
        actions.push({ type: 'participantLeft', personId: person.id, sessionId: session.id });
      }
    }
    if (actions.length > 0) this.deps.writer.record(...actions);
  }

  /**
   * A member who goes offline leaves their session (C13), and a `user-left` nobody was online to
   * hear (this app offline too, or a take-over in between) is never replayed. So when someone
   * comes or goes, the rooms of those who moved, and this user's own room (it cannot hear itself
   * go offline), are read back from Miro: one call per such room, batched over a few seconds.
   */
  private readonly onPresence = () => {
    const online = this.deps.presence.onlineIds();
    const before = this.lastOnline;
    this.lastOnline = online;
    const plan = this.deps.reader.plan();
    if (!before || !plan || !this.isFacilitator(plan) || plan.phase !== 'running') return;
    for (const person of plan.people) {
      const moved = online.has(person.id) !== before.has(person.id);
      if (person.roomId && (moved || person.id === this.deps.me.id))
        this.staleRooms.add(person.roomId);
    }
    this.scheduleReconcile(RECONCILE_BATCH_MS);
  };

  private scheduleReconcile(wait: number): void {
    if (this.reconcileTimer !== null || this.staleRooms.size === 0 || this.stopped) return;
    this.reconcileTimer = globalThis.setTimeout(() => {
      this.reconcileTimer = null;
      void this.reconcileStale();
    }, wait);
  }

  private async reconcileStale(): Promise<void> {
    const plan = this.deps.reader.plan();
    const rooms = [...this.staleRooms];
    this.staleRooms.clear();
    if (!plan || !this.isFacilitator(plan) || plan.phase !== 'running') return;
    const unread = await this.sessionsById().then(
      (sessions) =>
        Promise.all(
          rooms.map(async (roomId) => {
            const sessionId = plan.rooms.find((room) => room.id === roomId)?.sessionId;
            const session = sessionId ? sessions.get(sessionId) : undefined;
            if (!session) return [];
            return this.reconcile(session).then(
              () => [],
              () => [roomId],
            );
          }),
        ).then((results) => results.flat()),
      () => rooms,
    );
    // Still unknown (Miro unreachable, or this client offline): read them again later.
    for (const roomId of unread) this.staleRooms.add(roomId);
    this.scheduleReconcile(RECONCILE_RETRY_MS);
  }

  /**
   * Where Miro tells only the session's starter (C4 "starter") or its members (C4 "members")
   * of joins, a facilitator who took over, or who is not in the room, never hears them, and an
   * invitee's own app cannot hear its own join either. While invitations are open, their rooms'
   * members are read back now and then, less often as time passes (an unheard time-out would
   * keep someone "invited" for good).
   */
  private sweepInvited(): void {
    if (this.sweepTimer !== null || this.stopped) return;
    const plan = this.deps.reader.plan();
    if (!plan || !this.isFacilitator(plan) || plan.phase !== 'running') return;
    if (!plan.people.some((person) => person.status === 'invited')) return;
    this.sweepTimer = globalThis.setTimeout(() => {
      this.sweepTimer = null;
      const now = this.deps.reader.plan();
      if (!now || !this.isFacilitator(now) || now.phase !== 'running') return;
      for (const person of now.people) {
        if (person.status === 'invited' && person.roomId) this.staleRooms.add(person.roomId);
      }
      this.sweepDelay = Math.min(SWEEP_MAX_MS, this.sweepDelay * 2);
      this.scheduleReconcile(0);
      this.sweepInvited();
    }, this.sweepDelay);
  }

  /** New invitations (a start, "Invite again", a reload): read their rooms soon again. */
  private restartSweep(): void {
    if (this.sweepTimer !== null) globalThis.clearTimeout(this.sweepTimer);
    this.sweepTimer = null;
    this.sweepDelay = SWEEP_MIN_MS;
    this.sweepInvited();
  }

  /** Called on every new plan: keeps the automatic end in step with the stored end time. */
  planChanged(): void {
    this.sweepInvited();
    const plan = this.deps.reader.plan();
    if (this.autoClose !== null) globalThis.clearTimeout(this.autoClose);
    this.autoClose = null;
    if (plan && !this.isFacilitator(plan) && plan.phase === 'ended') this.endOwnSessions();
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
    if (message.type === 'close-your-rooms') return this.closeRoomsIStarted(message.runId);
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
      case 'joined-room':
        this.deps.writer.record({
          type: 'participantJoined',
          personId: message.from.id,
          sessionId: message.sessionId,
        });
        return;
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
      await this.reattach();
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
      await Promise.allSettled(sessions.map((session) => session.end()));
      return {
        ok: false,
        message: `The rooms could not be opened, so nothing was started. ${errorMessage(failure.reason)}`,
      };
    }
    try {
      await Promise.all(sessions.map((session) => this.listenTo(session)));
    } catch (error) {
      // Nothing is written or sent yet: close the rooms rather than leave sessions the plan
      // never names (a failed registration used to end the start with every room still open).
      await Promise.allSettled(sessions.map((session) => session.end()));
      for (const session of sessions) this.sessions.delete(session.id);
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
      this.restartSweep();
      this.planChanged();
      return ok(written);
    } catch (error) {
      // The plan could not be saved: nobody must be left in rooms the board does not know about.
      await Promise.allSettled(sessions.map((session) => session.end()));
      this.sessions.clear();
      return failed(error);
    }
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
    const sessions = await this.sessionsById();
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
    this.restartSweep();
    if (problems.length > 0)
      return { ok: false, message: `Not everyone was invited: ${problems.join('; ')}.` };
    return ok(written);
  }

  /** Sessions this client holds; fetched from Miro only when a reload lost them. */
  private async sessionsById(): Promise<Map<string, Session>> {
    const plan = this.deps.reader.plan();
    const needed = plan ? roomSessionIds(plan) : [];
    if (needed.some((id) => !this.sessions.has(id))) {
      for (const session of await this.deps.board.collaboration.getSessions()) {
        if (needed.includes(session.id)) await this.listenTo(session);
      }
    }
    return this.sessions;
  }

  /**
   * The one way a breakout ends, by hand or when time is up: idempotent and guarded by phase, so
   * a second call, a second tab or a late timer does nothing twice (D7). The plan write, the
   * session ends and the timer stop go out together; participants' apps bring them back.
   */
  private async end(): Promise<CommandResult> {
    const plan = this.deps.reader.plan();
    if (!plan || !this.isFacilitator(plan)) return ok(plan);
    if (plan.phase !== 'running' && plan.phase !== 'starting') return this.endLeftovers(plan);
    if (this.autoClose !== null) globalThis.clearTimeout(this.autoClose);
    this.autoClose = null;
    const sessions = await this.sessionsById();
    const toEnd = roomSessionIds(plan).flatMap((id) => sessions.get(id) ?? []);
    void this.deps.writer.flush();
    const [written, ...ends] = await Promise.allSettled([
      this.deps.writer.apply([{ type: 'breakoutEnded', at: this.deps.now() }]),
      ...toEnd.map((session) => session.end().then(() => this.sessions.delete(session.id))),
      plan.timer === 'board' ? this.deps.board.timer.stop() : Promise.resolve(),
    ]);
    if (written.status === 'rejected') return failed(written.reason);
    this.timerLeftRunning = ends[toEnd.length]?.status === 'rejected';
    this.reportStuck(plan, toEnd, ends.slice(0, toEnd.length));
    return ok(written.value);
  }

  /**
   * Someone took over and ended the breakout: where only a session's starter may end it (C12),
   * only this app can close the rooms it opened, so it does.
   */
  private endOwnSessions(): void {
    const mine = [...this.sessions.values()].filter(
      (session) => session.starterId === this.deps.me.id,
    );
    this.sessions.clear();
    void Promise.allSettled(mine.map((session) => session.end()));
  }

  /** After the end: closes any session still open (a failed end, or a crash before it). */
  private async endLeftovers(plan: Plan): Promise<CommandResult> {
    const open = await this.deps.board.collaboration.getSessions();
    // Only a stop of this end that failed is tried again: a timer started since is someone else's.
    const [timer, ...results] = await Promise.allSettled([
      this.timerLeftRunning ? this.deps.board.timer.stop() : Promise.resolve(),
      ...open.map((session) => session.end()),
    ]);
    this.timerLeftRunning = timer.status === 'rejected';
    this.reportStuck(plan, open, results);
    return ok(plan);
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
      this.setNotice({
        problem: this.timerLeftRunning ? TIMER_NOT_STOPPED : null,
      });
    } else if (starter === undefined) {
      this.setNotice({
        problem: `${stuck.length} room(s) could not be closed. Press End again to retry.`,
      });
    } else {
      this.setNotice({
        problem: `${stuck.length} room(s) could not be closed from here: Miro lets only ${cleanName(starter)}, who opened them, close them. Their board has been asked to; press End again if they stay open.`,
      });
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
            this.setNotice({ problem: null });
        },
        () => {},
      );
    }, CLOSE_CHECK_MS);
  }

  /**
   * The facilitator could not close rooms this user started (C12). Only once the stored plan
   * says that run has ended (read again: its notification may be lost), and at most once per
   * CLOSE_REQUEST_MS, so a forged or repeated request changes nothing that should stay open.
   */
  private async closeRoomsIStarted(runId: string): Promise<void> {
    if (!this.closeLimiter.allow(runId, this.deps.now())) return;
    await this.deps.reader.refresh().catch(() => {});
    const plan = this.deps.reader.plan();
    if (plan?.runId !== runId || plan.phase !== 'ended') return;
    const sessions = await this.deps.board.collaboration.getSessions().catch(() => []);
    const mine = sessions.filter((session) => session.starterId === this.deps.me.id);
    await Promise.allSettled(mine.map((session) => session.end()));
  }

  private async listenTo(session: Session): Promise<void> {
    if (this.sessions.has(session.id)) return;
    this.sessions.set(session.id, session);
    await Promise.all([
      session.on('user-joined', this.onUserJoined),
      session.on('user-left', this.onUserLeft),
      session.on('invitation-responded', this.onInvitationResponded),
    ]);
  }

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

  private readonly onUserJoined = async (event: UserSessionEvent) => {
    this.deps.writer.record({
      type: 'participantJoined',
      personId: event.userId,
      sessionId: event.sessionId,
    });
  };

  private readonly onUserLeft = async (event: UserSessionEvent) => {
    this.deps.writer.record({
      type: 'participantLeft',
      personId: event.userId,
      sessionId: event.sessionId,
    });
  };

  private readonly onInvitationResponded = async ({ response }: InvitationResponseEvent) => {
    this.deps.writer.record({
      type: 'invitationAnswered',
      personId: response.user,
      accepted: response.status === 'accepted',
      reason: response.reason,
    });
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

const roomSessionIds = (plan: Plan): string[] =>
  plan.rooms.flatMap((room) => (room.sessionId ? [room.sessionId] : []));
