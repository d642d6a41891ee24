import type { PlanAction } from '../domain/actions';
import type { PersonRef, Plan, PreAssignment, Rotation } from '../domain/plan';
import type { PromptPlacement } from '../domain/rooms/prompts';

/**
 * What the panel asks of its tab's headless controller. The headless app is the only writer of
 * the plan for this user, so closing the panel never interrupts anything (miro-sdk.md D6).
 */
export type Command =
  /** Planning edits, reduced and written by the controller. */
  | { type: 'edit'; actions: PlanAction[] }
  /** Become the facilitator: of a board without a plan, or taking over from someone else. */
  | { type: 'claim' }
  | { type: 'start' }
  | { type: 'end' }
  | { type: 'reinvite'; personIds: string[] }
  | { type: 'assignAndInvite'; person: PersonRef; roomId: string }
  | { type: 'runAgain' }
  | { type: 'resolveHelp'; personId: string }
  /** "Clear all" in the help queue. */
  | { type: 'clearHelp' }
  | FacilitationCommand;

/**
 * What the facilitator does while rooms run (controller/facilitation.ts). Part of `Command`, so
 * they queue with start and end: a room is never closed halfway through the end.
 */
export type FacilitationCommand =
  | { type: 'announce'; text: string }
  | { type: 'setClosingWarning'; warningMs: number }
  | { type: 'extendTime'; minutes: number }
  | { type: 'pauseTime' }
  | { type: 'resumeTime' }
  | { type: 'lockRoom'; roomId: string; locked: boolean }
  | { type: 'closeRoom'; roomId: string }
  /** Into another room while running: invited there, and their app leaves the old session. */
  | { type: 'movePerson'; person: PersonRef; roomId: string }
  | { type: 'helpOnTheWay'; personId: string }
  /** Takes everyone who joined this room to these board items (`collaboration.zoomTo`). */
  | { type: 'bringRoomTo'; roomId: string; itemIds: string[] };

const FACILITATION_COMMANDS: ReadonlySet<string> = new Set<FacilitationCommand['type']>([
  'announce',
  'setClosingWarning',
  'extendTime',
  'pauseTime',
  'resumeTime',
  'lockRoom',
  'closeRoom',
  'movePerson',
  'helpOnTheWay',
  'bringRoomTo',
]);

export const isFacilitationCommand = (command: Command): command is FacilitationCommand =>
  FACILITATION_COMMANDS.has(command.type);

/**
 * The planning tools' commands (controller/planning.ts). Kept apart from `Command` so the
 * facilitator controller's own switch stays exhaustive; the headless app routes them.
 */
export type PlanningCommand =
  /** Participants may pick their room; `capacity` places per room, null for no limit. */
  | { type: 'openSelfSelect'; capacity: number | null }
  | { type: 'closeSelfSelect' }
  /** Everyone online without a room goes to the emptiest room with space (random among equals). */
  | { type: 'placeUnchosen'; seed: number }
  /** Replaces the imported list and places whoever of it is online now. */
  | { type: 'setPreAssignments'; rows: PreAssignment[] }
  /** A schedule computed by the panel (the search is too heavy for every user's headless app). */
  | { type: 'setRotation'; rotation: Rotation | null }
  /** Applies the next round's groups and starts (after "run again" when the last run ended). */
  | { type: 'startNextRound' }
  | { type: 'createRoomFrames'; templateFrameId: string; count: number }
  /** Moves the report-back walk to room `index` of its order (-1 before the first). */
  | { type: 'reportBack'; index: number };

/**
 * Moves this user's own viewport (no plan change). The headless app queues these with its own
 * moves (controller/viewport.ts) and reads the frame from the plan it holds when the move goes
 * out, so a click made as the breakout ended cannot take anyone back into a room that is over.
 */
export type ViewportCommand =
  /** "Go to room": any room of the plan, in any phase (the facilitator looks where they like). */
  | { type: 'showRoom'; roomId: string }
  /** "Take me back to my room": only while this user's room runs. */
  | { type: 'showMyRoom' };

/** Rooms with material (controller/rooms.ts): jobs on the board, activity, sessions on offer. */
export type RoomsCommand =
  /** "Create rooms from this frame": `names` and `prompts` are typed, one line per room. */
  | {
      type: 'createRoomsFromTemplate';
      templateFrameId: string;
      count: number;
      names: string;
      prompts: string;
      prompt: PromptPlacement;
    }
  /** "Gather results into the main area", after the end. */
  | { type: 'gatherResults' }
  | { type: 'cancelRoomsJob' }
  | { type: 'resumeRoomsJob' }
  /** Stops showing a finished or interrupted job. */
  | { type: 'dismissRoomsJob' }
  /** Asks once whether Miro offers sessions here (before anyone plans). */
  | { type: 'checkSessions' }
  /** A room with people and no change for this long is quiet. */
  | { type: 'setQuietAfter'; minutes: number };

const ROOMS_COMMANDS: ReadonlySet<string> = new Set<RoomsCommand['type']>([
  'createRoomsFromTemplate',
  'gatherResults',
  'cancelRoomsJob',
  'resumeRoomsJob',
  'dismissRoomsJob',
  'checkSessions',
  'setQuietAfter',
]);

export const isRoomsCommand = (command: PanelCommand): command is RoomsCommand =>
  ROOMS_COMMANDS.has(command.type);

/** Everything a panel may send to its headless app. */
export type PanelCommand = Command | PlanningCommand | ViewportCommand | RoomsCommand;

const PLANNING_COMMANDS: ReadonlySet<string> = new Set<PlanningCommand['type']>([
  'openSelfSelect',
  'closeSelfSelect',
  'placeUnchosen',
  'setPreAssignments',
  'setRotation',
  'startNextRound',
  'createRoomFrames',
  'reportBack',
]);

export const isPlanningCommand = (command: PanelCommand): command is PlanningCommand =>
  PLANNING_COMMANDS.has(command.type);

export type CommandResult = { ok: true; plan: Plan | null } | { ok: false; message: string };

/** What the controller tells open panels without being asked. */
export type ControllerNotice = {
  /** Set while something the facilitator did could not be saved or done; null when all is well. */
  problem: string | null;
  busy: boolean;
};
