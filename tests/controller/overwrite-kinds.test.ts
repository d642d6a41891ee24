import { describe, expect, it } from 'vitest';
import { claimOf, overwriteKind } from '../../src/controller/plan-defence';
import { layoutOf } from '../../src/domain/layout';
import { PLAN_KEY, type Plan } from '../../src/domain/plan';
import { encodePlan } from '../../src/domain/stored/plan-v1';
import { LAYOUT_VERSION, statusKey } from '../../src/domain/stored/plan-v2';
import type { Json } from '../../src/sdk/surface';
import { frame, person, planWithRooms } from '../domain/fixtures';

/**
 * What the facilitator is told an overwrite was (the panel's "Put back" notice), from the value
 * alone, at the plan's key in either layout and at a value the control value governs.
 */

const held: Plan = { ...planWithRooms(frame('f1').id), revision: 40 };
const kindOf = (key: string, value: unknown) =>
  overwriteKind(held, key, value as Json | undefined, claimOf(key, value as Json | undefined));
const control = (plan: Plan) => layoutOf(plan, null).control;

describe('an overwrite of the facilitator’s plan is told as', () => {
  it('a later revision or an older plan, by the revision it claims, in either layout', () => {
    expect(kindOf(PLAN_KEY, encodePlan({ ...held, revision: 41 }))).toBe('later');
    expect(kindOf(PLAN_KEY, encodePlan({ ...held, revision: 40 }))).toBe('older');
    expect(kindOf(PLAN_KEY, control({ ...held, revision: 90 }))).toBe('later');
    expect(kindOf(PLAN_KEY, control({ ...held, revision: 3 }))).toBe('older');
  });

  it('another facilitator, whatever its revision', () => {
    const named = { ...held, revision: 41, facilitator: person('mallory') };
    expect(kindOf(PLAN_KEY, encodePlan(named))).toBe('other facilitator');
    expect(kindOf(PLAN_KEY, control(named))).toBe('other facilitator');
  });

  it('a future version, damaged data or a deletion', () => {
    expect(kindOf(PLAN_KEY, { ...encodePlan(held), schema: 99 })).toBe('future');
    expect(kindOf(PLAN_KEY, { schema: 1, rooms: 'nonsense' })).toBe('damaged');
    expect(kindOf(PLAN_KEY, undefined)).toBe('removed');
  });

  it('for a value the control value governs: by its revision, or damaged', () => {
    const statuses = { schema: LAYOUT_VERSION, rev: 41, at: 45, statuses: ['joined'] };
    expect(kindOf(statusKey(0), statuses)).toBe('later');
    expect(kindOf(statusKey(0), { ...statuses, rev: 12, at: 12 })).toBe('older');
    expect(kindOf(statusKey(0), { rev: 'x' })).toBe('damaged');
  });
});
