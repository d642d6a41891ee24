import { afterEach, expect, it, vi } from 'vitest';
import { measureScenario } from './measure';
import { type ScenarioOutcome, writePart } from './results';

/**
 * participants × rooms, from a small team to a large workshop, and the 1,000 × 100 that video
 * tools publish as their limit (issue #16).
 */
const SCENARIOS = [
  { participants: 10, rooms: 2 },
  { participants: 100, rooms: 10 },
  { participants: 500, rooms: 50 },
  { participants: 1000, rooms: 100 },
];
const ROUND_TRIP_MS = 100;
const SEED = 20_240_501;

afterEach(() => {
  vi.useRealTimers();
});

it('measures a whole breakout at every size', { timeout: 600_000 }, async () => {
  const results: ScenarioOutcome[] = [];
  for (const scenario of SCENARIOS) {
    try {
      results.push(await measureScenario({ ...scenario, roundTripMs: ROUND_TRIP_MS, seed: SEED }));
    } catch (error) {
      // A size the app cannot run is a result too: the table says why.
      const failed = error instanceof Error ? error.message : String(error);
      results.push({ ...scenario, failed });
    }
    vi.useRealTimers();
  }
  writePart('scenarios', results);
  // Not a target check (the report does that): only that every scenario actually ran.
  expect(results.map((result) => result.participants)).toEqual(
    SCENARIOS.map((s) => s.participants),
  );
});
