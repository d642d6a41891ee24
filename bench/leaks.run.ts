import { afterEach, expect, it, vi } from 'vitest';
import { breakoutsInARow, type Held } from '../tests/support/breakouts-in-a-row';
import { createBreakout, planBreakout } from './harness';
import { writePart } from './results';

/**
 * One headless app per person running 50 breakouts in a row on one board (a workshop day of
 * short rounds): what every app holds registered with the board, and the timers pending, after
 * the 1st and after the 50th. Equal, or something leaks per breakout.
 */
const BREAKOUTS = 50;
const PARTICIPANTS = 10;
const ROOMS = 2;
const SEED = 20_240_501;
const ROUND_TRIP_MS = 100;

afterEach(() => {
  vi.useRealTimers();
});

it('counts what the apps hold after 1 and after 50 breakouts', { timeout: 600_000 }, async () => {
  const b = await createBreakout({
    participants: PARTICIPANTS,
    rooms: ROOMS,
    seed: SEED,
    sim: { callLatencyMs: ROUND_TRIP_MS, eventLatencyMs: ROUND_TRIP_MS },
  });
  await planBreakout(b);
  const held = new Map<number, Held>();
  await breakoutsInARow(
    {
      sim: b.sim,
      facilitator: b.facilitator,
      run: b.run,
      waitFor: (done, what) => b.runUntil(done, what, 10 * 60_000),
      pass: async (ms) => {
        await vi.advanceTimersByTimeAsync(ms);
        await b.settle();
      },
    },
    BREAKOUTS,
    (breakout, now) => {
      if (breakout === 1 || breakout === BREAKOUTS) held.set(breakout, now);
    },
  );
  const first = held.get(1);
  const last = held.get(BREAKOUTS);
  writePart('leaks', {
    breakouts: BREAKOUTS,
    participants: PARTICIPANTS,
    rooms: ROOMS,
    seed: SEED,
    afterFirst: first,
    afterLast: last,
  });
  // Not the target check (the report does that): only that both counts were taken.
  expect(first && last).toBeTruthy();
});
