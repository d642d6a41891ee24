import { vi } from 'vitest';
import { type Headless, startHeadless } from '../../src/controller/headless';
import { createRandom } from '../../src/domain/random';
import { type Board, connect } from '../../src/sdk/connect';
import type { Meter } from '../../src/sdk/meter';
import type { FrameRef } from '../../src/sdk/surface';
import type { SimOptions, SimTab, SimUser } from '../../src/simulator/api';
import { createBoard, type SimBoardExtras, settleBoard } from '../../src/simulator/index';
import type { SimBoard } from '../../src/simulator/api';

export type TestBoard = SimBoard & SimBoardExtras;

/** One person at the workshop: their tab, its headless app, and the seam their app sees. */
export type Member = {
  user: SimUser;
  tab: SimTab;
  board: Board;
  meter: Meter;
  headless: Headless;
};

export type Workshop = {
  sim: TestBoard;
  facilitator: Member;
  participants: Member[];
  main: FrameRef;
  rooms: FrameRef[];
  /** Runs simulated calls, deliveries and timers until nothing is pending. */
  settle(): Promise<void>;
  /** Awaits an app promise while driving the simulated board. */
  run<T>(promise: Promise<T>): Promise<T>;
  /** Moves simulated time forward, running what falls due. */
  advance(ms: number): Promise<void>;
  /** Starts the app of a new tab (a person arriving, or a reload). */
  join(user: SimUser): Promise<Member>;
};

export type WorkshopOptions = {
  participants?: number;
  rooms?: number;
  seed?: number;
  sim?: Partial<Omit<SimOptions, 'clock' | 'seed'>>;
};

const NAMES = ['Ada', 'Grace', 'Alan', 'Barbara', 'Edsger', 'Frances', 'Donald', 'Radia', 'Ken', 'Margaret'];

/**
 * A board with a main frame, room frames, a facilitator and participants, every one running the
 * real headless app against the simulator on Vitest fake timers. Call `vi.useRealTimers()` after.
 */
export async function createWorkshop(options: WorkshopOptions = {}): Promise<Workshop> {
  vi.useFakeTimers();
  const seed = options.seed ?? 1;
  const sim = createBoard({ seed, ...options.sim });
  const random = createRandom(seed);
  let ids = 0;
  const newId = () => `id-${seed}-${++ids}`;

  const settle = () => settleBoard(sim, () => vi.advanceTimersToNextTimerAsync());
  const run = async <T>(promise: Promise<T>): Promise<T> => {
    const outcome = promise.then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    await settle();
    const result = await outcome;
    if (!result.ok) throw result.error;
    return result.value;
  };

  const join = async (user: SimUser): Promise<Member> => {
    const tab = sim.openTab(user.id);
    const frame = tab.headless;
    if (!frame) throw new Error(`${user.name} has no app`);
    const { board, meter } = connect(frame.miro, { random });
    const headless = await run(startHeadless(board, { newId }));
    return { user, tab, board, meter, headless };
  };

  const main = sim.addFrame({ title: 'Main area', x: 0, y: 0, width: 1600, height: 900 });
  const rooms = Array.from({ length: options.rooms ?? 3 }, (_, index) =>
    sim.addFrame({ title: `Room ${index + 1}`, x: (index - 1) * 1200, y: 1400, width: 1000, height: 700 }),
  );
  const facilitator = await join(sim.addUser({ name: 'Fran Facilitator' }));
  const participants: Member[] = [];
  for (let index = 0; index < (options.participants ?? 5); index += 1) {
    const name = `${NAMES[index % NAMES.length]} ${index + 1}`;
    participants.push(await join(sim.addUser({ name })));
  }

  return {
    sim,
    facilitator,
    participants,
    main,
    rooms,
    settle,
    run,
    advance: async (ms) => {
      await vi.advanceTimersByTimeAsync(ms);
      await settle();
    },
    join,
  };
}
