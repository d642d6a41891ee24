import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAllowedInPhase, reduceAll, reducePlan } from '../../src/domain/reducer';
import { encodePlan, parsePlan } from '../../src/domain/stored/plan-v1';
import { actionArb, deepFreeze, propertyOptions, reachablePlanArb } from './fixtures';

describe('reducePlan properties', () => {
  it('never mutates the plan or the action it is given', () => {
    fc.assert(
      fc.property(reachablePlanArb, actionArb, (plan, action) => {
        const planBefore = structuredClone(plan);
        const actionBefore = structuredClone(action);
        // Frozen: any write to the input throws in strict-mode code.
        reducePlan(deepFreeze(plan), deepFreeze(action));
        expect(plan).toEqual(planBefore);
        expect(action).toEqual(actionBefore);
      }),
      propertyOptions,
    );
  });

  it('always produces a plan that reads back as valid: nobody in two rooms, no dangling room', () => {
    fc.assert(
      fc.property(reachablePlanArb, actionArb, (plan, action) => {
        const next = reducePlan(plan, action);
        const read = parsePlan(JSON.parse(JSON.stringify(encodePlan(next))));
        expect(read).toEqual({ status: 'ok', plan: next });
        const ids = next.people.map((person) => person.id);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      propertyOptions,
    );
  });

  it('leaves the revision to the writer', () => {
    fc.assert(
      fc.property(reachablePlanArb, fc.array(actionArb, { maxLength: 10 }), (plan, actions) => {
        expect(reduceAll(plan, actions).revision).toBe(plan.revision);
      }),
      propertyOptions,
    );
  });

  it('returns the very same plan for an action its phase does not allow', () => {
    fc.assert(
      fc.property(reachablePlanArb, actionArb, (plan, action) => {
        fc.pre(!isAllowedInPhase(action.type, plan.phase));
        expect(reducePlan(plan, action)).toBe(plan);
      }),
      propertyOptions,
    );
  });

  it('returns a new object only when something really changed, so no write is wasted', () => {
    fc.assert(
      fc.property(reachablePlanArb, actionArb, (plan, action) => {
        const next = reducePlan(plan, action);
        if (next !== plan) expect(next).not.toEqual(plan);
      }),
      propertyOptions,
    );
  });

  it('applying the same event twice changes nothing the second time (duplicate events)', () => {
    fc.assert(
      fc.property(reachablePlanArb, actionArb, (plan, action) => {
        const once = reducePlan(plan, action);
        expect(reducePlan(once, action)).toEqual(once);
      }),
      propertyOptions,
    );
  });

  it('while planning, everyone in the plan has a room', () => {
    fc.assert(
      fc.property(reachablePlanArb, (plan) => {
        if (plan.phase === 'planning') {
          expect(plan.people.every((person) => person.roomId !== null)).toBe(true);
        }
      }),
      propertyOptions,
    );
  });

  it('reduceAll is the same as reducing one action after another', () => {
    fc.assert(
      fc.property(reachablePlanArb, fc.array(actionArb, { maxLength: 10 }), (plan, actions) => {
        const stepwise = actions.reduce((current, action) => reducePlan(current, action), plan);
        expect(reduceAll(plan, actions)).toEqual(stepwise);
      }),
      propertyOptions,
    );
  });
});
