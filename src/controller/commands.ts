import * as v from 'valibot';
import type { PlanAction } from '../domain/actions';
import { PromptPlacementSchema } from '../domain/rooms/stored';
import { PreAssignmentSchema, RotationSchema } from '../domain/stored/planning';
import { PersonRefSchema } from '../domain/stored/shapes';
import { anyText, finiteNumber, flag, isRecord } from '../domain/stored/valid';

/**
 * What the panel asks of its tab's headless app, each shape defined once with valibot: its type
 * is read from the definition, and the headless app checks every command that arrives on the
 * panel link against it (panel-link.ts), so a command it cannot read is refused with a message
 * instead of half-run. The headless controller is the only writer of the plan for this user, so
 * closing the panel never interrupts anything (miro-sdk.md D6).
 */

const ids = () => v.array(anyText(), 'should be a list');
const command = <const T extends string, const E extends v.ObjectEntries>(type: T, entries: E) =>
  v.object({ type: v.literal(type), ...entries });

/**
 * A planning edit as the panel sends it. Only its `type` is read here: the facilitator admits
 * only the edits a panel may make (facilitator.ts `PANEL_EDITS`), and the plan they produce is
 * checked as a whole before it is written (`encodePlan`).
 */
const PlanEditSchema = v.custom<PlanAction>(
  (value) => isRecord(value) && typeof value.type === 'string',
  'should be a planning edit',
);

const FacilitationCommandSchemas = [
  command('announce', { text: anyText() }),
  command('setClosingWarning', { warningMs: finiteNumber() }),
  command('extendTime', { minutes: finiteNumber() }),
  command('pauseTime', {}),
  command('resumeTime', {}),
  command('lockRoom', { roomId: anyText(), locked: flag() }),
  command('closeRoom', { roomId: anyText() }),
  /** Into another room while running: invited there, and their app leaves the old session. */
  command('movePerson', { person: PersonRefSchema, roomId: anyText() }),
  command('helpOnTheWay', { personId: anyText() }),
  /** Takes everyone who joined this room to these board items (`collaboration.zoomTo`). */
  command('bringRoomTo', { roomId: anyText(), itemIds: ids() }),
] as const;

const CommandSchemas = [
  /** Planning edits, reduced and written by the controller. */
  command('edit', { actions: v.array(PlanEditSchema, 'should be a list') }),
  /** Become the facilitator: of a board without a plan, or taking over from someone else. */
  command('claim', {}),
  command('start', {}),
  command('end', {}),
  command('reinvite', { personIds: ids() }),
  command('assignAndInvite', { person: PersonRefSchema, roomId: anyText() }),
  command('runAgain', {}),
  command('resolveHelp', { personId: anyText() }),
  /** "Clear all" in the help queue. */
  command('clearHelp', {}),
  /** Who may take over at once (co-facilitation.ts): the whole list, as the facilitator left it. */
  command('nameCoFacilitators', { personIds: ids() }),
  /** Allow or Deny a request to facilitate. */
  command('answerFacilitateRequest', { personId: anyText(), allow: flag() }),
  ...FacilitationCommandSchemas,
] as const;

/**
 * What the facilitator does while rooms run (controller/facilitation.ts). Part of `Command`, so
 * they queue with start and end: a room is never closed halfway through the end.
 */
export type FacilitationCommand = v.InferOutput<(typeof FacilitationCommandSchemas)[number]>;
export type Command = v.InferOutput<(typeof CommandSchemas)[number]>;

const typesOf = (schemas: readonly { entries: { type: { literal: string } } }[]) =>
  new Set(schemas.map((schema) => schema.entries.type.literal));

const FACILITATION_COMMANDS: ReadonlySet<string> = typesOf(FacilitationCommandSchemas);

export const isFacilitationCommand = (command: Command): command is FacilitationCommand =>
  FACILITATION_COMMANDS.has(command.type);

/**
 * The planning tools' commands (controller/planning.ts). Kept apart from `Command` so the
 * facilitator controller's own switch stays exhaustive; the headless app routes them.
 */
