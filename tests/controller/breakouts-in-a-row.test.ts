import { afterEach, expect, it, vi } from 'vitest';
import { breakoutsInARow, type Driver, type Held } from '../support/breakouts-in-a-row';
import { createWorkshop, type Workshop } from '../support/workshop';
import { planBreakout } from './plan-breakout';

afterEach(() => {
  vi.useRealTimers();
});

const STEP_MS = 100;

const driverOf = (w: Workshop): Driver => ({
  sim: w.sim,
  facilitator: w.facilitator,
  run: w.run,
  async waitFor(done, what) {
    // Ten simulated minutes at most: any step of a breakout takes far less.
    for (let step = 0; step < 6_000; step += 1) {
      if (done()) return;
      await w.advance(STEP_MS);
    }
    throw new Error(`never: ${what}`);
  },
  pass: w.advance,
});

it('holds as many listeners, subscriptions and timers after the 5th breakout as after the 1st', async () => {
  const w = await createWorkshop({ participants: 4, rooms: 2 });
  await planBreakout(w);
  const held: Held[] = [];
  await breakoutsInARow(driverOf(w), 5, (_, now) => held.push(now));
  const [first] = held;
  expect(first?.listeners).toBeGreaterThan(0);
  expect(first?.storageSubscriptions).toBeGreaterThan(0);
  expect(held).toEqual(held.map(() => first));
}, 60_000);
