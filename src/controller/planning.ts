import type { PlanAction } from '../domain/actions';
import { roomRefusal } from '../domain/facilitation';
import { BROADCAST_EVENT } from '../domain/messages';
import type { PersonRef, Plan } from '../domain/plan';
import { parseRoomPicked, type RoomPickedMessage } from '../domain/planning/room-picked-message';
import type { Board } from '../sdk/connect';
import { errorMessage } from '../sdk/retry';
import type { ItemRef, Json } from '../sdk/surface';
import type { CommandResult, PlanningCommand } from './commands';
import type { FacilitatorController } from './facilitator';
import { HistoryStore } from './history-store';
import type { PlanReader } from './plan-reader';
import type { PlanWriter } from './plan-writer';
import { lateArrivalsToInvite, type PreAssignedMatch, preAssignedArrivals } from './pre-assign';
import type { Presence } from './presence';
import { countFrameItems, itemCounts, ReportBackFollower } from './report-back';
import { done, failed, refused } from './results';
import { retryLater } from './retry-later';
import { createRoomFrames } from './room-frames';
import { picksToActions, placeUnchosenActions } from './self-select';
import type { ViewportMover } from './viewport';

/** Picks arriving this close together are checked and written as one batch. */
export const PICK_COALESCE_MS = 250;

export type PlanningDeps = {
  board: Board;
  reader: PlanReader;
  writer: PlanWriter;
  presence: Presence;
  facilitator: FacilitatorController;
  viewport: ViewportMover;
  me: PersonRef;
  onProblem: (message: string) => void;
};

type LateInvite = { state: 'inviting' | 'invited' | 'waiting' | 'due'; failures: number };
type LateArrival = PreAssignedMatch & { key: string; failures: number };

/**
 * The planning tools in the headless app: self-select picks, pre-assigned people arriving,
 * rotation rounds, room frames on demand, the history of runs and report-back. The facilitator's
 * parts write only through the plan's single writer; everyone's part (following report-back)
 * moves only the user's own viewport.
 */
export class PlanningController {
  private commands: Promise<unknown> = Promise.resolve();
  private pendingPicks: RoomPickedMessage[] = [];
  private pickTimer: ReturnType<typeof setTimeout> | null = null;
  /** A write of picks is queued for the facilitator's turn and has not begun. */
  private picksWaiting = false;
  /**
   * Late arrivals of the list in this run (by run and person): invited (one invitation each),
   * being invited, or after a failed invitation waiting to be tried again (`due` once the wait
   * is over; tried when the person is online and still waits).
   */
  private readonly lateInvites = new Map<string, LateInvite>();
  private lateBatch: Promise<void> | null = null;
  private stopped = false;
  private readonly counted = new Set<string>();
  private readonly history: HistoryStore;
  private readonly follower: ReportBackFollower;
  private stopPresence: () => void = () => {};

  constructor(private readonly deps: PlanningDeps) {
    this.history = new HistoryStore(deps.board, deps.onProblem);
    this.follower = new ReportBackFollower(deps.viewport);
  }

  async start(): Promise<void> {
    this.stopPresence = this.deps.presence.onChange(() => this.matchArrivals());
    await this.deps.board.events.on(BROADCAST_EVENT, this.onMessage);
  }

  stop(): void {
    this.stopped = true;
    this.stopPresence();
    if (this.pickTimer !== null) globalThis.clearTimeout(this.pickTimer);
    void this.deps.board.events.off(BROADCAST_EVENT, this.onMessage);
  }

  /** For the facilitator's start: the rooms' item counts, from the start's own frame lookup. */
  readonly startActions = (runId: string, frames: readonly ItemRef[]): PlanAction[] => {
    const plan = this.deps.reader.plan();
    if (!plan || frames.length === 0) return [];
    return [{ type: 'frameItemsCounted', runId, when: 'start', counts: itemCounts(plan, frames) }];
  };

  /** Every plan change, for every user. */
  planChanged(): void {
    const plan = this.deps.reader.plan();
    if (!plan) return;
    this.follower.planChanged(plan);
    if (!this.deps.facilitator.isFacilitator(plan)) return;
    this.history.planChanged(plan);
    this.countAtEnd(plan);
    this.matchArrivals();
  }

  handle(command: PlanningCommand): Promise<CommandResult> {
    const run = this.commands.then(() => this.run(command));
    this.commands = run.catch(() => undefined);
    return run;
  }

