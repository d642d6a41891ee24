import { expect, test } from 'vitest';
import { LEASE_HEARTBEAT_MS } from '../../src/domain/device-lease';
import { PLAN_COLLECTION } from '../../src/domain/plan';
import { LEASE_KEY, parseLease } from '../../src/domain/stored/lease';
import { openPanel, planned, until, workshop } from './harness';

test('second device: the facilitator’s panel on their other device says which device runs the breakout and when it was seen, and "Run it here" moves it there', async () => {
  const w = await workshop({ participants: 2, rooms: 2 });
  await planned(w, { start: true });
  const laptop = await w.join(w.facilitator.user, 'laptop');
  try {
    const panel = await openPanel(w, laptop);
    await until(
      w,
      () => panel.getByText(/^Your other device runs the breakout, seen \d+ s ago\.$/),
      'the waiting notice shows',
    );
    // The first device beats: the notice counts from its latest beat, never past one heartbeat.
    await until(w, () => panel.getByText(/seen [1-9] s ago/), 'the notice counts the seconds');
    const seconds = () =>
      Number(/seen (\d+) s ago/.exec(panel.getByText(/seen \d+ s ago/).textContent ?? '')?.[1]);
    for (let round = 0; round < 30; round += 1) {
      await until(w, () => true, 'time passes');
      expect(seconds()).toBeLessThanOrEqual(LEASE_HEARTBEAT_MS / 1000 + 1);
    }
    expect(panel.getByText(/seen \d+ s ago/).closest('[role="status"]')).toBeTruthy();

    await panel.user.click(panel.getByRole('button', { name: 'Run it here' }));
    await until(
      w,
      () => !panel.queryByText(/Your other device runs the breakout/),
      'the notice goes once this device runs it',
    );
    expect(laptop.headless.facilitator.isFacilitator()).toBe(true);
    expect(parseLease(w.sim.storageValue(PLAN_COLLECTION, LEASE_KEY))).toMatchObject({ epoch: 2 });
    expect(panel.getByRole('button', { name: 'End breakout' })).toBeTruthy();
  } finally {
    laptop.headless.stop();
  }
}, 30_000);
