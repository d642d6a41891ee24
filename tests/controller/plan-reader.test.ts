import { afterEach, describe, expect, it, vi } from 'vitest';
import { JUMP_CONFIRM_MS, MAX_REVISION_JUMP } from '../../src/controller/plan-reader';
import { PLAN_COLLECTION, PLAN_KEY, type Plan } from '../../src/domain/plan';
import { encodePlan, parsePlan } from '../../src/domain/stored/plan-v1';
import type { Json } from '../../src/sdk/surface';
import { createWorkshop, type Workshop } from '../support/workshop';
import { expectOk, planBreakout } from './plan-breakout';

/**
 * A reader never goes back to a lower revision (D12): a slow read, a reordered echo or another
 * facilitator's older plan arriving after a newer one must not roll the breakout back.
 */

afterEach(() => {
  vi.useRealTimers();
});

async function runningWorkshop(): Promise<{ w: Workshop; plan: Plan }> {
  const w = await createWorkshop({ participants: 2, rooms: 2 });
  await planBreakout(w);
  const plan = expectOk(await w.run(w.facilitator.headless.facilitator.handle({ type: 'start' })));
  await w.flush();
  return { w, plan };
}

/** The plan as it stood before the start, with the running plan's facilitator or another. */
function olderPlan(plan: Plan, revision: number, facilitatorId = plan.facilitator.id): Json {
  const older = encodePlan({
    ...plan,
    revision,
    phase: 'planning',
    startedAt: null,
    endsAt: null,
    facilitator: { ...plan.facilitator, id: facilitatorId },
  });
  // Valid, so only its revision can keep it out.
  expect(parsePlan(older)).toEqual({ status: 'ok', plan: older });
  return older as unknown as Json;
}

const sameContent = (a: Plan | null, b: Plan) =>
  a !== null && equal({ ...a, revision: 0 }, { ...b, revision: 0 });
const equal = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const readers = (w: Workshop) =>
  [w.facilitator, ...w.participants].map((member) => member.headless.reader);

describe('a valid plan of a lower revision', () => {
  it('from the same facilitator (a late echo) replaces the plan in no app', async () => {
    const { w, plan } = await runningWorkshop();
    w.sim.writeStorage(PLAN_COLLECTION, PLAN_KEY, olderPlan(plan, plan.revision - 1));
    await w.flush();
    // The facilitator's app did not write it, so it puts its plan back, one revision further.
    for (const reader of readers(w)) {
      expect(reader.current().status).toBe('ok');
      expect(sameContent(reader.plan(), plan)).toBe(true);
    }
  });

  it("from another facilitator is ignored, and the facilitator's app saves its plan again", async () => {
    const { w, plan } = await runningWorkshop();
    w.sim.writeStorage(PLAN_COLLECTION, PLAN_KEY, olderPlan(plan, 1, 'old-facilitator'));
    await w.flush();
    for (const reader of readers(w)) expect(reader.plan()?.phase).toBe('running');
    const now = parsePlan(w.sim.storageValue(PLAN_COLLECTION, PLAN_KEY));
    expect(now.status === 'ok' && now.plan.phase).toBe('running');
    expect(now.status === 'ok' && now.plan.revision).toBeGreaterThan(plan.revision);
  });
});

it('a valid plan of the same revision with other content replaces the plan in no app', async () => {
  const { w, plan } = await runningWorkshop();
  w.sim.writeStorage(PLAN_COLLECTION, PLAN_KEY, olderPlan(plan, plan.revision));
  await w.flush();
  for (const reader of readers(w)) expect(sameContent(reader.plan(), plan)).toBe(true);
});

it("a valid plan of a higher revision the facilitator's app did not write is put back in every app", async () => {
  const { w, plan } = await runningWorkshop();
  const next = { ...plan, revision: plan.revision + 1, durationMs: 20 * 60_000 };
  w.sim.writeStorage(PLAN_COLLECTION, PLAN_KEY, encodePlan(next) as unknown as Json);
  await w.flush();
  for (const reader of readers(w)) {
    expect(sameContent(reader.plan(), plan)).toBe(true);
    expect(reader.plan()?.revision).toBeGreaterThan(next.revision);
  }
});

it('a second far jump, after the first was put back, has to stand its own wait', async () => {
  const { w, plan } = await runningWorkshop();
  const far = (revision: number) =>
    encodePlan({ ...plan, revision, phase: 'ended' }) as unknown as Json;
  w.sim.writeStorage(PLAN_COLLECTION, PLAN_KEY, far(plan.revision + MAX_REVISION_JUMP + 1));
  await w.flush();
  await w.advance(2 * JUMP_CONFIRM_MS);
  const participants = w.participants.map((member) => member.headless.reader);
  for (const reader of participants) expect(reader.plan()?.phase).toBe('running');
  // The facilitator's app is away now: the next forgery stays in storage, but only moments.
  w.sim.setOnline(w.facilitator.user.id, false);
  w.sim.writeStorage(PLAN_COLLECTION, PLAN_KEY, far(plan.revision + 2 * MAX_REVISION_JUMP));
  await w.advance(JUMP_CONFIRM_MS / 2);
  for (const reader of participants) expect(reader.plan()?.phase).toBe('running');
});
