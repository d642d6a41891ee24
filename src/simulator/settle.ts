import type { SimBoard } from './api';
import { realMacrotask } from './clock';

type Pending = Pick<SimBoard, 'pending'>;

/**
 * Runs the board until nothing is queued, for tests on fake timers:
 *   await settleBoard(board, () => vi.advanceTimersToNextTimerAsync());
 * `advance` moves fake time to the next timer; between rounds a real macrotask lets app code's
 * promise chains run (they may queue new calls). With real timers, `await board.idle()` is enough.
 * Throws after `maxRounds` so a livelock fails a test instead of hanging it.
 */
export const settleBoard = async (
  board: Pending,
  advance: () => Promise<unknown>,
  maxRounds = 10_000,
): Promise<void> => {
  for (let round = 0; round < maxRounds; round += 1) {
    if (board.pending() > 0) {
      await advance();
      continue;
    }
    await realMacrotask();
    if (board.pending() === 0) return;
  }
  throw new Error(`The simulated board did not settle within ${maxRounds} rounds`);
};
