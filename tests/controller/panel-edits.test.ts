import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlanAction } from '../../src/domain/actions';
import { PLAN_COLLECTION, PLAN_KEY } from '../../src/domain/plan';
import { createWorkshop } from '../support/workshop';
import { expectOk, planBreakout, storedPlan } from './plan-breakout';

/**
 * The panel sends planning changes as plain edits; everything that runs a breakout (start, end,
 * joins, take-over) goes through its own command, with its checks and its calls to Miro. An edit
 * carrying any other action is refused whole and writes nothing.
 */

afterEach(() => {
  vi.useRealTimers();
});

const notEdits: [string, PlanAction][] = [
  ['a start without opening any room', { type: 'breakoutStarting', runId: 'forged', at: 1 }],
  ['an end without closing any session', { type: 'breakoutEnded', at: 1 }],
  [
    'a take-over without asking Miro',
    { type: 'facilitatorTookOver', facilitator: { id: 'someone', name: 'Someone' } },
  ],
];

describe.each(notEdits)('an edit that carries %s', (_, action) => {
  it('is refused with its name, and nothing is written', async () => {
    const w = await createWorkshop({ participants: 2, rooms: 2 });
    const before = await planBreakout(w);
    const stored = w.sim.storageValue(PLAN_COLLECTION, PLAN_KEY);
    const writes = w.facilitator.headless.writer.writeCount();

    const result = await w.run(
      w.facilitator.headless.facilitator.handle({
        type: 'edit',
        actions: [{ type: 'durationSet', durationMs: 5 * 60_000 }, action],
      }),
    );

    expect(result).toEqual({
      ok: false,
      message: `"${action.type}" is not an edit the panel can make.`,
    });
    await w.flush();
    expect(w.facilitator.headless.writer.writeCount()).toBe(writes);
    expect(w.sim.storageValue(PLAN_COLLECTION, PLAN_KEY)).toEqual(stored);
    expect(storedPlan(w)).toEqual(before);
  });
});

it('an edit of planning actions only is written', async () => {
  const w = await createWorkshop({ participants: 2, rooms: 2 });
  await planBreakout(w);
  const plan = expectOk(
    await w.run(
      w.facilitator.headless.facilitator.handle({
        type: 'edit',
        actions: [{ type: 'durationSet', durationMs: 5 * 60_000 }],
      }),
    ),
  );
  expect(plan.durationMs).toBe(5 * 60_000);
  expect(storedPlan(w).durationMs).toBe(5 * 60_000);
});
