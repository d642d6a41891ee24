import { BROADCAST_EVENT, deviceWaiting, parseMessage } from '../domain/messages';
import { PLAN_COLLECTION, PLAN_KEY, type Plan, type Rect } from '../domain/plan';
import { ownRoomFrame } from '../domain/selectors';
import type { Board } from '../sdk/connect';
import { errorMessage } from '../sdk/retry';
import type { Json } from '../sdk/surface';
import { Absences } from './absences';
import {
  type CommandResult,
  type ControllerNotice,
  isPlanningCommand,
  isRoomsCommand,
  type PanelCommand,
  type ViewportCommand,
} from './commands';
import { CutOff } from './cut-off';
import { DeviceLease, WAITS_FOR_OTHER_DEVICE } from './device-lease';
import { FacilitatorController } from './facilitator';
import { HandOverNotices } from './hand-over-notices';
import { openPanelOnClick } from './open-panel';
import { channelName } from './panel-link';
import { ParticipantController } from './participant';
import { ParticipantMoves } from './participant-moves';
import { ParticipantNotices } from './participant-notices';
import { PlanReader } from './plan-reader';
import { PlanWriter } from './plan-writer';
import { PlanningController } from './planning';
import { Presence } from './presence';
import { done, refused } from './results';
import { RoomsController } from './rooms';
import { serveCommands } from './serve-commands';
import { browserJournal, type Journal, memoryJournal, StorageGuard } from './storage-guard';
import { type Locks, tabLease } from './tab-lease';
import { ViewportMover, viewportAroundFrame } from './viewport';

export type Headless = {
  /** What this tab's panel asks for, as it asks for it (through panel-link). */
  command(command: PanelCommand): Promise<CommandResult>;
  facilitator: FacilitatorController;
  participant: ParticipantController;
  planning: PlanningController;
  rooms: RoomsController;
  reader: PlanReader;
  writer: PlanWriter;
  instanceId: string;
  stop(): void;
};

export type HeadlessOptions = {
  now?: () => number;
  newId?: () => string;
  /** Which headless instance this is; the panel finds its own through `getPanelData()`. */
  instanceId?: string;
  /** False when the page's loader (entries/headless.ts) already answers the app icon. */
  openPanelOnIconClick?: boolean;
  /** The browser's Web Locks, shared by this user's tabs (see tab-lease.ts); none in Node. */
  locks?: Locks;
  /**
   * Another of this user's tabs took over running the breakout, and this app stopped so that
   * nothing of it goes on running: the loader starts a fresh one, which waits its turn.
   */
  onSteppedDown?: () => void;
  /**
   * What this browser's apps wrote to storage (storage-guard.ts): localStorage by default. Tests
   * and the fault runs give each simulated browser one.
   */
  journal?: Journal;
};

/** What the facilitator is told when storage held a value their app did not write (≤ 80 chars). */
export const RESTORED_NOTIFICATION =
  'Another app changed the stored breakout plan. It has been put back.';
/**
 * While this app runs a breakout it reads the plan's key again this often, and one more of the
 * breakout's keys in turn: a change notification may be lost (S3), and an overwrite it never
 * heard of would stay in storage for every app loading it.
 */
export const GUARD_READ_MS = 5_000;
/** At most one such notification per this long, however often it happens. */
const RESTORED_NOTIFICATION_MS = 30_000;

export const RUNS_IN_OTHER_TAB =
  'Your other tab on this board runs the breakout. Anything you do here moves it to this tab.';

const randomId = () => globalThis.crypto.randomUUID();

/**
 * What runs for every user as soon as the board opens (index.html), whether or not anyone opens
 * the panel. `icon:click` only reaches this iframe (miro-sdk.md 1.1), so the panel is opened
 * from here, and the breakout itself is run from here so closing the panel changes nothing.
 */
