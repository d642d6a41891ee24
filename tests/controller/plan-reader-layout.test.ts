import { afterEach, describe, expect, it, vi } from 'vitest';
import { LayoutWriter } from '../../src/controller/layout-writer';
import { PlanReader } from '../../src/controller/plan-reader';
import type { PlanAction } from '../../src/domain/actions';
import { shardOf } from '../../src/domain/layout';
import type { Reader } from '../../src/domain/layout-assemble';
import { PLAN_COLLECTION, PLAN_KEY, type Plan } from '../../src/domain/plan';
import { reduceAll } from '../../src/domain/reducer';
import { encodePlan } from '../../src/domain/stored/plan-v1';
import { indexKey, roomsKey, statusKey } from '../../src/domain/stored/plan-v2';
import type { Board } from '../../src/sdk/connect';
import type { Json } from '../../src/sdk/surface';
import { createBoard, settleBoard } from '../../src/simulator/index';
import { frame, person, planWithRooms, room } from '../domain/fixtures';

/**
 * The app's plan reader on a board whose plan is stored in the multi-key layout: it follows the
 * keys the control value names, as they change, and publishes the plan they make.
 */

afterEach(() => {
  vi.useRealTimers();
});

const next = (plan: Plan, ...actions: PlanAction[]): Plan => ({
  ...reduceAll(plan, actions),
  revision: plan.revision + 1,
});

const frames = Array.from({ length: 12 }, (_, n) => frame(`f${n}`));

/** Twelve rooms (two buckets), p1 in the first, p2 in the last. */
const twelveRooms = (): Plan =>
  reduceAll(planWithRooms(...frames.map((f) => f.id)), [
    { type: 'personAssigned', person: person('p1'), roomId: room('f0') },
    { type: 'personAssigned', person: person('p2'), roomId: room('f11') },
  ]);

async function setUp(reader: Reader = { kind: 'everyone' }) {
  vi.useFakeTimers();
  const sim = createBoard({ seed: 3, callLatencyMs: 20, eventLatencyMs: 20 });
  const settle = () => settleBoard(sim, () => vi.advanceTimersToNextTimerAsync());
  const writerUser = sim.addUser({ name: 'Fran' });
  const readerUser = sim.addUser({ id: 'p1', name: 'p1' });
  const tab = (id: string) => {
    const headless = sim.openTab(id).headless;
    if (!headless) throw new Error('no headless iframe');
    return headless.miro.board as unknown as Board;
  };
  const writer = new LayoutWriter(tab(writerUser.id), Date.now);
  const write = async (plan: Plan) => {
    const stored = writer.write(plan);
    await settle();
    await stored;
  };
  const app = new PlanReader(tab(readerUser.id), () => reader);
  const started = app.start();
  await settle();
  await started;
  return { sim, settle, write, app };
}

describe('PlanReader on the multi-key layout', () => {
  it('carries a one-key plan on into the layout, and back to one key only for a plan further on', async () => {
    const { sim, settle, write, app } = await setUp();
    const v1 = twelveRooms();
    sim.writeStorage(PLAN_COLLECTION, PLAN_KEY, encodePlan(v1) as unknown as Json);
    await settle();
    expect(app.plan()).toEqual(v1);
    expect(app.followed()).toEqual([PLAN_KEY]);

    const stored = next(v1, { type: 'roomRenamed', roomId: room('f3'), name: 'Kitchen' });
    await write(stored);
    expect(app.plan()).toEqual(stored);
    expect(app.followed().sort()).toEqual(
      [PLAN_KEY, 'planning', roomsKey(0), statusKey(0), roomsKey(1), statusKey(1)].sort(),
    );

    // The one-key plan written again at the revision held changes nothing.
    sim.writeStorage(
      PLAN_COLLECTION,
      PLAN_KEY,
      encodePlan({ ...v1, revision: stored.revision }) as unknown as Json,
    );
    await settle();
    expect(app.plan()).toEqual(stored);
    // Further on, it is the plan (what this version's facilitator writes, a restore included).
    const further = { ...v1, revision: stored.revision + 5 };
    sim.writeStorage(PLAN_COLLECTION, PLAN_KEY, encodePlan(further) as unknown as Json);
    await settle();
    expect(app.plan()).toEqual(further);
    expect(app.followed()).toEqual([PLAN_KEY]);
  });

  it('follows a bucket added and lets go of a bucket removed', async () => {
    const { write, app } = await setUp();
    let plan = planWithRooms(...frames.slice(0, 10).map((f) => f.id));
    await write(plan);
    expect(app.followed()).not.toContain(roomsKey(1));
    plan = next(plan, { type: 'roomsAdded', frames: frames.slice(10) });
    await write(plan);
    expect(app.followed()).toContain(statusKey(1));
    expect(app.plan()?.rooms).toHaveLength(12);
    plan = next(plan, { type: 'roomRemoved', roomId: room('f11') });
    plan = next(plan, { type: 'roomRemoved', roomId: room('f10') });
    await write(plan);
    expect(app.plan()?.rooms).toHaveLength(10);
    expect(app.followed()).not.toContain(roomsKey(1));
    expect(app.followed()).not.toContain(statusKey(1));
  });

  it('reports damage at one key by key and field, and keeps the plan it had', async () => {
    const { sim, settle, write, app } = await setUp();
    const plan = twelveRooms();
    await write(plan);
    sim.writeStorage(PLAN_COLLECTION, statusKey(0), { schema: 2, rev: 'x' });
    await settle();
    const snapshot = app.current();
    expect(snapshot.status).toBe('corrupt');
    expect(snapshot.status === 'corrupt' && snapshot.message).toMatch(/status:0: rev should be/);
    expect(app.plan()).toEqual(plan);
  });

  it("follows a participant's own room only: control, index shard, bucket and statuses", async () => {
    const { write, app } = await setUp({ kind: 'participant', personId: 'p1' });
    const plan = twelveRooms();
    await write(plan);
    expect(app.followed().sort()).toEqual(
      [PLAN_KEY, indexKey(shardOf('p1')), roomsKey(0), statusKey(0)].sort(),
    );
    expect(app.plan()?.rooms.map((r) => r.id)).toEqual([room('f0')]);
    expect(app.plan()?.people.map((p) => p.id)).toEqual(['p1']);
    // Moved to the last room: its bucket is followed instead.
    await write(next(plan, { type: 'personAssigned', person: person('p1'), roomId: room('f11') }));
    expect(app.followed()).toContain(roomsKey(1));
    expect(app.followed()).not.toContain(roomsKey(0));
    expect(app.plan()?.rooms.map((r) => r.id)).toEqual([room('f11')]);
  });
});
