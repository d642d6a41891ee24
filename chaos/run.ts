/**
 * One seeded breakout under faults, from the first tab to the last check. Everything random comes
 * from the seed and all time is the FakeClock's, so a seed replays the same run exactly. This file
 * owns what is global to the process (the clock, unhandled rejections, the console) for the run.
 */
import { FakeClock } from './clock';
import { describeFaults, drawFaults } from './faults';
import { Scenario } from './scenario';
import { explain } from './stage';

export type RunResult = {
  seed: number;
  violations: string[];
  faults: string[];
  trace: string[];
  /** Simulated milliseconds the run covered. */
  simulatedMs: number;
  participants: number;
  rooms: number;
};

const START_TIME = Date.UTC(2025, 0, 6, 9, 0, 0);

/** Unhandled rejections are global to the process: the run that is going gets them. */
let current: { unhandled: unknown[] } | null = null;
let listening = false;
const onUnhandled = (reason: unknown) => {
  if (current) current.unhandled.push(reason);
  else throw reason;
};

export type RunOptions = Parameters<typeof drawFaults>[1];

export async function runOne(seed: number, options: RunOptions = {}): Promise<RunResult> {
  if (!listening) {
    process.on('unhandledRejection', onUnhandled);
    listening = true;
  }
  const faults = drawFaults(seed, options);
  const clock = new FakeClock(START_TIME);
  const state = { unhandled: [] as unknown[] };
  current = state;
  clock.install();
  const trace: string[] = [];
  const log = (line: string) => {
    trace.push(`[${((clock.now() - START_TIME) / 1000).toFixed(3).padStart(9)}s] ${line}`);
  };
  let run: Scenario | null = null;
  const violations: string[] = [];
  // What the app logs (a panel that could not open, a start that failed) belongs to this run's
  // trace, not to the output of a few thousand runs.
  const consoleError = console.error;
  console.error = (...parts: unknown[]) => log(`app logged: ${parts.map(explain).join(' ')}`);
  try {
    run = new Scenario(seed, faults, clock, log);
    await run.play();
    violations.push(...run.violations);
  } catch (error) {
    violations.push(`runner crashed: ${explain(error)}`);
  } finally {
    run?.stopAll();
    await clock.advance(0);
    for (const error of clock.errors)
      violations.push(`uncaught error in a timer: ${explain(error)}`);
    for (const reason of state.unhandled)
      violations.push(`unhandled rejection: ${explain(reason)}${where(reason)}`);
    for (const error of run?.sim.handlerErrors() ?? []) {
      violations.push(`app handler threw: ${explain(error)}`);
    }
    clock.uninstall();
    console.error = consoleError;
    current = null;
  }
  return {
    seed,
    violations,
    faults: describeFaults(faults),
    trace,
    simulatedMs: clock.now() - START_TIME,
    participants: faults.participants,
    rooms: faults.rooms,
  };
}

/** Where an error was made: the simulator makes its errors inside the app's call. */
const where = (error: unknown): string => {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const frames = stack
    .split('\n')
    .filter((line) => /src\/(controller|sdk|domain)/.test(line))
    .slice(0, 4)
    .map((line) =>
      line
        .trim()
        .replace(/^at /, '')
        .replace(/\(?file:\/\/[^)]*\/src\//, 'src/')
        .replace(/\)$/, ''),
    );
  return frames.length > 0 ? ` (at ${frames.join(' < ')})` : '';
};
