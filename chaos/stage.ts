/**
 * What the parts of a run share: the people on the board and the stage they act on. Every part
 * of the runner (the people, the facilitator's actions, the adversary, the invariants) works on a
 * `Stage`; only `scenario.ts` builds one, so no part imports another's implementation.
 */
import type { CommandResult, PlanningCommand } from '../src/controller/commands';
import type { Headless } from '../src/controller/headless';
import type { Plan } from '../src/domain/plan';
import type { Random } from '../src/domain/random';
import type { Board } from '../src/sdk/connect';
import type { FrameRef } from '../src/sdk/surface';
import type { SimBoard, SimTab, SimUser } from '../src/simulator/api';
import type { FakeClock } from './clock';
import type { Faults } from './faults';
import type { Observed } from './observed';

export type Member = {
  user: SimUser;
  tab: SimTab;
  headless: Headless | null;
  board: Board | null;
  /** The last reason this member's app could not start. */
  startError: string | null;
  /** Set while the app is being started. */
  starting: Promise<void> | null;
};

/** A click in a panel, as its tab's headless app receives it (the facilitator's or planning). */
export type Command = Parameters<Headless['facilitator']['handle']>[0] | PlanningCommand;

export type Stage = {
  readonly seed: number;
  readonly faults: Faults;
  readonly clock: FakeClock;
  readonly sim: SimBoard;
  /** The scenario's own random stream: the order of its draws is part of every seed's run. */
  readonly random: Random;
  readonly observed: Observed;
  readonly members: Map<string, Member>;
  readonly facilitator: Member;
  readonly participants: Member[];
  /** Who acts as the facilitator now (changes when someone takes over). */
  acting: Member;
  readonly main: FrameRef;
  readonly roomFrames: FrameRef[];
  log(line: string): void;
  violate(problem: string): void;
  /** Runs `action` after `ms` of simulated time, logging its failure instead of throwing. */
  later(ms: number, action: () => unknown): void;
  /** Awaits an app promise while simulated time runs; gives up after `maxMs`. */
  settle<T>(promise: Promise<T>, maxMs?: number): Promise<T | undefined>;
  /** A command from the panel of `member`, as the facilitator clicks it. */
  command(member: Member, command: Command): Promise<CommandResult>;
  /** Presses a button again after a failure, as a person reading the message would. */
  retry(member: () => Member, command: Command, attempts?: number): Promise<CommandResult>;
  /** The stored plan, when it parses. */
  plan(): Plan | null;
  /** The app of this member is reloaded in place, or the board is reopened in a new tab. */
  reload(member: Member, when: string): Promise<void>;
  togglePanel(member: Member): void;
};

export const MINUTE = 60_000;

export const explain = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);
