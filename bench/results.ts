/** The shape of bench/results.json (the issue fixes the named fields; the rest are extras). */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export type CallsByMethod = Record<string, number>;

/** What one phase of a breakout cost. */
export type PhaseCost = {
  facilitatorCalls: CallsByMethod;
  facilitatorCredits: number;
  /** Calls of the participant who made the most calls in this phase. */
  participantCallsMax: CallsByMethod;
  participantCreditsMax: number;
  storageWrites: number;
  storageBytes: number;
  /** Bytes of stored values that reached app iframes, summed over every iframe reached. */
  storageBytesDelivered: number;
  broadcasts: number;
};

export type ScenarioResult = {
  participants: number;
  rooms: number;
  /** Whole breakout, from Start pressed to everyone back in the main area. */
  facilitatorCalls: number;
  facilitatorCredits: number;
  participantCallsMax: number;
  participantCreditsMax: number;
  storageWrites: number;
  /** Bytes of every value written from Start to the end (UTF-8 JSON). */
  storageBytesWritten: number;
  /** The largest value written during the run or held by any key at its end. */
  maxStoredValueBytes: number;
  /** Keys of the app's collection holding a value at the end. */
  storageKeys: number;
  /**
   * Storage bytes delivered to every subscribed app iframe, divided by the number of joins: from
   * Start until every join is written (`admission`), and during the end (`end`).
   */
  storageBytesDeliveredPerJoin: { admission: number; end: number };
  msStartToAllInFrame: number;
  msEndToAllBack: number;
  roundTripMs: number;
  seed: number;
  broadcasts: number;
  facilitatorCallsByMethod: CallsByMethod;
  participantCallsByMethodMax: CallsByMethod;
  facilitatorPeakCreditsPerMinute: number;
  /** Credits the facilitator spent on start and admission, as a share of 100,000 a minute. */
  facilitatorShareOfMinuteBudget: number;
  rateLimitedCalls: number;
  msFirstAcceptanceAfterStart: number;
  msLastAcceptanceAfterStart: number;
  msLastAcceptanceToAllInFrame: number;
  /** From the first acceptance to the last person in their frame: the span joins arrive in. */
  msJoins: number;
  /** start = the Start command; admission = after it until every join is written; toFrame = both. */
  phases: { start: PhaseCost; admission: PhaseCost; toFrame: PhaseCost; end: PhaseCost };
};

/** A scenario the app could not run (the plan did not fit storage, say): why, in its words. */
export type FailedScenario = { participants: number; rooms: number; failed: string };

export type ScenarioOutcome = ScenarioResult | FailedScenario;

export type RenderResult = {
  componentsPerJoin: number;
  /** Of those, inside the facilitator's view (the target's scope). */
  facilitatorViewComponentsPerJoin: number;
  rendersByComponent: Record<string, number>;
  commits: number;
  clockTicksLeftOut: number;
  /** Wall-clock ms of React's work for the join's commits in jsdom: informative only. */
  updateMs: number;
  participants: number;
  rooms: number;
  method: string;
};

export const sumCalls = (calls: CallsByMethod): number =>
  Object.values(calls).reduce((sum, count) => sum + count, 0);

/** Partial results pass from the Vitest runs to bench/report.mjs through this folder. */
export const PARTS_DIR = resolve(import.meta.dirname, '../node_modules/.cache/breakout-bench');

export function writePart(name: string, value: unknown): void {
  const file = resolve(PARTS_DIR, `${name}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

export function readPart<T>(name: string): T {
  return JSON.parse(readFileSync(resolve(PARTS_DIR, `${name}.json`), 'utf8')) as T;
}
