import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanAction } from '../../src/domain/actions';
import { type Layout, layoutOf, layoutWrites } from '../../src/domain/layout';
import { assemble, type Reader } from '../../src/domain/layout-assemble';
import { type Held, NOTHING_HELD, received } from '../../src/domain/layout-reader';
import { PLAN_KEY, type Plan } from '../../src/domain/plan';
import { reduceAll } from '../../src/domain/reducer';
import { encodePlan } from '../../src/domain/stored/plan-v1';
import { statusKey } from '../../src/domain/stored/plan-v2';
import { actionArb, person, planWithRooms, propertyOptions, room } from './fixtures';

const copy = (value: unknown) =>
  value === undefined ? undefined : JSON.parse(JSON.stringify(value));

/**
 * A breakout planned with the fixtures' rooms f1-f5 first and twelve more (so the rooms fill two
 * buckets), p1 and p2 in f1, q1 in the last room.
 */
function base(): Plan {
  const more = Array.from({ length: 12 }, (_, n) => `g${n}`);
  return reduceAll(planWithRooms('f1', 'f2', 'f3', 'f4', 'f5', ...more), [
    { type: 'personAssigned', person: person('p1'), roomId: room('f1') },
    { type: 'personAssigned', person: person('p2'), roomId: room('f1') },
    { type: 'personAssigned', person: person('q1'), roomId: room('g11') },
  ]);
}

type Written = { key: string; value: unknown };

/** The writer: every batch one revision on, its values in the order layoutWrites gives. */
function write(batches: PlanAction[][]): { log: Written[]; layouts: Layout[] } {
  let plan = base();
  let stored: Layout | null = null;
  const log: Written[] = [];
  const layouts: Layout[] = [];
  for (const batch of [[], ...batches]) {
    plan = { ...reduceAll(plan, batch), revision: plan.revision + 1 };
    const layout = layoutOf(plan, stored);
    const writes = layoutWrites(stored, layout);
    for (const { key, value } of writes.values) log.push({ key, value: copy(value) });
    if (writes.control) log.push({ key: PLAN_KEY, value: copy(writes.control) });
    for (const key of writes.removed) log.push({ key, value: undefined });
    stored = layout;
    layouts.push(layout);
  }
  return { log, layouts };
}

/** Each key's values in write order; which key's next value arrives next, and whether it is lost. */
function deliver(log: Written[], schedule: Array<{ pick: number; drop: boolean }>): Written[] {
  const queues = new Map<string, unknown[]>();
  for (const { key, value } of log) queues.set(key, [...(queues.get(key) ?? []), value]);
  const delivered: Written[] = [];
  for (const { pick, drop } of schedule) {
    const keys = [...queues].filter(([, queue]) => queue.length > 0).map(([key]) => key);
    const key = keys[pick % Math.max(1, keys.length)];
    if (key === undefined) break;
    const value = queues.get(key)?.shift();
    if (!drop) delivered.push({ key, value });
  }
  for (const [key, queue] of queues) for (const value of queue) delivered.push({ key, value });
  return delivered;
}

const withoutStatuses = (plan: Plan) => ({
  ...plan,
  revision: 0,
  people: plan.people.map(({ status: _status, ...rest }) => rest),
});

const scheduleArb = fc.array(fc.record({ pick: fc.nat(), drop: fc.boolean() }), { maxLength: 80 });
const batchesArb = fc.array(fc.array(actionArb, { minLength: 1, maxLength: 3 }), { maxLength: 8 });

function check(reader: Reader) {
  fc.assert(
    fc.property(batchesArb, scheduleArb, (batches, schedule) => {
      const { log, layouts } = write(batches);
      const whole = layouts.flatMap((layout) => {
        const result = assemble(layout.control, layout.values, reader);
        return result.status === 'ok' ? [result.plan] : [];
      });
      const structures = new Set(whole.map((plan) => JSON.stringify(withoutStatuses(plan))));
      const statuses = new Set(
        whole.flatMap((plan) => plan.people.map((p) => JSON.stringify([p.id, p.roomId, p.status]))),
      );
      let held: Held = NOTHING_HELD;
      let revision = -1;
      for (const { key, value } of deliver(log, schedule)) {
        held = received(held, key, value, reader).held;
        const plan = held.plan;
        if (plan === null) continue;
        // Never half of a change: rooms, people and settings are those of one written plan, and
        // each person's status is one they had in that room.
        expect(structures).toContain(JSON.stringify(withoutStatuses(plan)));
        for (const p of plan.people) {
          expect(statuses).toContain(JSON.stringify([p.id, p.roomId, p.status]));
        }
        expect(plan.revision).toBeGreaterThanOrEqual(revision);
        revision = plan.revision;
      }
      // Reading every key once more (what re-reads do) reaches the last plan.
      const last = layouts.at(-1) as Layout;
      for (const key of [PLAN_KEY, ...last.values.keys()]) {
        const value = key === PLAN_KEY ? last.control : last.values.get(key);
        held = received(held, key, copy(value), reader).held;
      }
      const final = assemble(last.control, last.values, reader);
      expect(final.status === 'ok' && held.plan).toEqual(final.status === 'ok' && final.plan);
    }),
    { ...propertyOptions, numRuns: Math.min(propertyOptions.numRuns, 100) },
  );
}

describe('a reader of the multi-key layout under reordered and lost notifications', () => {
  it('the facilitator only ever holds a plan that was written, and reaches the last one', () => {
    check({ kind: 'everyone' });
  });

  it('so does a participant following their own room', () => {
    check({ kind: 'participant', personId: 'p1' });
  });
});

describe('received', () => {
  const layout = layoutOf({ ...base(), revision: 7 }, null);
  const everyone: Reader = { kind: 'everyone' };
  const readAll = () =>
    [...layout.values].reduce(
      (held, [key, value]) => received(held, key, copy(value), everyone).held,
      received(NOTHING_HELD, PLAN_KEY, copy(layout.control), everyone).held,
    );

  it('asks for what the control value lists and has not arrived', () => {
    const first = received(NOTHING_HELD, PLAN_KEY, copy(layout.control), everyone);
    expect(first.held.plan).toBeNull();
    expect(first.reread).toContain(statusKey(1));
  });

  it('keeps its plan through damage, a removal and an older control value', () => {
    const held = readAll();
    expect(held.plan).toEqual(assemble(layout.control, layout.values).status === 'ok' && held.plan);
    const damaged = received(held, statusKey(0), { schema: 2, rev: 'x' }, everyone);
    expect(damaged.held).toBe(held);
    expect(damaged.problem).toMatch(/status:0: rev should be/);
    expect(received(held, statusKey(0), undefined, everyone).held).toBe(held);
    const older = { ...copy(layout.control), revision: 3 };
    expect(received(held, PLAN_KEY, older, everyone).held).toBe(held);
  });

  it('reads a one-key plan before the first control value, and after it only one further on', () => {
    const v1 = encodePlan({ ...base(), revision: 5 });
    const before = received(NOTHING_HELD, PLAN_KEY, copy(v1), everyone);
    expect(before.held.plan).toEqual(v1);
    const held = readAll();
    const control = Math.max(held.control?.revision ?? 0, held.plan?.revision ?? 0);
    const behind = received(held, PLAN_KEY, copy({ ...v1, revision: control }), everyone);
    expect(behind.held).toBe(held);
    const further = received(held, PLAN_KEY, copy({ ...v1, revision: control + 1 }), everyone);
    expect(further.held).toEqual({
      control: null,
      values: new Map(),
      plan: { ...v1, revision: control + 1 },
    });
  });
});