  private async run(command: PlanningCommand): Promise<CommandResult> {
    const plan = this.deps.reader.plan();
    if (!plan || !this.deps.facilitator.isFacilitator(plan)) {
      return refused(
        plan ? `${plan.facilitator.name} is the facilitator.` : 'Set up a breakout first.',
      );
    }
    try {
      switch (command.type) {
        case 'openSelfSelect':
          return done(
            await this.apply([{ type: 'selfSelectOpened', capacity: command.capacity }], plan),
          );
        case 'closeSelfSelect':
          return done(await this.apply([{ type: 'selfSelectClosed' }], plan));
        case 'placeUnchosen':
          return await this.placeUnchosen(plan, command.seed);
        case 'setPreAssignments': {
          const written = await this.apply(
            [{ type: 'preAssignmentsSet', rows: command.rows }],
            plan,
          );
          this.matchArrivals();
          return done(written);
        }
        case 'setRotation':
          return done(
            await this.apply(
              [
                command.rotation === null
                  ? { type: 'rotationCleared' }
                  : { type: 'rotationPlanned', rotation: command.rotation },
              ],
              plan,
            ),
          );
        case 'startNextRound':
          return await this.startNextRound(plan);
        case 'createRoomFrames':
          return await this.createFrames(plan, command.templateFrameId, command.count);
        case 'reportBack':
          return done(
            await this.apply(
              [{ type: 'reportBackMoved', runId: plan.runId, index: command.index }],
              plan,
            ),
          );
      }
    } catch (error) {
      return failed(error);
    }
  }

  /** Writes the actions; says why when the plan's phase left them without effect. */
  private async apply(actions: PlanAction[], before: Plan): Promise<Plan> {
    const written = await this.deps.writer.apply(actions);
    if (written === before && before.phase !== 'planning') {
      throw new Error('That cannot be changed while the breakout is in this phase.');
    }
    return written;
  }

  private async placeUnchosen(plan: Plan, seed: number): Promise<CommandResult> {
    if (plan.phase !== 'planning') return refused('People are placed before the start.');
    await this.deps.presence.start();
    const placed = new Set(plan.people.filter((p) => p.roomId !== null).map((p) => p.id));
    const unplaced = this.deps.presence
      .onlineUsers()
      .filter(
        (user) =>
          !placed.has(user.id) && (user.id !== plan.facilitator.id || plan.includeFacilitator),
      )
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    if (unplaced.length === 0) return refused('Everyone online already has a room.');
    const { actions, message } = placeUnchosenActions(plan, unplaced, seed);
    const written = actions.length > 0 ? await this.deps.writer.apply(actions) : plan;
    return message === null ? done(written) : refused(message);
  }

  private async startNextRound(plan: Plan): Promise<CommandResult> {
    const rotation = plan.rotation;
    if (!rotation) return refused('Plan the rotation rounds first.');
    if (rotation.next >= rotation.rounds.length) return refused('Every round has run.');
    if (plan.phase !== 'planning' && plan.phase !== 'ended') {
      return refused('End the current round first.');
    }
    if (plan.phase === 'ended') {
      const reset = await this.deps.facilitator.handle({ type: 'runAgain' });
      if (!reset.ok) return reset;
    }
    await this.deps.writer.apply([{ type: 'rotationRoundApplied', round: rotation.next }]);
    return this.deps.facilitator.handle({ type: 'start' });
  }

  private async createFrames(plan: Plan, templateId: string, count: number) {
    if (plan.phase !== 'planning') return refused('Rooms are added before the start.');
    const created = await createRoomFrames(this.deps.board, templateId, count, plan.rooms.length);
    const written =
      created.frames.length > 0
        ? await this.deps.writer.apply([{ type: 'roomsAdded', frames: created.frames }])
        : plan;
    return created.problem === null ? done(written) : refused(created.problem);
  }

  /** Participants' picks (validated broadcasts), checked and written in batches. */
  private readonly onMessage = (payload: Json | undefined) => {
    const message = parseRoomPicked(payload);
    if (message === null || !this.deps.facilitator.isFacilitator()) return;
    this.pendingPicks.push(message);
    this.pickTimer ??= globalThis.setTimeout(() => this.writePicks(), PICK_COALESCE_MS);
  };

