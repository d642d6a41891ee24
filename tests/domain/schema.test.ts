import { describe, expect, it } from 'vitest';
import { MAX_PEOPLE, PLAN_MAX_BYTES } from '../../src/domain/limits';
import { migrate } from '../../src/domain/migrations';
import type { Plan } from '../../src/domain/plan';
import {
  encodePlan,
  exceedsStorageLimit,
  parsePlan,
  planBytes,
} from '../../src/domain/stored/plan-v1';
import { runningPlan } from './fixtures';

/** The running fixture as storage would return it: plain JSON, open to tampering. */
function stored(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(runningPlan()));
}

function corruptMessage(raw: unknown): string {
  const result = parsePlan(raw);
  if (result.status !== 'corrupt') throw new Error(`expected corrupt, got ${result.status}`);
  return result.message;
}

describe('parsePlan', () => {
  it('reads a valid stored plan', () => {
    expect(parsePlan(stored())).toEqual({ status: 'ok', plan: runningPlan() });
  });

  it('reports an absent key as empty', () => {
    expect(parsePlan(undefined)).toEqual({ status: 'empty' });
    expect(parsePlan(null)).toEqual({ status: 'empty' });
  });

  it('names the missing field and tells the facilitator what to do', () => {
    const raw = stored();
    const rooms = raw.rooms as Array<Record<string, unknown>>;
    delete rooms[1]?.frameId;
    expect(corruptMessage(raw)).toBe(
      'The saved breakout plan is damaged (rooms[1].frameId is missing). Start a new plan to replace it.',
    );
  });

  it('names a field of the wrong type', () => {
    const raw = stored();
    (raw.people as Array<Record<string, unknown>>)[0] = {
      id: 'p1',
      name: 42,
      roomId: null,
      status: 'assigned',
    };
    expect(corruptMessage(raw)).toContain('people[0].name should be text');
  });

  it('rejects one person in two rooms', () => {
    const raw = stored();
    const people = raw.people as Array<Record<string, unknown>>;
    people.push({ ...people[0], roomId: 'r:f2' });
    expect(corruptMessage(raw)).toContain('people[3].id repeats a person already in the plan');
  });

  it('rejects two rooms with the same id or the same frame', () => {
    const raw = stored();
    const rooms = raw.rooms as Array<Record<string, unknown>>;
    rooms.push({ ...rooms[0], frameId: 'other' });
    expect(corruptMessage(raw)).toContain('rooms[2].id repeats');
    const again = stored();
    const rooms2 = again.rooms as Array<Record<string, unknown>>;
    rooms2.push({ ...rooms2[0], id: 'r:other' });
    expect(corruptMessage(again)).toContain('rooms[2].frameId repeats');
  });

  it('rejects a person whose room is not in the plan', () => {
    const raw = stored();
    (raw.people as Array<Record<string, unknown>>)[2] = {
      id: 'p3',
      name: 'x',
      roomId: 'r:gone',
      status: 'invited',
    };
    expect(corruptMessage(raw)).toContain('people[2].roomId names a room that is not in the plan');
  });

  it('rejects an unknown status or phase', () => {
    expect(corruptMessage({ ...stored(), phase: 'paused' })).toContain('phase should be one of');
    const raw = stored();
    (raw.people as Array<Record<string, unknown>>)[0] = {
      id: 'p1',
      name: 'x',
      roomId: null,
      status: 'online',
    };
    expect(corruptMessage(raw)).toContain('people[0].status should be one of');
  });

  it('rejects lists above their caps instead of reading them', () => {
    const people = Array.from({ length: MAX_PEOPLE + 1 }, (_, i) => ({
      id: `p${i}`,
      name: 'x',
      roomId: null,
      status: 'assigned',
    }));
    expect(corruptMessage({ ...stored(), people })).toContain(
      `people has more than ${MAX_PEOPLE} entries`,
    );
  });

  it('rejects a name of absurd length but cleans an ordinary overlong one', () => {
    const huge = stored();
    (huge.facilitator as Record<string, unknown>).name = 'x'.repeat(10_001);
    expect(corruptMessage(huge)).toContain('facilitator.name is longer than 10000 characters');
    const long = stored();
    (long.facilitator as Record<string, unknown>).name = `  ${'y'.repeat(500)}\n`;
    const result = parsePlan(long);
    expect(result.status === 'ok' && result.plan.facilitator.name).toBe('y'.repeat(80));
  });

  it('rejects non-finite or absurd coordinates', () => {
    const raw = stored();
    const [first] = raw.rooms as Array<{ frame: Record<string, unknown> }>;
    if (first) first.frame.width = -1;
    expect(corruptMessage(raw)).toContain('rooms[0].frame.width should be a number');
  });

  it('takes no field from the prototype chain, only from the stored object itself', () => {
    const { timer: _timer, ...withoutTimer } = stored();
    const raw = Object.assign(Object.create({ timer: null }), withoutTimer);
    expect(corruptMessage(raw)).toContain('timer is missing');
  });

  it('drops unknown fields so they never travel back into storage', () => {
    const raw = { ...stored(), extra: 'x' };
    const result = parsePlan(raw);
    expect(result.status === 'ok' && 'extra' in result.plan).toBe(false);
  });

  it('says what is wrong with something that is not a plan at all', () => {
    expect(corruptMessage('plan')).toContain('it is not a breakout plan');
    expect(corruptMessage([1, 2])).toContain('it is not a breakout plan');
    expect(corruptMessage({})).toContain('schema is missing');
  });

  it('survives an object whose getters throw', () => {
    const hostile = {
      schema: 1,
      get rooms(): never {
        throw new Error('boom');
      },
    };
    expect(corruptMessage(hostile)).toContain('could not be read');
  });

  it('reports a plan from a newer app version as future, read-only, without reading further', () => {
    const result = parsePlan({ schema: 2, anything: 'else' });
    expect(result).toMatchObject({ status: 'future', version: 2 });
    expect(result.status === 'future' && result.message).toMatch(/newer version.*read-only/);
  });

  it('rejects a schema version that is not a positive whole number', () => {
    expect(corruptMessage({ ...stored(), schema: 0 })).toContain('schema should be a whole number');
    expect(corruptMessage({ ...stored(), schema: '1' })).toContain(
      'schema should be a whole number',
    );
  });
});

