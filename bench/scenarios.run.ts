import { afterEach, expect, it, vi } from 'vitest';
import { measureScenario } from './measure';
import { type ScenarioResult, writePart } from './results';

/** participants × rooms, from a small team to a large workshop (the three sizes). */
const SCENARIOS = [
  { participants: 10, rooms: 2 },
  { participants: 100, rooms: 10 },
  { participants: 500, rooms: 50 },
];
const ROUND_TRIP_MS = 100;
const SEED = 20_240_501;

afterEach(() => {
  vi.useRealTimers();
});

it('measures a whole breakout at every size', { timeout: 600_000 }, async () => {
  const results: ScenarioResult[] = [];
  for (const scenario of SCENARIOS) {
    const result = await measureScenario({ ...scenario, roundTripMs: ROUND_TRIP_MS, seed: SEED });
    vi.useRealTimers();
    results.push(result);
  }
  writePart('scenarios', results);
  // Not a target check (the report does that): only that every scenario actually ran.
  expect(results.map((result) => result.participants)).toEqual(
    SCENARIOS.map((s) => s.participants),
  );
});
