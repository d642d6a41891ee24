import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanReader } from '../../src/controller/plan-reader';
import { PlanWriter } from '../../src/controller/plan-writer';
import { parseMessage } from '../../src/domain/messages';
import type { Plan } from '../../src/domain/plan';
import { encodePlan, parsePlan } from '../../src/domain/stored/plan-v1';
import type { Board } from '../../src/sdk/connect';
import type { Json } from '../../src/sdk/surface';
import { propertyOptions, reachablePlanArb, runningPlan } from '../domain/fixtures';

/**
 * Controller-level hostile data (the domain parse properties are in tests/domain): whatever lands
 * in storage or arrives as a broadcast, the reader keeps the last good plan, the writer never
 * writes over a plan from a newer app version, and nothing throws. Seeded: a failure prints the
 * seed and the counterexample.
 */

type Stored = {
  value: Json | undefined;
  writes: Json[];
  handler: ((value: Json | undefined) => void) | null;
};

function fakeBoard(stored: Stored): Board {
  const collection = {
    get: async () => stored.value,
    set: async (_key: string, value: Json) => {
      stored.writes.push(value);
      stored.value = value;
    },
    onValue: async (_key: string, handler: (value: Json | undefined) => void) => {
      stored.handler = handler;
    },
    offValue: async () => {},
  };
  return { storage: { collection: () => collection } } as unknown as Board;
}

/** The revision of the good plan each run starts from. */
const HELD_REVISION = 5;

/**
 * Valid plans, in any phase, of a revision no higher than the one held: a late echo of this
 * facilitator's own writes, or an older plan of another facilitator landing after a take-over.
 * Only their revision keeps them out.
 */
const notNewerPlan: fc.Arbitrary<Json> = fc
  .tuple(reachablePlanArb, fc.integer({ min: 0, max: HELD_REVISION }))
  .map(([plan, revision]) => encodePlan({ ...plan, revision }) as unknown as Json);

const validRevision = (value: unknown): number | null => {
  const read = parsePlan(value);
  return read.status === 'ok' ? read.plan.revision : null;
};

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  notNewerPlan,
  fc.jsonValue(),
  fc.anything(),
  fc.string({ maxLength: 10_000 }),
  fc.letrec((tie) => ({
    deep: fc.oneof(
      { depthSize: 'small' },
      fc.constant(null),
      fc.array(tie('deep'), { maxLength: 2 }),
    ),
  })).deep,
  fc.record({ schema: fc.integer({ min: 2, max: 1e9 }), revision: fc.nat() }),
);

describe('hostile storage values', () => {
  it('the generator of older plans gives valid plans of no higher revision', () => {
    fc.assert(
      fc.property(notNewerPlan, (value) => {
        expect(validRevision(value)).not.toBeNull();
        expect(validRevision(value)).toBeLessThanOrEqual(HELD_REVISION);
      }),
      propertyOptions,
    );
  });

  it('never throws, keeps the last good plan, and reports a message', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostile, { maxLength: 8 }), async (values) => {
        const good: Plan = { ...runningPlan(), revision: HELD_REVISION };
        const stored: Stored = { value: good as unknown as Json, writes: [], handler: null };
        const reader = new PlanReader(fakeBoard(stored));
        await reader.start();
        for (const value of values) stored.handler?.(value as Json);
        const plan = reader.plan();
        // A valid plan with a higher revision may replace it; nothing else may, and what it
        // holds is the highest revision that arrived.
        const highest = Math.max(
          HELD_REVISION,
          ...values.map((value) => validRevision(value) ?? 0),
        );
        expect(plan).not.toBeNull();
        expect((plan as Plan).revision).toBe(highest);
        if (highest === HELD_REVISION) expect(plan).toEqual(good);
        const snapshot = reader.current();
        if (snapshot.status === 'corrupt' || snapshot.status === 'future') {
          expect(snapshot.message.length).toBeGreaterThan(10);
        }
      }),
      propertyOptions,
    );
  });

  it('a plan from a newer version is read-only: the writer refuses to write over it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 1_000_000 }), async (version) => {
        const future = { ...runningPlan(), schema: version } as unknown as Json;
        const stored: Stored = { value: future, writes: [], handler: null };
        const board = fakeBoard(stored);
        const reader = new PlanReader(board);
        await reader.start();
        const writer = new PlanWriter(board, reader, { writerId: 'fac', onProblem: () => {} });
        await expect(writer.apply([{ type: 'helpResolved', personId: 'x' }])).rejects.toThrow(
          /newer version/,
        );
        expect(stored.writes).toEqual([]);
        expect(reader.current().status).toBe('future');
      }),
      propertyOptions,
    );
  });
});

describe('hostile broadcasts', () => {
  it('parseMessage never throws and accepts only well-formed messages of bounded size', () => {
    fc.assert(
      fc.property(hostile, (payload) => {
        const message = parseMessage(payload);
        if (message) {
          expect(['help-requested', 'rejoin-requested', 'joined-room']).toContain(message.type);
          expect(message.from.name.length).toBeLessThanOrEqual(80);
        }
      }),
      propertyOptions,
    );
  });
});
