import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodePlan, parsePlan } from '../../src/domain/stored/plan-v1';
import { propertyOptions, reachablePlanArb } from './fixtures';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value in a JSON document, e.g. "rooms[2].frameId". */
function paths(value: Json, prefix = ''): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => [
      `${prefix}[${index}]`,
      ...paths(item, `${prefix}[${index}]`),
    ]);
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      return [path, ...paths(item, path)];
    });
  }
  return [];
}

/** Replaces (or deletes) the value at `path` in a copy of `document`. */
function corrupt(document: Json, path: string, replacement: Json | undefined): Json {
  const copy = structuredClone(document);
  const steps = path.match(/[^.[\]]+/g) ?? [];
  let parent = copy as Record<string, Json> | Json[];
  for (const step of steps.slice(0, -1)) {
    parent = (parent as Record<string, Json>)[step] as Record<string, Json>;
  }
  const last = steps[steps.length - 1] as string;
  if (replacement === undefined && !Array.isArray(parent)) delete parent[last];
  else (parent as Record<string, Json | undefined>)[last] = replacement;
  return copy;
}

/** Top-level fields that came without a schema version bump; a plan without them is still valid. */
const ADDED_AFTER_V1: ReadonlySet<string> = new Set([
  'selfSelect',
  'preAssignments',
  'rotation',
  'frameItems',
  'reportBack',
  'facilitation',
  'coFacilitation',
  'epoch',
]);

const storedArb = reachablePlanArb.map(
  (plan) => JSON.parse(JSON.stringify(encodePlan(plan))) as Json,
);

describe('parsePlan properties', () => {
  it('never throws, whatever is in storage', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (raw) => {
        const result = parsePlan(raw);
        expect(['ok', 'empty', 'corrupt', 'future']).toContain(result.status);
      }),
      propertyOptions,
    );
  });

  it('reads back exactly what was written (encode, JSON, parse)', () => {
    fc.assert(
      fc.property(reachablePlanArb, (plan) => {
        const stored = JSON.parse(JSON.stringify(encodePlan(plan)));
        expect(parsePlan(stored)).toEqual({ status: 'ok', plan });
      }),
      propertyOptions,
    );
  });

  it('rejects a valid plan with one field corrupted and names that field', () => {
    const corruptionArb = storedArb.chain((document) =>
      fc.record({
        document: fc.constant(document),
        path: fc.constantFrom(...paths(document)),
        replacement: fc.constantFrom<Json | undefined>(undefined, { nested: [[]] }, [[]]),
      }),
    );
    fc.assert(
      fc.property(corruptionArb, ({ document, path, replacement }) => {
        // Fields added after version 1 may be absent: older plans without them read with defaults.
        if (replacement === undefined && ADDED_AFTER_V1.has(path)) return;
        // A list given as the value of another list is a list of the wrong things, named by index.
        const result = parsePlan(corrupt(document, path, replacement));
        expect(result.status).toBe('corrupt');
        if (result.status === 'corrupt') expect(result.message).toContain(path);
      }),
      propertyOptions,
    );
  });

  it('rejects anything damaged near a valid plan without throwing', () => {
    const nearArb = storedArb.chain((document) =>
      fc.record({
        document: fc.constant(document),
        path: fc.constantFrom(...paths(document)),
        replacement: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
      }),
    );
    fc.assert(
      fc.property(nearArb, ({ document, path, replacement }) => {
        const result = parsePlan(corrupt(document, path, replacement));
        expect(['ok', 'corrupt', 'future']).toContain(result.status);
      }),
      propertyOptions,
    );
  });
});
