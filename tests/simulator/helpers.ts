import { vi } from 'vitest';
import type { MiroSurface } from '../../src/sdk/surface';
import type { SimBoard, SimOptions, SimTab } from '../../src/simulator/api';
import { createBoard, settleBoard } from '../../src/simulator/index';

export type TestBoard = SimBoard;

/** A board on Vitest fake timers (call `vi.useRealTimers()` in afterEach). */
export const fakeBoard = (options: Partial<SimOptions> = {}): TestBoard => {
  vi.useFakeTimers();
  return createBoard(options);
};

/** Runs queued calls and deliveries (and the app reactions they cause) to completion. */
export const settle = (board: TestBoard): Promise<void> =>
  settleBoard(board, () => vi.advanceTimersToNextTimerAsync());

/** Awaits a simulator promise while driving fake time. */
export const run = async <T>(board: TestBoard, promise: Promise<T>): Promise<T> => {
  const outcome = promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  await settle(board);
  const result = await outcome;
  if (!result.ok) throw result.error;
  return result.value;
};

/** The rejection of a simulator promise (fails the test if it resolves). */
export const rejection = async (
  board: TestBoard,
  promise: Promise<unknown>,
): Promise<Error & { code?: string }> => {
  try {
    await run(board, promise);
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('Expected the call to reject, but it resolved');
};

export const miroOf = (tab: SimTab): MiroSurface => {
  const frame = tab.headless;
  if (!frame) throw new Error(`Tab ${tab.id} has no headless iframe`);
  return frame.miro;
};

/** A user with one open tab. */
export const userWithTab = (board: TestBoard, name: string, hasApp = true) => {
  const user = board.addUser({ name, hasApp });
  const tab = board.openTab(user.id);
  return { user, tab, miro: hasApp ? miroOf(tab) : (null as unknown as MiroSurface) };
};

/** Records every call of a handler, for assertions on deliveries. */
export const recorder = <A extends unknown[]>() => {
  const calls: A[] = [];
  const handler = (...args: A) => {
    calls.push(args);
  };
  return { calls, handler };
};
