import { vi } from 'vitest';
import { type Headless, startHeadless } from '../../src/controller/headless';
import { COALESCE_MS } from '../../src/controller/plan-writer';
import { type Journal, memoryJournal } from '../../src/controller/storage-guard';
import type { Locks } from '../../src/controller/tab-lease';
import { createRandom } from '../../src/domain/random';
import { type Board, connect } from '../../src/sdk/connect';
import type { Meter } from '../../src/sdk/meter';
import type { FrameRef } from '../../src/sdk/surface';
import type { SimBoard, SimOptions, SimTab, SimUser } from '../../src/simulator/api';
import { createBoard, type SimBoardExtras, settleBoard } from '../../src/simulator/index';

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
  /** Runs the board and waits out coalescing until every member's app has written its events. */
  flush(): Promise<void>;
  /**
   * Starts the app of a new tab (a person arriving, or a reload), in the person's one browser,
   * or in another of theirs (`device`: another browser, with its own localStorage).
   */
  join(user: SimUser, device?: string): Promise<Member>;
};

export type WorkshopOptions = {
  participants?: number;
  rooms?: number;
  seed?: number;
  sim?: Partial<Omit<SimOptions, 'clock' | 'seed'>>;
  /** Web Locks shared by every tab (one browser); none by default, as in Node. */
  locks?: Locks;
};

const NAMES = [
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
];

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
    let result: { ok: true; value: T } | { ok: false; error: unknown } | null = null;
    promise.then(
      (value) => {
        result = { ok: true, value };
      },
      (error: unknown) => {
        result = { ok: false, error };
      },
    );
    // The app may also wait on its own timers (backoff, coalescing): move time to each in turn.
    for (let step = 0; step < 1_000; step += 1) {
      await settle();
      if (result) break;
      await vi.advanceTimersToNextTimerAsync();
    }
    const settled = result as { ok: true; value: T } | { ok: false; error: unknown } | null;
    if (!settled) throw new Error('The app never finished what it was asked to do');
    if (!settled.ok) throw settled.error;
    return settled.value;
  };

  // One browser per person: their tabs and reloads share what their app wrote (localStorage).
  const journals = new Map<string, Journal>();
  const journalOf = (browser: string) => {
    const journal = journals.get(browser) ?? memoryJournal();
    journals.set(browser, journal);
    return journal;
  };
  const join = async (user: SimUser, device?: string): Promise<Member> => {
    const tab = sim.openTab(user.id);
    const frame = tab.headless;
    if (!frame) throw new Error(`${user.name} has no app`);
    const { board, meter } = connect(frame.miro, { random });
    const journal = journalOf(device === undefined ? user.id : `${user.id}/${device}`);
    const instanceId = newId();
    const begin = (): Promise<Headless> =>
      startHeadless(board, {
        newId,
        instanceId,
        locks: options.locks,
        journal,
        // As the page's loader does (start-on-demand.ts): a fresh app that waits its turn.
        onSteppedDown: () => {
          void begin().then((fresh) => {
            member.headless = fresh;
          });
        },
      });
    const member: Member = { user, tab, board, meter, headless: await run(begin()) };
    return member;
  };

  const main = sim.addFrame({ title: 'Main area', x: 0, y: 0, width: 1600, height: 900 });
  const rooms = Array.from({ length: options.rooms ?? 3 }, (_, index) =>
    sim.addFrame({
      title: `Room ${index + 1}`,
      x: (index - 1) * 1200,
      y: 1400,
      width: 1000,
      height: 700,
    }),
  );
  const late: Member[] = [];
  const facilitator = await join(sim.addUser({ name: 'Fran Facilitator' }));
  const participants: Member[] = [];
  for (let index = 0; index < (options.participants ?? 5); index += 1) {
    const name = `${NAMES[index % NAMES.length]} ${index + 1}`;
    participants.push(await join(sim.addUser({ name })));
  }

  const members = () => [facilitator, ...participants, ...late];
  const flush = async () => {
    for (let round = 0; round < 100; round += 1) {
      await settle();
      if (!members().some((member) => member.headless.writer.pendingEvents() > 0)) return;
      await vi.advanceTimersByTimeAsync(COALESCE_MS);
    }
    throw new Error('Event writes never finished');
  };

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
    flush,
    join: async (user, device) => {
      const member = await join(user, device);
      late.push(member);
      return member;
    },
  };
}
