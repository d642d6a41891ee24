import { describe, expect, it } from 'vitest';
import { runOne } from '../../chaos/run';

/**
 * A short slice of the fault-injection runner (`npm run chaos`), so `npm test` covers it: seeded
 * breakouts under random faults. A failure names the seed; replay it with
 * `npm run chaos -- --runs 1 --seed <seed> --jobs 1 --verbose`.
 */
const SEEDS = Array.from({ length: 20 }, (_, index) => 9_001 + index);

describe('fault-injection runs', () => {
  it.each(SEEDS)(
    'seed %i keeps every invariant',
    async (seed) => {
      const result = await runOne(seed);
      const report = [`seed ${seed}`, ...result.violations, ...result.faults].join('\n');
      expect(result.violations, report).toEqual([]);
    },
    120_000,
  );
});
