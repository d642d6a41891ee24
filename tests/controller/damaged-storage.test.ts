import { afterEach, describe, expect, it, vi } from 'vitest';
import { OVERWRITTEN_MESSAGE, REMOVED_MESSAGE } from '../../src/controller/plan-reader';
import { PLAN_COLLECTION, PLAN_KEY, type Plan } from '../../src/domain/plan';
import { parsePlan } from '../../src/domain/stored/plan-v1';
import type { Json } from '../../src/sdk/surface';
import { createWorkshop, type Workshop } from '../support/workshop';
import { answer, expectOk, planBreakout } from './plan-breakout';

/**
 * Anyone who runs the app can write its storage key. Whatever lands there over a running
 * breakout, the apps carry on with the plan they hold and the facilitator's app saves it again,
 * so someone who opens the board afterwards reads the good plan too.
 */

afterEach(() => {
  vi.useRealTimers();
});

async function runningWorkshop(): Promise<{ w: Workshop; plan: Plan }> {
  const w = await createWorkshop({ participants: 4, rooms: 2 });
  await planBreakout(w);
  expectOk(await w.run(w.facilitator.headless.facilitator.handle({ type: 'start' })));
  const [first] = w.participants;
  if (!first) throw new Error('no participant');
  answer(w, first, 'accepted');
  await w.flush();
  return { w, plan: w.facilitator.headless.reader.plan() as Plan };
}

const stored = (w: Workshop) => parsePlan(w.sim.storageValue(PLAN_COLLECTION, PLAN_KEY));

const damage: [string, Json | undefined, string][] = [
  ['data the app cannot read', { rooms: 'all of them', schema: 1 }, OVERWRITTEN_MESSAGE],
  ['a removal', undefined, REMOVED_MESSAGE],
];

describe.each(damage)('%s written over a running breakout', (_, value, message) => {
  it("is replaced by the facilitator's app with the plan everyone held", async () => {
    const { w, plan } = await runningWorkshop();
    const participant = w.participants[1];
    if (!participant) throw new Error('no participant');
    const seen: string[] = [];
    participant.headless.reader.subscribe((snapshot) => {
      if (snapshot.status === 'corrupt') seen.push(snapshot.message);
    });

    w.sim.writeStorage(PLAN_COLLECTION, PLAN_KEY, value);
    await w.flush();

    const now = stored(w);
    expect(now.status).toBe('ok');
    if (now.status !== 'ok') return;
    expect(now.plan.revision).toBeGreaterThan(plan.revision);
    expect({ ...now.plan, revision: plan.revision }).toEqual(plan);
    // Participants were told what happened, kept the breakout, and read the good plan again.
    expect(seen).toEqual([message]);
    expect(participant.headless.reader.current().status).toBe('ok');
    expect(participant.headless.reader.plan()?.phase).toBe('running');

    // Someone who opens the board now reads the running breakout, not the damage.
    const late = await w.join(w.sim.addUser({ name: 'Late Comer' }));
    expect(late.headless.reader.current().status).toBe('ok');
    expect(late.headless.reader.plan()?.runId).toBe(plan.runId);
  });
});

it('a burst of damage costs the facilitator one restore per write that lands, not one per value', async () => {
  const { w, plan } = await runningWorkshop();
  w.sim.setOptions({ callLatencyMs: 200 });
  const before = w.facilitator.headless.writer.writeCount();
  for (let index = 0; index < 10; index += 1) {
    w.sim.writeStorage(PLAN_COLLECTION, PLAN_KEY, { garbage: index });
  }
  await w.flush();
  const restores = w.facilitator.headless.writer.writeCount() - before;
  expect(restores).toBeGreaterThanOrEqual(1);
  expect(restores).toBeLessThanOrEqual(2);
  const now = stored(w);
  expect(now.status === 'ok' && now.plan.runId).toBe(plan.runId);
});

it("a value of a newer version the facilitator's app did not write is put back, not obeyed", async () => {
  const { w, plan } = await runningWorkshop();
  const future = { ...plan, schema: 99, revision: plan.revision + 1 } as unknown as Json;
  w.sim.writeStorage(PLAN_COLLECTION, PLAN_KEY, future);
  await w.flush();
  const stored = parsePlan(w.sim.storageValue(PLAN_COLLECTION, PLAN_KEY));
  expect(stored.status === 'ok' && stored.plan.phase).toBe('running');
  expect(w.facilitator.headless.reader.current().status).toBe('ok');
  for (const member of w.participants) expect(member.headless.reader.plan()?.phase).toBe('running');
});
