import { vi } from 'vitest';
import type { CommandResult } from '../../src/controller/commands';
import type { Headless } from '../../src/controller/headless';
import type { Registrations, SimBoard } from '../../src/simulator/api';

/**
 * Whole breakouts one after the other on one board, as a facilitator who runs a workshop all day
 * does: start, everyone accepts and joins, end, "Run again". After each end it reads what the
 * apps still hold (the simulator's count of registered handlers, and the timers pending on
 * Vitest's fake clock): a leak shows as a count that grows from one breakout to the next. Used
 * by the fast test (tests/controller/breakouts-in-a-row.test.ts) and by `npm run bench`.
 */

export type Held = Registrations & { timers: number };

/** A planned breakout on fake timers, and how to drive it (the bench's or the tests' board). */
export type Driver = {
  sim: SimBoard;
  facilitator: { headless: Headless };
  run<T>(promise: Promise<T>): Promise<T>;
  /** Drives the board (and fake time) until `done` holds; fails naming `what` otherwise. */
  waitFor(done: () => boolean, what: string): Promise<void>;
  /** Lets `ms` of simulated time pass, with everything that falls due in it. */
  pass(ms: number): Promise<void>;
};

const expectOk = (result: CommandResult, what: string) => {
  if (!result.ok) throw new Error(`${what} failed: ${result.message}`);
};

/** Simulated time after each end before counting: longer than any wait the end starts. */
const SETTLE_AFTER_END_MS = 3 * 60_000;

export const heldNow = (sim: SimBoard): Held => ({
  ...sim.registrations(),
  timers: vi.getTimerCount(),
});

/** Runs `count` breakouts of the planned board; `after(n, held)` after the end of the n-th. */
export async function breakoutsInARow(
  driver: Driver,
  count: number,
  after: (breakout: number, held: Held) => void,
): Promise<void> {
  const { sim, facilitator, run, waitFor } = driver;
  const control = facilitator.headless.facilitator;
  const plan = () => facilitator.headless.reader.plan();
  const acceptAll = () => {
    for (const invitation of sim.invitations()) {
      sim.respondToInvitation(invitation.id, 'accepted', 'clicked-button');
    }
  };
  for (let breakout = 1; breakout <= count; breakout += 1) {
    expectOk(await run(control.handle({ type: 'start' })), `start ${breakout}`);
    await waitFor(() => {
      acceptAll();
      return plan()?.people.every((person) => person.status === 'joined') === true;
    }, `everyone joined breakout ${breakout}`);
    expectOk(await run(control.handle({ type: 'end' })), `end ${breakout}`);
    await waitFor(
      () => plan()?.phase === 'ended' && facilitator.headless.writer.pendingEvents() === 0,
      `breakout ${breakout} ended`,
    );
    // What the end set going (moves back, a last look at the rooms, retries) has run its course.
    await driver.pass(SETTLE_AFTER_END_MS);
    after(breakout, heldNow(sim));
    expectOk(await run(control.handle({ type: 'runAgain' })), `run again after ${breakout}`);
  }
}
