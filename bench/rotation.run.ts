import { expect, it } from 'vitest';
import { rotationQuality } from '../src/domain/planning/rotation';
import { writePart } from './results';

/** People × rooms × rounds: a small team, a class, a large workshop (about 5 people a room). */
const CASES = [
  { people: 12, rooms: 3, rounds: 4 },
  { people: 30, rooms: 6, rounds: 4 },
  { people: 100, rooms: 20, rounds: 4 },
];
const SEED = 20_240_501;

it('measures rotation grouping quality against the lower bound', () => {
  const results = CASES.map((c) => {
    const started = performance.now();
    const quality = rotationQuality(c.people, c.rooms, c.rounds, SEED);
    return { ...c, ...quality, ms: Math.round(performance.now() - started), seed: SEED };
  });
  writePart('rotation', results);
  for (const result of results)
    expect(result.repeatPairs).toBeGreaterThanOrEqual(result.lowerBound);
});
