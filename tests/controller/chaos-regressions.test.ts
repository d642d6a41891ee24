import { describe, expect, it } from 'vitest';
import { runOne } from '../../chaos/run';

/**
 * Seeded fault-injection scenarios (chaos/) that once broke the app, kept as regressions. Each
 * seed fixes the faults drawn in chaos/faults.ts; `npm run chaos -- --runs 1 --seed <seed>
 * --jobs 1 --verbose` prints the whole run.
 */
const FOUND: [number, string][] = [
  [2, 'the app reloaded mid-start reported to a closed panel channel'],
  [30, 'a take-over raced the old facilitator’s last write: split brain, the end was refused'],
  [1114, 'a low credit budget made the start give up inside one rate-limit window'],
];

describe('fault-injection regressions', () => {
  it.each(FOUND)(
    'seed %i: %s',
    async (seed) => {
      const result = await runOne(seed);
      expect(result.violations, [...result.violations, ...result.faults].join('\n')).toEqual([]);
    },
    120_000,
  );
});