export async function startHeadless(
  board: Board,
  options: HeadlessOptions = {},
): Promise<Headless> {
  const now = options.now ?? (() => Date.now());
  const newId = options.newId ?? randomId;
  const instanceId = options.instanceId ?? newId();
  if (options.openPanelOnIconClick !== false) {
    await board.ui.on('icon:click', () => openPanelOnClick(board, instanceId));
  }

  const [{ id, name }, info] = await Promise.all([board.getUserInfo(), board.getInfo()]);
  const me = { id, name };
  let stepDown = () => {};
  const lease = tabLease(
    options.locks ?? globalThis.navigator?.locks,
    `${channelName(info.id, me.id)}/facilitating`,
    {
      // This tab runs it if this device does (the device that held it: at once).
      granted: () =>
        void runHereOrWait().then((runs) => {
          if (runs) void pickUpLater();
        }),
      lost: () => stepDown(),
    },
  );
  const reader = new PlanReader(board);
  const presence = new Presence(board);
  const absences = new Absences(presence, now);
  const cutOff = new CutOff(now);
  // This user's own absence is not in Miro's list as their app sees it: it is how long Miro
  // answered none of its reads.
  const takeOverFacts = (held: Plan) => ({
    now: now(),
    offlineSince:
      held.facilitator.id === me.id
        ? cutOff.awaySince()
        : absences.offlineSince(held.facilitator.id),
  });
  reader.judgeTakeOvers(takeOverFacts);
  let announce: (notice: ControllerNotice) => void = () => {};
  const kept = options.journal ?? browserJournal();
  const guard = new StorageGuard(kept ?? memoryJournal(), `${info.id}/${me.id}`);
  const devices: DeviceLease = new DeviceLease({
    board,
    userId: me.id,
    journal: kept,
    scope: `${info.id}/${me.id}`,
    now,
    plan: () => reader.plan(),
    lost: () => stepDown(),
    granted: () => {
      control.reportOtherDevice(null);
      void pickUpLater();
    },
    changed: () => control.reportOtherDevice(devices.otherDevice()),
    ask: () => {
      const runId = reader.plan()?.runId;
      if (runId)
        void board.events.broadcast(BROADCAST_EVENT, deviceWaiting(runId, me)).catch(() => {});
    },
    readPlan: () => reader.refresh(),
  });
  /** This tab of this device runs the breakout (when the plan names this user). */
  const runsHere = () => lease.held() && devices.runs();
  const writer = new PlanWriter(board, reader, {
    writerId: me.id,
    onProblem: (problem) => control.reportProblem(problem),
    guard,
    lease: devices,
    // Back after a minute cut off, someone may have taken over: read storage before writing.
    beforeWrite: () => (cutOff.mustReadFirst() ? cutOff.track(() => reader.refresh()) : null),
  });
  const control: FacilitatorController = new FacilitatorController({
    board,
    reader,
    writer,
    presence,
    me,
    runsHere,
    newRunId: newId,
    now,
    onNotice: (notice) => announce(notice),
    takeOverFacts,
    startActions: (runId, frames) => planning.startActions(runId, frames),
  });
  // One queue for this user's own viewport, shared by everything that moves it.
  const viewport = new ViewportMover(board);
  const participant = new ParticipantController({ board, reader, viewport, me, now });
  // Warnings, announcements, moves and closed rooms: each user's own app, panel open or not.
  const notices = new ParticipantNotices({ board, reader, me, now });
  const moves = new ParticipantMoves({ board, reader, viewport, me, now });
  const handOvers = new HandOverNotices({ board, reader, me, now });
  const planning: PlanningController = new PlanningController({
    board,
    reader,
    writer,
    presence,
    facilitator: control,
    viewport,
    me,
    onProblem: (problem) => control.reportProblem(problem),
  });
  const rooms = new RoomsController({
    board,
    reader,
    writer,
    me,
    instanceId,
    isFacilitator: (plan) => control.isFacilitator(plan ?? undefined),
    runsHere,
    now,
    newId,
    announce: (work) => link.announceWork(work),
  });

  const isMine = () => reader.plan()?.facilitator.id === me.id;
  /** An overwrite seen before this tab ran the breakout: restored once it does. */
  let restoreAbove: number | null = null;
  let toldRestoredAt = Number.NEGATIVE_INFINITY;
  /**
   * The plan names this user: this tab runs it unless another of their tabs already does; then
   * it waits for that tab to close (the lease's `granted`). True when this tab holds it now.
   */
  const runHereOrWait = async (): Promise<boolean> => {
    if (!isMine()) return false;
    if (!(await lease.holdOrWait())) {
      control.reportProblem(RUNS_IN_OTHER_TAB);
      return false;
    }
    // This tab of its browser runs it; whether this device does, the device lease says.
    return devices.holdOrWait().catch((error: unknown) => {
      control.reportProblem(
        `This device could not tell whether your other device runs the breakout (${errorMessage(error)}). It tries again.`,
      );
      return false;
    });
  };
  /** "Run it here": this device takes the breakout over, and picks up the rooms. */
  const runHere = async (): Promise<CommandResult> => {
    if (!isMine()) return refused('Only the facilitator’s devices run the breakout.');
    if (!lease.held()) await lease.take();
    try {
      await devices.takeOver();
    } catch (error) {
      return refused(
        `This device could not take the breakout over (${errorMessage(error)}). Try again.`,
      );
    }
    control.reportOtherDevice(null);
    await pickUpLater();
    return done(reader.plan());
  };
  /** This tab runs the breakout from now on: it picks up the rooms as a reopened board would. */
  const pickUp = async () => {
    if (lease.held() && control.currentNotice().problem === RUNS_IN_OTHER_TAB) {
      control.reportProblem(null);
    }
    if (!control.isFacilitator()) return;
    // This device took over from another: its plan goes out at its epoch, so the other device
    // stops at once (it may have missed the lease) and every reader knows who writes now.
    if ((reader.plan()?.epoch ?? 0) < devices.epoch()) writer.restore();
    // Storage was written over while no tab of this browser ran the breakout (a reload), or the
    // tab that saw an overwrite closed before its restore went out: readers may hold that value.
    const claimed = guard.highestClaimed(PLAN_COLLECTION, PLAN_KEY);
    if (claimed > (reader.plan()?.revision ?? 0))
      restoreAbove = Math.max(restoreAbove ?? 0, claimed);
    if (restoreAbove !== null) writer.restore(restoreAbove);
    restoreAbove = null;
    await presence.start();
    await control.reattach();
    rooms.planChanged();
  };
  const pickUpLater = () =>
    pickUp().catch((error: unknown) =>
      control.reportProblem(
        `This tab could not pick up the running breakout (${errorMessage(error)}). Reload the board to try again.`,
      ),
    );

  /** A command from this tab's panel. */
  const command = async (asked: PanelCommand): Promise<CommandResult> => {
    // Where this user looks, and what their panels show, is theirs alone: no lease, no presence,
    // no plan write.
    if (asked.type === 'showRoom' || asked.type === 'showMyRoom') return show(asked);
    if (asked.type === 'dismissOverwrites') return control.dismissOverwrites();
    if (asked.type === 'runHere') return runHere();
    // The facilitator works in this tab now: it runs the breakout from here on.
    const plan = reader.plan();
    if (!lease.held() && (!plan || isMine() || asked.type === 'claim')) {
      await lease.take();
      await pickUpLater();
    }
    // Another device of this user runs it: only "Run it here" moves it to this one.
    if (isMine() && !devices.runs()) {
      if (!(await runHereOrWait())) return refused(WAITS_FOR_OTHER_DEVICE);
      await pickUpLater();
    }
    // Acting as facilitator is the moment this client starts caring who is online. If that
    // fails, the command still runs: start and re-invite ask for presence themselves.
    await presence.start().catch(() => {});
    if (isRoomsCommand(asked)) return rooms.handle(asked);
    return isPlanningCommand(asked) ? planning.handle(asked) : control.handle(asked);
  };
  const show = async (asked: ViewportCommand): Promise<CommandResult> => {
    const plan = reader.plan();
    let frame: Rect;
    if (asked.type === 'showRoom') {
      const room = plan?.rooms.find((candidate) => candidate.id === asked.roomId);
      if (!room) return refused('That room is not in the breakout any more.');
      frame = room.frame;
    } else {
      const own = ownRoomFrame(plan, me.id);
      if ('refusal' in own) return refused(own.refusal);
      frame = own.frame;
    }
    try {
      await viewport.move(viewportAroundFrame(frame));
      return done(null);
    } catch (error) {
      return refused(`You could not be taken there: ${errorMessage(error)}. Try again.`);
    }
  };
  const link = serveCommands(channelName(info.id, me.id), instanceId, command, () => ({
    notice: control.currentNotice(),
    plan: reader.plan(),
    work: rooms.work(),
  }));
  announce = link.announce;

  const onMessage = (payload: Json | undefined) => {
    const message = parseMessage(payload);
    if (message?.type === 'device-waiting') {
      // Only this user's other device asks this one to beat (anyone may send it: it costs this
      // device a lease write every LEASE_HEARTBEAT_MS for a while, nothing more).
      if (message.from.id === me.id && message.runId === reader.plan()?.runId) devices.asked();
    } else if (message) void control.receive(message);
  };
  let unsubscribe = () => {};
  let guardReads: ReturnType<typeof setInterval> | null = null;
  const readWhileRunning = () => {
    const running = control.isFacilitator() && reader.plan()?.phase === 'running';
    if (running && guardReads === null) {
      guardReads = globalThis.setInterval(
        () => void cutOff.track(() => reader.guardRead()).catch(() => {}),
        GUARD_READ_MS,
      );
    } else if (!running && guardReads !== null) {
      globalThis.clearInterval(guardReads);
      guardReads = null;
    }
  };
  const stop = () => {
    if (guardReads !== null) globalThis.clearInterval(guardReads);
    guardReads = null;
    // Work still in flight (a start, a retry) may report after this: nobody is listening then.
    announce = () => {};
    unsubscribe();
    lease.release();
    devices.stop();
    link.close();
    reader.stop();
    writer.stop();
    presence.stop();
    control.stop();
    participant.stop();
    notices.stop();
    moves.stop();
    planning.stop();
    rooms.stop();
    void board.events.off(BROADCAST_EVENT, onMessage);
    void board.ui.off('items:delete', control.onItemsDeleted);
    void board.ui.off('experimental:items:update', control.onItemsUpdated);
    void board.collaboration.off('sessions:ended', control.onSessionEnded);
  };
  stepDown = () => {
    stop();
    options.onSteppedDown?.();
  };
  try {
    await Promise.all([
      board.events.on(BROADCAST_EVENT, onMessage),
      board.ui.on('items:delete', control.onItemsDeleted),
      board.ui.on('experimental:items:update', control.onItemsUpdated),
      board.collaboration.on('sessions:ended', control.onSessionEnded),
    ]);
    await participant.start();
    await planning.start();
    let wasFacilitator = false;
    unsubscribe = reader.subscribe(() => {
      // This device held the lease (a reload): it runs the breakout from this first plan on.
      if (isMine() && lease.held()) devices.holdAtOnce();
      const isFacilitator = control.isFacilitator();
      const plan = reader.plan();
      if (plan) link.announcePlan(plan);
      if (!runsHere()) {
        void runHereOrWait().then((holdsNow) => {
          if (holdsNow) void pickUpLater();
        });
      }
      // Someone else facilitates: who is online decides who may take over (absences.ts).
      if (plan && plan.facilitator.id !== me.id) presence.start().catch(() => {});
      // Failure is not final: the next command starts presence again (and reports its failure).
      if (isFacilitator && !wasFacilitator) {
        presence.start().catch(() => {});
        void control.canUseTimer();
      }
      wasFacilitator = isFacilitator;
      readWhileRunning();
      devices.planChanged();
      control.planChanged();
      participant.planChanged();
      notices.planChanged();
      moves.planChanged();
      handOvers.planChanged();
      planning.planChanged();
      rooms.planChanged();
    });
    // Storage has no compare-and-set and anyone running the app may write it: after a take-over
    // race or damage, the current facilitator puts the plan everyone holds back into storage.
    reader.onOverwritten = () => {
      if (control.isFacilitator()) writer.restore();
    };
    // What this browser did not write over a plan naming this user is an overwrite: put back at
    // once by the tab that runs the breakout (or by this one once it does), and never acted on.
    reader.defend({
      guard,
      userId: me.id,
      overwritten: ({ revision, kind }) => {
        control.overwritten(kind);
        const now = Date.now();
        if (now - toldRestoredAt >= RESTORED_NOTIFICATION_MS) {
          toldRestoredAt = now;
          void board.notifications.showInfo(RESTORED_NOTIFICATION).catch(() => {});
        }
        if (control.isFacilitator()) writer.restore(revision);
        else restoreAbove = Math.max(restoreAbove ?? 0, revision ?? 0);
      },
      otherDevice: (epoch) => devices.sawEpoch(epoch),
    });
    await reader.start();
    if (!runsHere()) await runHereOrWait();
    await pickUp();
  } catch (error) {
    // A half-started app must not go on answering its panel or holding its channel open.
    stop();
    throw error;
  }

  return {
    command,
    facilitator: control,
    participant,
    planning,
    rooms,
    reader,
    writer,
    instanceId,
    stop,
  };
}