describe('migrate', () => {
  it('chains one step per version up to the current one', () => {
    const steps = {
      1: (v1: Record<string, unknown>) => ({ ...v1, added: 'in v2' }),
      2: (v2: Record<string, unknown>) => ({ ...v2, renamed: v2.added }),
    };
    expect(migrate({ schema: 1, kept: true }, 1, steps, 3)).toEqual({
      schema: 3,
      kept: true,
      added: 'in v2',
      renamed: 'in v2',
    });
  });

  it('leaves a current-version plan alone', () => {
    const document = { schema: 1 };
    expect(migrate(document, 1)).toBe(document);
  });

  it('fails with a readable reason when a step is missing', () => {
    expect(() => migrate({ schema: 1 }, 1, {}, 2)).toThrow(
      'schema 1 is a version this app cannot upgrade',
    );
  });
});

describe('encodePlan and planBytes', () => {
  it('drops properties that are not part of the plan', () => {
    const plan = { ...runningPlan(), uiSelected: true } as Plan;
    expect('uiSelected' in encodePlan(plan)).toBe(false);
  });

  it('counts UTF-8 bytes of the JSON, not UTF-16 units', () => {
    const plan = runningPlan();
    const ascii = planBytes(plan);
    expect(ascii).toBe(JSON.stringify(encodePlan(plan)).length);
    const withEmoji = { ...plan, facilitator: { id: 'fac', name: '😀é' } };
    expect(planBytes(withEmoji)).toBe(
      JSON.stringify(encodePlan(plan)).length - 'Fran Facilitator'.length + 4 + 2,
    );
  });

  it('flags a plan that would not fit in one storage key', () => {
    expect(exceedsStorageLimit(runningPlan())).toBe(false);
    const people = Array.from({ length: 700 }, (_, i) => ({
      id: `307445734561825${1000 + i}`,
      name: `Participant with a fairly long name ${i}`,
      roomId: 'r:f1',
      status: 'invited' as const,
    }));
    const big = { ...runningPlan(), people };
    expect(planBytes(big)).toBeGreaterThan(PLAN_MAX_BYTES);
    expect(exceedsStorageLimit(big)).toBe(true);
  });
});
