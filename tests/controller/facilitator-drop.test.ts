import { afterEach, describe, expect, it, vi } from 'vitest';
import { BEHIND_ITS_START } from '../../src/controller/claim';
import { RESTORED_NOTIFICATION } from '../../src/controller/headless';
import { JUMP_CONFIRM_MS } from '../../src/controller/plan-reader';
import { OFFLINE_TAKE_OVER_MS } from '../../src/domain/co-facilitation';
import { PLAN_COLLECTION, PLAN_KEY } from '../../src/domain/plan';
import { parsePlan } from '../../src/domain/stored/plan-v1';
import { createWorkshop, type Member, type Workshop } from '../support/workshop';
import { expectOk, planBreakout, storedPlan } from './plan-breakout';

/**
 * The facilitator's network drops while rooms run, for longer than the minute after which anyone
 * may take over (issue #15, fault runs seed 920030). Their app, which saw itself online in
 * Miro's list before and after, follows a take-over made meanwhile: it writes nothing over it,
 * whatever it had still to write, and goes on as a co-facilitator.
 */

afterEach(() => {
  vi.useRealTimers();
});

async function running(): Promise<{ w: Workshop; ada: Member; bo: Member; planned: unknown }> {
  const w = await createWorkshop({ participants: 3, rooms: 2 });
  await planBreakout(w);
  const planned = w.sim.storageValue(PLAN_COLLECTION, PLAN_KEY);
  expectOk(await w.run(w.facilitator.headless.facilitator.handle({ type: 'start' })));
  await w.flush();
  const [ada, bo] = w.participants;
  if (!ada || !bo) throw new Error('participants missing');
  return { w, ada, bo, planned };
}

/** Every plan naming `userId` that lands in storage from now on. */
function plansOf(w: Workshop, userId: string): number[] {
  const landed: number[] = [];
  w.sim.subscribe((change) => {
    if (change.kind !== 'storage') return;
    const read = parsePlan(w.sim.storageValue(PLAN_COLLECTION, PLAN_KEY));
    if (read.status === 'ok' && read.plan.facilitator.id === userId)
      landed.push(read.plan.revision);
  });
  return landed;
}

describe('the facilitator back from a drop of more than a minute', () => {
  it('follows the take-over made meanwhile: nothing of theirs lands over it, and they co-facilitate', async () => {
    const { w, bo } = await running();
    const fran = w.facilitator;
    // A room's frame deleted just before the drop: the app records it and has still to save it.
    const frameId = storedPlan(w).rooms[1]?.frameId ?? '';
    w.sim.deleteItem(frameId);
    await w.advance(100);
    w.sim.setOnline(fran.user.id, false);
    await w.flush();
    // Pressed while the network is down: the app keeps trying to save it.
    const announced = w.run(
      fran.headless.facilitator.handle({ type: 'announce', text: 'Five more minutes' }),
    );
    await w.advance(OFFLINE_TAKE_OVER_MS + 5_000);
    expectOk(await w.run(bo.headless.facilitator.handle({ type: 'claim' })));
    await w.flush();
    const stale = plansOf(w, fran.user.id);

    w.sim.setOnline(fran.user.id, true);
    await w.flush();
    await w.advance(30_000);
    await w.flush();
    await announced;

    expect(stale).toEqual([]);
    expect(storedPlan(w).facilitator.id).toBe(bo.user.id);
    expect(storedPlan(w).coFacilitation.coFacilitatorIds).toContain(fran.user.id);
    expect(fran.headless.reader.plan()?.facilitator.id).toBe(bo.user.id);
    expect(fran.headless.facilitator.isFacilitator()).toBe(false);
    const told = w.sim.notifications(fran.user.id).map((notification) => notification.message);
    expect(told).not.toContain(RESTORED_NOTIFICATION);
  });

  it('is not taken over from an older plan written meanwhile: that would close every room (seed 103)', async () => {
    const { w, bo, planned } = await running();
    const fran = w.facilitator;
    w.sim.setOnline(fran.user.id, false);
    await w.flush();
    // A participant's app writes the plan from before the start back: nobody puts it right while
    // Fran is away, and readers take it once it has stood JUMP_CONFIRM_MS.
    w.sim.writeStorage(
      PLAN_COLLECTION,
      PLAN_KEY,
      planned as Parameters<typeof w.sim.writeStorage>[2],
    );
    await w.advance(JUMP_CONFIRM_MS + 1_000);
    await w.flush();
    await w.advance(OFFLINE_TAKE_OVER_MS);
    const taken = await w.run(bo.headless.facilitator.handle({ type: 'claim' }));
    await w.flush();

    expect(taken).toEqual({ ok: false, message: BEHIND_ITS_START });
    expect(w.sim.sessions().filter((session) => !session.ended)).toHaveLength(2);
    w.sim.setOnline(fran.user.id, true);
    await w.advance(10_000);
    await w.flush();
    expect(storedPlan(w).phase).toBe('running');
    expect(storedPlan(w).facilitator.id).toBe(fran.user.id);
  });
});