const PlanningCommandSchemas = [
  /** Participants may pick their room; `capacity` places per room, null for no limit. */
  command('openSelfSelect', { capacity: v.nullable(finiteNumber()) }),
  command('closeSelfSelect', {}),
  /** Everyone online without a room goes to the emptiest room with space (random among equals). */
  command('placeUnchosen', { seed: finiteNumber() }),
  /** Replaces the imported list and places whoever of it is online now. */
  command('setPreAssignments', { rows: v.array(PreAssignmentSchema, 'should be a list') }),
  /** A schedule computed by the panel (the search is too heavy for every user's headless app). */
  command('setRotation', { rotation: v.nullable(RotationSchema) }),
  /** Applies the next round's groups and starts (after "run again" when the last run ended). */
  command('startNextRound', {}),
  command('createRoomFrames', { templateFrameId: anyText(), count: finiteNumber() }),
  /** Moves the report-back walk to room `index` of its order (-1 before the first). */
  command('reportBack', { index: finiteNumber() }),
] as const;

export type PlanningCommand = v.InferOutput<(typeof PlanningCommandSchemas)[number]>;

/**
 * Moves this user's own viewport (no plan change). The headless app queues these with its own
 * moves (controller/viewport.ts) and reads the frame from the plan it holds when the move goes
 * out, so a click made as the breakout ended cannot take anyone back into a room that is over.
 */
const ViewportCommandSchemas = [
  /** "Go to room": any room of the plan, in any phase (the facilitator looks where they like). */
  command('showRoom', { roomId: anyText() }),
  /** "Take me back to my room": only while this user's room runs. */
  command('showMyRoom', {}),
] as const;

export type ViewportCommand = v.InferOutput<(typeof ViewportCommandSchemas)[number]>;

/** What only this user's panels show: no plan change, no lease, nothing queued behind a start. */
const NoticeCommandSchemas = [
  /** "Dismiss" on what other apps wrote over the plan (it was put back). */
  command('dismissOverwrites', {}),
] as const;

export type NoticeCommand = v.InferOutput<(typeof NoticeCommandSchemas)[number]>;

/**
 * "Run it here" on a device of the facilitator's that waits for their other device running the
 * breakout (device-lease.ts): this device takes it over.
 */
export const RunHereCommandSchema = command('runHere', {});

/** Rooms with material (controller/rooms.ts): jobs on the board, activity, sessions on offer. */
const RoomsCommandSchemas = [
  /** "Create rooms from this frame": `names` and `prompts` are typed, one line per room. */
  command('createRoomsFromTemplate', {
    templateFrameId: anyText(),
    count: finiteNumber(),
    names: anyText(),
    prompts: anyText(),
    prompt: PromptPlacementSchema,
  }),
  /** "Gather results into the main area", after the end. */
  command('gatherResults', {}),
  command('cancelRoomsJob', {}),
  command('resumeRoomsJob', {}),
  /** Stops showing a finished or interrupted job. */
  command('dismissRoomsJob', {}),
  /** Asks once whether Miro offers sessions here (before anyone plans). */
  command('checkSessions', {}),
  /** A room with people and no change for this long is quiet. */
  command('setQuietAfter', { minutes: finiteNumber() }),
] as const;

export type RoomsCommand = v.InferOutput<(typeof RoomsCommandSchemas)[number]>;

const ROOMS_COMMANDS: ReadonlySet<string> = typesOf(RoomsCommandSchemas);

export const isRoomsCommand = (command: PanelCommand): command is RoomsCommand =>
  ROOMS_COMMANDS.has(command.type);

/** Everything a panel may send to its headless app: what the panel link admits. */
export const PanelCommandSchema = v.variant(
  'type',
  [
    ...CommandSchemas,
    ...PlanningCommandSchemas,
    ...ViewportCommandSchemas,
    ...NoticeCommandSchemas,
    ...RoomsCommandSchemas,
    RunHereCommandSchema,
  ],
  'names no request this app knows',
);
export type PanelCommand = v.InferOutput<typeof PanelCommandSchema>;

const PLANNING_COMMANDS: ReadonlySet<string> = typesOf(PlanningCommandSchemas);

export const isPlanningCommand = (command: PanelCommand): command is PlanningCommand =>
  PLANNING_COMMANDS.has(command.type);

export type { CommandResult, ControllerNotice } from './answers';
