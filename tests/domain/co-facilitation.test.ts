import { describe, expect, it } from 'vitest';
import {
  HAND_OVER_MS,
  MAX_CO_FACILITATORS,
  OFFLINE_TAKE_OVER_MS,
  takeOverRight,
} from '../../src/domain/co-facilitation';
import type { Plan } from '../../src/domain/plan';
import { reduceAll, reducePlan } from '../../src/domain/reducer';
import { encodePlan, parsePlan } from '../../src/domain/stored/plan-v1';
import { FACILITATOR, newPlan, person, runningPlan } from './fixtures';

const online = { now: 10_000, offlineSince: null };

function readBack(plan: Plan): Plan {
  const read = parsePlan(JSON.parse(JSON.stringify(encodePlan(plan))));
  if (read.status !== 'ok') throw new Error(`not read back: ${JSON.stringify(read)}`);
  return read.plan;
}

describe('co-facilitator: who may take over', () => {
  it('a co-facilitator may take over at once, anyone else may not while the facilitator is online', () => {
    const plan = reducePlan(runningPlan(), { type: 'coFacilitatorsNamed', personIds: ['p1'] });
    expect(takeOverRight(plan, 'p1', online)).toEqual({ may: true, why: 'co-facilitator' });
    expect(takeOverRight(plan, 'p2', online)).toEqual({ may: false, allowedAt: null });
    expect(takeOverRight(runningPlan(), 'p1', online).may).toBe(false);
  });

  it('anyone may take over once the facilitator has been offline for 60 s as this reader saw it, and not a moment before', () => {
    const plan = runningPlan();
    const since = 5_000;
    expect(
      takeOverRight(plan, 'p2', { now: since + OFFLINE_TAKE_OVER_MS - 1, offlineSince: since }),
    ).toEqual({
      may: false,
      allowedAt: since + OFFLINE_TAKE_OVER_MS,
    });
    expect(
      takeOverRight(plan, 'p2', { now: since + OFFLINE_TAKE_OVER_MS, offlineSince: since }),
    ).toEqual({
      may: true,
      why: 'offline',
      offlineMs: OFFLINE_TAKE_OVER_MS,
    });
  });

  it('co-facilitators are stored ids, each once, never the facilitator, at most ten, in both directions of storage', () => {
    const ids = ['p1', 'p1', FACILITATOR.id, '', ...Array.from({ length: 20 }, (_, i) => `x${i}`)];
    const plan = readBack(reducePlan(newPlan(), { type: 'coFacilitatorsNamed', personIds: ids }));
    expect(plan.coFacilitation.coFacilitatorIds[0]).toBe('p1');
    expect(plan.coFacilitation.coFacilitatorIds).toHaveLength(MAX_CO_FACILITATORS);
    expect(plan.coFacilitation.coFacilitatorIds).not.toContain(FACILITATOR.id);
  });

  it('a plan stored before co-facilitators existed reads as nobody named, and a repeated one is damage', () => {
    const { coFacilitation: _absent, ...older } = encodePlan(newPlan());
    const read = parsePlan(older);
    expect(read.status === 'ok' && read.plan.coFacilitation).toEqual({
      coFacilitatorIds: [],
      asks: [],
      handOver: null,
    });
    const repeated = {
      ...encodePlan(newPlan()),
      coFacilitation: { coFacilitatorIds: ['p1', 'p1'], asks: [], handOver: null },
    };
    expect(parsePlan(repeated)).toMatchObject({ status: 'corrupt' });
  });

  it('after a take-over the old facilitator is a co-facilitator of the new one, and requests are settled', () => {
    const named = reduceAll(runningPlan(), [
      { type: 'coFacilitatorsNamed', personIds: ['p1', 'p3'] },
      { type: 'facilitateAsked', personId: 'p2', at: 1 },
    ]);
    const taken = reducePlan(named, { type: 'facilitatorTookOver', facilitator: person('p1') });
    expect(taken.coFacilitation).toEqual({
      coFacilitatorIds: [FACILITATOR.id, 'p3'],
      asks: [],
      handOver: null,
    });
  });
});

describe('take-over request', () => {
  it('is kept once per person until the facilitator answers; a co-facilitator or the facilitator never needs one', () => {
    const plan = reduceAll(runningPlan(), [
      { type: 'coFacilitatorsNamed', personIds: ['p3'] },
      { type: 'facilitateAsked', personId: 'p2', at: 100 },
      { type: 'facilitateAsked', personId: 'p2', at: 200 },
      { type: 'facilitateAsked', personId: 'p3', at: 300 },
      { type: 'facilitateAsked', personId: FACILITATOR.id, at: 400 },
    ]);
    expect(plan.coFacilitation.asks).toEqual([{ personId: 'p2', at: 100 }]);
  });

  it('Allow writes a hand-over the asker may use until it expires; Deny settles it with none', () => {
    const asked = reducePlan(runningPlan(), { type: 'facilitateAsked', personId: 'p2', at: 100 });
    const until = 1_000 + HAND_OVER_MS;
    const allowed = readBack(reducePlan(asked, { type: 'handOverAllowed', personId: 'p2', until }));
    expect(allowed.coFacilitation.asks).toEqual([]);
    expect(takeOverRight(allowed, 'p2', { now: until, offlineSince: null })).toEqual({
      may: true,
      why: 'handed-over',
    });
    expect(takeOverRight(allowed, 'p2', { now: until + 1, offlineSince: null }).may).toBe(false);
    expect(takeOverRight(allowed, 'p1', { now: until, offlineSince: null }).may).toBe(false);
    const denied = reducePlan(asked, { type: 'handOverDenied', personId: 'p2' });
    expect(denied.coFacilitation).toEqual({ coFacilitatorIds: [], asks: [], handOver: null });
    expect(takeOverRight(denied, 'p2', online).may).toBe(false);
  });

  it('changes nothing (the same plan back) when nothing changes', () => {
    const plan = runningPlan();
    expect(reducePlan(plan, { type: 'handOverDenied', personId: 'p2' })).toBe(plan);
    expect(reducePlan(plan, { type: 'coFacilitatorsNamed', personIds: [] })).toBe(plan);
  });
});