  /**
   * One write of picks waits for its turn at a time, and takes every pick that came meanwhile:
   * a write each per coalescing window would queue faster than they are written when calls are
   * slow (64 people picking over a minute left a Start behind minutes of queued writes).
   */
  private writePicks(): void {
    this.pickTimer = null;
    if (this.picksWaiting) return;
    this.picksWaiting = true;
    // In the facilitator's turn, not this controller's: a pick written while Start runs would be
    // stored, but the start would invite the person to the room it read before.
    void this.deps.facilitator.inTurn(async () => {
      this.picksWaiting = false;
      const batch = this.pendingPicks;
      this.pendingPicks = [];
      if (this.stopped || batch.length === 0) return;
      await this.deps.presence.start().catch(() => {});
      const plan = this.deps.reader.plan();
      if (!plan) return;
      const actions = picksToActions(plan, batch, this.deps.presence.onlineIds());
      if (actions.length === 0) return;
      await this.deps.writer.apply(actions).catch((error: unknown) => {
        this.deps.onProblem(`Room picks could not be saved. ${errorMessage(error)}`);
      });
    });
  }

  /**
   * People of the imported list who are online: placed while planning; invited to their room
   * when they arrive while the breakout runs (once per run each, tried again when it fails).
   */
  private matchArrivals(): void {
    const plan = this.deps.reader.plan();
    if (!plan || plan.preAssignments.length === 0 || !this.deps.facilitator.isFacilitator(plan)) {
      return;
    }
    if (plan.phase !== 'planning' && plan.phase !== 'running') return;
    const online = this.deps.presence.onlineUsers();
    if (plan.phase === 'planning') {
      const matches = preAssignedArrivals(plan, online);
      if (matches.length === 0) return;
      this.deps.writer.record(
        ...matches.map(
          ({ person, roomId }): PlanAction => ({ type: 'personAssigned', person, roomId }),
        ),
      );
      return;
    }
    // One batch at a time: who arrives meanwhile goes with the next one, when this one is done.
    if (this.lateBatch) return;
    const due = lateArrivalsToInvite(plan, online).flatMap((match) => {
      const key = `${plan.runId}:${match.person.id}`;
      const late = this.lateInvites.get(key) ?? { state: 'due', failures: 0 };
      return late.state === 'due' ? [{ ...match, key, failures: late.failures }] : [];
    });
    if (due.length === 0) return;
    this.lateBatch = this.inviteLate(due).finally(() => {
      this.lateBatch = null;
      if (!this.stopped) this.matchArrivals();
    });
  }

  /**
   * Late arrivals placed and invited together (people arriving while a batch goes are one write
   * and one invitation per room, not a command each). Whoever the plan does not show invited afterwards
   * (a rate limit, the network, a locked room) is tried again after a growing wait.
   */
  private async inviteLate(due: readonly LateArrival[]): Promise<void> {
    for (const { key, failures } of due) this.lateInvites.set(key, { state: 'inviting', failures });
    const plan = this.deps.reader.plan();
    const placed = due.filter(({ roomId }) => plan && roomRefusal(plan, roomId) === null);
    try {
      await this.deps.facilitator.inTurn(() =>
        this.deps.writer.apply(
          placed.map(
            ({ person, roomId }): PlanAction => ({ type: 'personAssigned', person, roomId }),
          ),
        ),
      );
      await this.deps.facilitator.handle({
        type: 'reinvite',
        personIds: placed.map(({ person }) => person.id),
      });
    } catch {
      // Whoever is not invited now is tried again below.
    }
    const after = this.deps.reader.plan();
    for (const { key, failures, person, roomId } of due) {
      const now = after?.people.find((candidate) => candidate.id === person.id);
      if (now?.roomId === roomId && now.status !== 'assigned') {
        this.lateInvites.set(key, { state: 'invited', failures });
        continue;
      }
      this.lateInvites.set(key, { state: 'waiting', failures: failures + 1 });
      retryLater(
        failures,
        () => this.stopped,
        () => {
          this.lateInvites.set(key, { state: 'due', failures: failures + 1 });
          this.matchArrivals();
        },
      );
    }
  }

  /** Once per run, when it has ended: the rooms' items now, for the report-back summary. */
  private countAtEnd(plan: Plan): void {
    const items = plan.frameItems;
    if (plan.phase !== 'ended' || items?.runId !== plan.runId) return;
    if (items.rooms.every((room) => room.atEnd !== null) || this.counted.has(plan.runId)) return;
    this.counted.add(plan.runId);
    void countFrameItems(this.deps.board, plan).then((counts) => {
      if (Object.keys(counts).length === 0) return;
      this.deps.writer.record({
        type: 'frameItemsCounted',
        runId: plan.runId,
        when: 'end',
        counts,
      });
    });
  }
}
