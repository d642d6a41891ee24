import { BROADCAST_EVENT, parseMessage } from '../domain/messages';
import type { Board } from '../sdk/connect';
import type { Json } from '../sdk/surface';
import { type ControllerNotice, isPlanningCommand } from './commands';
import { FacilitatorController } from './facilitator';
import { openPanelOnClick } from './open-panel';
import { channelName, serveCommands } from './panel-link';
import { ParticipantController } from './participant';
import { ParticipantMoves } from './participant-moves';
import { ParticipantNotices } from './participant-notices';
import { PlanReader } from './plan-reader';
import { PlanWriter } from './plan-writer';
import { PlanningController } from './planning';
import { Presence } from './presence';
import { ViewportMover } from './viewport';

export type Headless = {
  facilitator: FacilitatorController;
  participant: ParticipantController;
  planning: PlanningController;
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
};

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
  const reader = new PlanReader(board);
  const presence = new Presence(board);
  let announce: (notice: ControllerNotice) => void = () => {};
  const writer = new PlanWriter(board, reader, {
    writerId: me.id,
    onProblem: (problem) => control.reportProblem(problem),
  });
  const control: FacilitatorController = new FacilitatorController({
    board,
    reader,
    writer,
    presence,
    me,
    newRunId: newId,
    now,
    onNotice: (notice) => announce(notice),
    startActions: (runId, frames) => planning.startActions(runId, frames),
  });
  // One queue for this user's own viewport, shared by everything that moves it.
  const viewport = new ViewportMover(board);
  const participant = new ParticipantController({ board, reader, viewport, me, now });
  // Warnings, announcements, moves and closed rooms: each user's own app, panel open or not.
  const notices = new ParticipantNotices({ board, reader, me, now });
  const moves = new ParticipantMoves({ board, reader, viewport, me, now });
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

  const link = serveCommands(
    channelName(info.id, me.id),
    instanceId,
    async (command) => {
      // Acting as facilitator is the moment this client starts caring who is online. If that
      // fails, the command still runs: start and re-invite ask for presence themselves.
      await presence.start().catch(() => {});
      return isPlanningCommand(command) ? planning.handle(command) : control.handle(command);
    },
    () => ({ notice: control.currentNotice(), plan: reader.plan() }),
  );
  announce = link.announce;

  const onMessage = (payload: Json | undefined) => {
    const message = parseMessage(payload);
    if (message) void control.receive(message);
  };
  let unsubscribe = () => {};
  const stop = () => {
    // Work still in flight (a start, a retry) may report after this: nobody is listening then.
    announce = () => {};
    unsubscribe();
    link.close();
    reader.stop();
    writer.stop();
    presence.stop();
    control.stop();
    participant.stop();
    notices.stop();
    moves.stop();
    planning.stop();
    void board.events.off(BROADCAST_EVENT, onMessage);
    void board.ui.off('items:delete', control.onItemsDeleted);
    void board.ui.off('experimental:items:update', control.onItemsUpdated);
  };
  try {
    await Promise.all([
      board.events.on(BROADCAST_EVENT, onMessage),
      board.ui.on('items:delete', control.onItemsDeleted),
      board.ui.on('experimental:items:update', control.onItemsUpdated),
    ]);
    await participant.start();
    await planning.start();
    let wasFacilitator = false;
    unsubscribe = reader.subscribe(() => {
      const isFacilitator = control.isFacilitator();
      const plan = reader.plan();
      if (plan) link.announcePlan(plan);
      // Failure is not final: the next command starts presence again (and reports its failure).
      if (isFacilitator && !wasFacilitator) {
        presence.start().catch(() => {});
        void control.canUseTimer();
      }
      wasFacilitator = isFacilitator;
      control.planChanged();
      participant.planChanged();
      notices.planChanged();
      moves.planChanged();
      planning.planChanged();
    });
    // Storage has no compare-and-set and anyone running the app may write it: after a take-over
    // race or damage, the current facilitator puts the plan everyone holds back into storage.
    reader.onOverwritten = () => {
      if (control.isFacilitator()) writer.restore();
    };
    await reader.start();
    if (control.isFacilitator()) {
      await presence.start();
      await control.reattach();
    }
  } catch (error) {
    // A half-started app must not go on answering its panel or holding its channel open.
    stop();
    throw error;
  }

  return {
    facilitator: control,
    participant,
    planning,
    reader,
    writer,
    instanceId,
    stop,
  };
}
