/**
 * Drives a whole breakout (plan, start, joins, end) against the simulated board on Vitest fake
 * timers, so every figure is simulated time and counts, identical on every machine and run.
 */
import { vi } from 'vitest';
import type { CommandResult } from '../src/controller/commands';
import { type Headless, startHeadless } from '../src/controller/headless';
import type { Plan, Rect } from '../src/domain/plan';
import { createRandom, type Random } from '../src/domain/random';
import { assignBalanced } from '../src/domain/split';
import { connect } from '../src/sdk/connect';
import type { FrameRef } from '../src/sdk/surface';
import type { Clock, SimBoard, SimOptions, SimUser } from '../src/simulator/api';
import { createBoard } from '../src/simulator/index';

export type Member = { user: SimUser; headless: Headless };

export type Breakout = {
  sim: SimBoard;
  facilitator: Member;
  participants: Member[];
  main: FrameRef;
  rooms: FrameRef[];
  random: Random;
  /** Runs queued simulated work (and app timers that fall due meanwhile) until nothing is queued. */
  settle(): Promise<void>;
  /** Runs the board, one timer at a time, until `done()` holds. */
  runUntil(done: () => boolean, what: string, withinMs?: number): Promise<void>;
  /** Awaits an app promise while driving the board. */
  run<T>(promise: Promise<T>): Promise<T>;
};

const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Barbara',
  'Edsger',
  'Frances',
  'Donald',
  'Radia',
  'Ken',
  'Margaret',
  'Tim',
  'Hedy',
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Liskov',
  'Dijkstra',
  'Allen',
  'Knuth',
  'Perlman',
  'Thompson',
  'Hamilton',
  'Berners-Lee',
  'Lamarr',
];

/** Realistic display names (not "P1"), so stored bytes are what a real workshop would store. */
const nameOf = (index: number) =>
  `${FIRST[index % FIRST.length]} ${LAST[Math.floor(index / FIRST.length) % LAST.length]} ${index + 1}`;

/** Rooms on a grid of 1000 × 700 frames below a 1600 × 900 main area. */
const roomFrame = (index: number, columns: number): Rect & { title: string } => ({
  title: `Room ${index + 1}`,
  x: (index % columns) * 1200,
  y: 2000 + Math.floor(index / columns) * 1000,
  width: 1000,
  height: 700,
});

/** Steps through fake time without end; a livelock fails the benchmark instead of hanging it. */
const MAX_STEPS = 1_000_000;

/** Not faked (bench/vitest.config.ts leaves setImmediate alone): a real task, no clock time. */
const realSetImmediate = globalThis.setImmediate;
const nextRealTask = () =>
  new Promise<void>((resolve) => {
    realSetImmediate(resolve);
  });

type Handle =
  | { kind: 'timer'; id: ReturnType<typeof setTimeout> }
  | { kind: 'now'; cancelled: boolean };

/**
 * The simulator's clock on Vitest fake timers, except that work due *now* runs in a real task
 * instead of a 0 ms fake timer. Fake timers count a 0 ms timer set while they tick as 1 ms
 * (simulator/README.md), and the simulator runs each reply and delivery in its own task: with
 * 500 apps receiving one storage write that alone would add 500 ms of time that is not latency.
 */
function benchClock(): Clock & { dueNow(): number } {
  let dueNow = 0;
  return {
    now: () => Date.now(),
    setTimeout(fn, ms) {
      if (ms > 0) return { kind: 'timer', id: globalThis.setTimeout(fn, ms) } satisfies Handle;
      const handle: Handle = { kind: 'now', cancelled: false };
      dueNow += 1;
      realSetImmediate(() => {
        dueNow -= 1;
        if (!handle.cancelled) fn();
      });
      return handle;
    },
    clearTimeout(value) {
      const handle = value as Handle;
      if (handle.kind === 'timer') globalThis.clearTimeout(handle.id);
      else handle.cancelled = true;
    },
    dueNow: () => dueNow,
  };
}

