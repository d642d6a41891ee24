import type { PlanAction } from '../domain/actions';
import type { TakeOverFacts } from '../domain/co-facilitation';
import type { Message } from '../domain/messages';
import { type OverwriteKind, overwriteSeen } from '../domain/overwrites';
import type { PersonRef, Plan } from '../domain/plan';
import type { Board } from '../sdk/connect';
import type { ItemRef, Session } from '../sdk/surface';
import { ReturnsWatch } from './back-after-drop';
import { BreakoutEnd } from './breakout-end';
import { BreakoutStart } from './breakout-start';
import { claimBreakout } from './claim';
import {
  type Command,
  type CommandResult,
  type ControllerNotice,
  isFacilitationCommand,
} from './commands';
import { Facilitation } from './facilitation';
import { HelpDesk } from './help-desk';
import { Invitations } from './invitations';
import { LeftoverSessions } from './leftover-sessions';
import { MembershipSweep } from './membership-sweep';
import { PickUp } from './pick-up';
import type { PlanReader } from './plan-reader';
import type { PlanWriter } from './plan-writer';
import type { Presence } from './presence';
import { done, failed, refused } from './results';
import { changedRoomFrames, deletedRoomFrames } from './room-frame-events';
import { RoomSessions } from './room-sessions';
import { StarterInvites } from './starter-invites';
import { WhoFacilitates } from './who-facilitates';

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
  /** What this app saw of Miro's online users, for the take-over rule (absences.ts). */
  takeOverFacts: (held: Plan) => TakeOverFacts;
  /**
   * Extra actions written with the start, given the frames the start's one frame lookup found
   * (the planning tools count each room's items from them, so that costs no call of its own).
   */
  startActions?: (runId: string, frames: readonly ItemRef[]) => PlanAction[];
};

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
  private readonly leftovers: LeftoverSessions;
  private readonly pickUp: PickUp;
  private commands: Promise<unknown> = Promise.resolve();
  private timerEntitled: Promise<boolean> | null = null;
  private notice: ControllerNotice = { problem: null, busy: false, overwrites: null };
  private readonly help: HelpDesk;
  private readonly starting: BreakoutStart;
  private readonly invitations: Invitations;
  private readonly starterInvites: StarterInvites;
  private readonly returns: ReturnsWatch;
  private readonly who: WhoFacilitates;

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
    this.leftovers = new LeftoverSessions({
      ...deps,
      facilitates: (plan) => this.isFacilitator(plan),
      inTurn: (work) => this.inTurn(work),
    });
    this.pickUp = new PickUp({
      ...deps,
      sessions: this.sessions,
      sweep: this.sweep,
      ending: this.ending,
      leftovers: this.leftovers,
      facilitates: (plan) => this.isFacilitator(plan),
      reportProblem: (problem) => this.setNotice({ problem }),
      planChanged: () => this.planChanged(),
    });
    this.starting = new BreakoutStart({
      ...deps,
      sessions: this.sessions,
      canUseTimer: () => this.canUseTimer(),
      endOpened: (sessions) => this.leftovers.endOpened(sessions),
      started: () => {
        this.sweep.restartSweep();
        this.planChanged();
      },
      reportProblem: (problem) => this.setNotice({ problem }),
    });
    this.help = new HelpDesk(deps);
    this.who = new WhoFacilitates(deps);
    this.returns = new ReturnsWatch((message) => {
      void deps.board.notifications.showInfo(message).catch(() => {});
    });
    this.invitations = new Invitations({ ...deps, sessions: this.sessions, sweep: this.sweep });
    this.starterInvites = new StarterInvites(deps);
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
      assignAndInvite: (person, roomId) => this.invitations.assignAndInvite(person, roomId),
      reportProblem: (problem) => this.setNotice({ problem }),
    });
  }

  /** Stops the timed checks of a reloaded app. */
  stop(): void {
    this.sweep.stop();
    this.ending.stop();
    this.leftovers.stop();
    this.help.stop();
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

  /** Another app wrote over this facilitator's plan, and it was put back: the panel says so. */
  overwritten(kind: OverwriteKind): void {
    this.setNotice({ overwrites: overwriteSeen(this.notice.overwrites, kind, this.deps.now()) });
  }

  /** The facilitator read what was written over their plan; the next overwrite starts afresh. */
  dismissOverwrites(): CommandResult {
    this.setNotice({ overwrites: null });
    return done(null);
  }

  /** Another device of this user runs the breakout (device-lease.ts); null when none. */
  reportOtherDevice(otherDevice: { seenAt: number } | null): void {
    this.setNotice({ otherDevice });
  }

  /** Commands run one at a time, in the order they came, automatic ends included. */
  handle(command: Command): Promise<CommandResult> {
    return this.inTurn(() => this.run(command));
  }

  /**
   * Work that reads the plan and writes it outside a command (participants' room picks), run
   * between commands: a start decides on the plan it read, so nothing may change it meanwhile.
   */
  inTurn<T>(work: () => Promise<T>): Promise<T> {
    const run = this.commands.then(work);
    this.commands = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async run(command: Command): Promise<CommandResult> {
    if (command.type === 'claim')
      return claimBreakout({
        ...this.deps,
        facilitates: (plan) => this.isFacilitator(plan),
        takeOverRefusal: (plan) => this.who.refusal(plan),
        pickUpRooms: () => this.reattach(),
        reportProblem: (problem) => this.setNotice({ problem }),
      });
    if (!this.isFacilitator()) {
      const facilitator = this.deps.reader.plan()?.facilitator.name;
      return refused(
        facilitator
          ? `${facilitator} is the facilitator. Take over first to change the breakout.`
          : 'Set up a breakout first.',
      );
    }
    this.setNotice({ busy: true });
    try {
      if (isFacilitationCommand(command)) return await this.facilitation.run(command);
      switch (command.type) {
        case 'edit':
          return await this.edit(command.actions);
        case 'start':
          return await this.starting.start();
        case 'end':
          return await this.end();
        case 'reinvite':
          return await this.invitations.reinvite(command.personIds);
        case 'assignAndInvite':
          return await this.invitations.assignAndInvite(command.person, command.roomId);
        case 'runAgain':
          return done(
            await this.deps.writer.apply([{ type: 'planReset', runId: this.deps.newRunId() }]),
          );
        case 'resolveHelp':
          return done(
            await this.deps.writer.apply([{ type: 'helpResolved', personId: command.personId }]),
          );
        case 'clearHelp':
          return done(await this.deps.writer.apply([{ type: 'helpCleared' }]));
        case 'nameCoFacilitators':
          return done(await this.who.name(command.personIds));
        case 'answerFacilitateRequest':
          return done(await this.who.answer(command.personId, command.allow));
      }
    } catch (error) {
      return failed(error);
    } finally {
      this.setNotice({ busy: false });
    }
  }

  /** See PickUp: the running breakout picked up after a reload or a take-over. */
  reattach(): Promise<void> {
    return this.pickUp.run();
  }

  /** Called on every new plan: keeps the automatic end in step with the stored end time. */
  planChanged(): void {
    this.sweep.sweepInvited();
    const plan = this.deps.reader.plan();
    this.returns.planChanged(plan, this.isFacilitator(plan));
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
    if (message.type === 'invite-to-your-rooms')
      return this.starterInvites.inviteToRoomsIStarted(message.runId);
    const plan = this.deps.reader.plan();
    if (!plan || !this.isFacilitator(plan) || message.runId !== plan.runId) return;
    if (message.type === 'facilitate-requested') return this.who.asked(plan, message.from.id);
    if (plan.phase !== 'running') return;
    const person = plan.people.find((candidate) => candidate.id === message.from.id);
    switch (message.type) {
      case 'help-requested':
        await this.help.requested(plan, message.from.id);
        return;
      case 'rejoin-requested':
        if (person?.roomId && person.status !== 'joined')
          await this.invitations.reinvite([person.id]);
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

  private async edit(actions: PlanAction[]): Promise<CommandResult> {
    const notAnEdit = actions.find((action) => !PANEL_EDITS.has(action.type));
    if (notAnEdit) return refused(`"${notAnEdit.type}" is not an edit the panel can make.`);
    return done(await this.deps.writer.apply(actions));
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
   * The one way a breakout ends, by hand or when time is up: idempotent and guarded by phase, so
   * a second call, a second tab or a late timer does nothing twice (D7). The plan write, the
   * session ends and the timer stop go out together; participants' apps bring them back.
   */
  private async end(): Promise<CommandResult> {
    const plan = this.deps.reader.plan();
    if (!plan || !this.isFacilitator(plan)) return done(plan);
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

  readonly onItemsDeleted = (event: { items: readonly ItemRef[] }) =>
    this.recordForRoomFrames(deletedRoomFrames, event.items);

  readonly onItemsUpdated = (event: { items: readonly ItemRef[] }) =>
    this.recordForRoomFrames(changedRoomFrames, event.items);

  private recordForRoomFrames(
    actionsFor: (plan: Plan, items: readonly ItemRef[]) => PlanAction[],
    items: readonly ItemRef[],
  ): void {
    const plan = this.deps.reader.plan();
    if (!plan || !this.isFacilitator(plan)) return;
    for (const action of actionsFor(plan, items)) this.deps.writer.record(action);
  }

  private setNotice(patch: Partial<ControllerNotice>): void {
    const next = { ...this.notice, ...patch };
    // Every notice re-renders each open panel control that shows "busy": send only changes
    // (every written batch of joins reports "no problem" again).
    if (
      next.problem === this.notice.problem &&
      next.busy === this.notice.busy &&
      next.overwrites === this.notice.overwrites &&
      next.otherDevice?.seenAt === this.notice.otherDevice?.seenAt
    ) {
      return;
    }
    this.notice = next;
    this.deps.onNotice(this.notice);
  }
}