export async function createBreakout(options: {
  participants: number;
  rooms: number;
  seed: number;
  sim: Partial<Omit<SimOptions, 'clock' | 'seed'>>;
}): Promise<Breakout> {
  vi.useFakeTimers();
  const clock = benchClock();
  const sim = createBoard({ seed: options.seed, ...options.sim, clock });
  const random = createRandom(options.seed);
  let ids = 0;
  const newId = () => `run-${options.seed}-${++ids}`;

  /** One step: what is due now first, else time moves on to the next timer (board or app). */
  const step = async (): Promise<boolean> => {
    if (clock.dueNow() > 0) await nextRealTask();
    else if (sim.pending() > 0 || vi.getTimerCount() > 0) await vi.advanceTimersToNextTimerAsync();
    else {
      // App promise chains may still queue calls: quiet only if nothing appears across a task.
      await nextRealTask();
      return sim.pending() > 0 || clock.dueNow() > 0;
    }
    return true;
  };
  /** Like settleBoard (simulator/settle.ts), on this clock: queued board work only, no app timers beyond it. */
  const settle = async () => {
    for (let count = 0; count < MAX_STEPS; count += 1) {
      if (clock.dueNow() > 0) await nextRealTask();
      else if (sim.pending() > 0) await vi.advanceTimersToNextTimerAsync();
      else {
        await nextRealTask();
        if (sim.pending() === 0 && clock.dueNow() === 0) return;
      }
    }
    throw new Error('The simulated board never settled');
  };
  const runUntil = async (done: () => boolean, what: string, withinMs = 60_000) => {
    // A wait that outlives this much simulated time is a bug, not a slow breakout.
    const deadline = Date.now() + withinMs;
    for (let count = 0; count < MAX_STEPS && Date.now() <= deadline; count += 1) {
      if (done()) return;
      await step();
    }
    throw new Error(`The breakout never reached: ${what}`);
  };
  const run = async <T>(promise: Promise<T>): Promise<T> => {
    let outcome: { value: T } | { error: unknown } | null = null;
    promise.then(
      (value) => {
        outcome = { value };
      },
      (error: unknown) => {
        outcome = { error };
      },
    );
    await runUntil(() => outcome !== null, 'the end of an app call');
    const settled = outcome as { value: T } | { error: unknown } | null;
    if (settled === null) throw new Error('unreachable');
    if ('error' in settled) throw settled.error;
    return settled.value;
  };

  const main = sim.addFrame({ title: 'Main area', x: 0, y: 0, width: 1600, height: 900 });
  const columns = Math.ceil(Math.sqrt(options.rooms));
  const rooms = Array.from({ length: options.rooms }, (_, index) =>
    sim.addFrame(roomFrame(index, columns)),
  );

  const users = [
    sim.addUser({ name: 'Fran Facilitator' }),
    ...Array.from({ length: options.participants }, (_, index) =>
      sim.addUser({ name: nameOf(index) }),
    ),
  ];
  // Every app starts at once, as when a workshop opens the board: their start-up runs in parallel.
  const members = await run(
    Promise.all(
      users.map(async (user): Promise<Member> => {
        const tab = sim.openTab(user.id);
        if (!tab.headless) throw new Error(`${user.name} has no app`);
        const { board } = connect(tab.headless.miro, { random });
        return { user, headless: await startHeadless(board, { newId }) };
      }),
    ),
  );
  const [facilitator, ...participants] = members;
  if (!facilitator) throw new Error('no facilitator');
  return { sim, facilitator, participants, main, rooms, random, settle, runUntil, run };
}

export function expectOk(result: CommandResult, what: string): Plan {
  if (!result.ok || !result.plan) {
    throw new Error(`${what} failed: ${result.ok ? 'no plan' : result.message}`);
  }
  return result.plan;
}

const rectOf = ({ x, y, width, height }: FrameRef): Rect => ({ x, y, width, height });

/** Claim, add every room, choose the main frame, split everyone evenly: the planning a facilitator does. */
export async function planBreakout(b: Breakout): Promise<Plan> {
  const control = b.facilitator.headless.facilitator;
  expectOk(await b.run(control.handle({ type: 'claim' })), 'claim');
  const withRooms = expectOk(
    await b.run(
      control.handle({
        type: 'edit',
        actions: [
          { type: 'roomsAdded', frames: b.rooms },
          {
            type: 'mainAreaChosen',
            mainArea: { kind: 'frame', frameId: b.main.id, frame: rectOf(b.main) },
          },
        ],
      }),
    ),
    'adding rooms',
  );
  const people = b.participants.map(({ user }) => ({ id: user.id, name: user.name }));
  const split = assignBalanced(
    people.map((person) => person.id),
    withRooms.rooms.map((room) => room.id),
    b.random,
  );
  return expectOk(
    await b.run(
      control.handle({
        type: 'edit',
        actions: [{ type: 'peopleSplit', people, assignment: Object.fromEntries(split) }],
      }),
    ),
    'splitting people',
  );
}

/** The centre of the viewport lies inside the frame: the person sees that room. */
export const looksAt = (viewport: Rect, frame: Rect): boolean =>
  Math.abs(viewport.x + viewport.width / 2 - frame.x) <= frame.width / 2 &&
  Math.abs(viewport.y + viewport.height / 2 - frame.y) <= frame.height / 2;
