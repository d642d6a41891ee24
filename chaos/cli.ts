/**
 * `npm run chaos -- --runs N --seed S [--json] [--jobs J] [--verbose]`: N seeded breakouts under
 * faults (seeds S, S+1, ...). A failure prints its seed, its faults and a trace; rerun one with
 * `--runs 1 --seed <seed>`. `--jobs` spreads runs over worker processes (default: 2).
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type RunResult, runOne } from './run';

type Args = {
  runs: number;
  seed: number;
  json: boolean;
  jobs: number;
  verbose: boolean;
};

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { runs: 100, seed: 1, json: false, jobs: 2, verbose: false };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index];
    const value = () => {
      const next = Number(argv[++index]);
      if (!Number.isInteger(next)) throw new Error(`${flag} needs a whole number`);
      return next;
    };
    if (flag === '--runs') args.runs = value();
    else if (flag === '--seed') args.seed = value();
    else if (flag === '--jobs') args.jobs = Math.max(1, value());
    else if (flag === '--json') args.json = true;
    else if (flag === '--verbose') args.verbose = true;
    else throw new Error(`Unknown option ${flag}`);
  }
  return args;
}

export type Summary = { runs: number; violations: number; failures: Failure[] };
export type Failure = {
  seed: number;
  violations: string[];
  faults: string[];
  trace: string[];
  replay: string;
};

const failureOf = (result: RunResult): Failure => ({
  seed: result.seed,
  violations: result.violations,
  faults: result.faults,
  // The end of a long trace is where it went wrong; the start says what was set up.
  trace:
    result.trace.length > 400
      ? [...result.trace.slice(0, 60), '...', ...result.trace.slice(-300)]
      : result.trace,
  replay: `npm run chaos -- --runs 1 --seed ${result.seed} --jobs 1`,
});

/** Runs seeds in this process, one after the other (each run owns the global clock). */
async function runSeeds(
  seeds: readonly number[],
  onResult: (result: RunResult) => void,
): Promise<void> {
  for (const seed of seeds) onResult(await runOne(seed));
}

type ToWorker = { seed: number } | { done: true };
type FromWorker = { ready: true } | { result: RunResult };

/**
 * Worker processes take the next seed as soon as they finish one, so one slow run (200 people
 * under a tight rate limit) does not hold up a fixed share of the others.
 */
function runInWorkers(
  seeds: readonly number[],
  jobs: number,
  onResult: (result: RunResult) => void,
): Promise<void> {
  const self = fileURLToPath(import.meta.url);
  const queue = [...seeds];
  const worker = () =>
    new Promise<void>((resolve, reject) => {
      const child = fork(self, [], {
        env: { ...process.env, CHAOS_WORKER: '1' },
        execArgv: process.execArgv,
      });
      const next = () => {
        const seed = queue.shift();
        child.send((seed === undefined ? { done: true } : { seed }) satisfies ToWorker);
      };
      child.on('message', (message: FromWorker) => {
        if ('result' in message) onResult(message.result);
        next();
      });
      child.on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`)),
      );
    });
  return Promise.all(Array.from({ length: jobs }, worker)).then(() => undefined);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const seeds = Array.from({ length: args.runs }, (_, index) => args.seed + index);
  const started = performance.now();
  const results: RunResult[] = [];
  const report = (result: RunResult) => {
    results.push(result);
    if (!args.json && (args.verbose || result.violations.length > 0))
      printResult(result, args.verbose);
    if (!args.json && results.length % 50 === 0)
      process.stderr.write(`${results.length}/${args.runs} runs\n`);
  };
  const jobs = Math.min(args.jobs, seeds.length);
  if (jobs <= 1) await runSeeds(seeds, report);
  else await runInWorkers(seeds, jobs, report);
  const failures = results
    .filter((result) => result.violations.length > 0)
    .sort((a, b) => a.seed - b.seed);
  const summary: Summary = {
    runs: results.length,
    violations: failures.reduce((sum, result) => sum + result.violations.length, 0),
    failures: failures.map(failureOf),
  };
  const seconds = (performance.now() - started) / 1000;
  if (args.json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } else {
    const participants = results.reduce((sum, result) => sum + result.participants, 0);
    const simulated = results.reduce((sum, result) => sum + result.simulatedMs, 0) / 3_600_000;
    console.log(
      `${summary.runs} runs (${participants} participants, ${simulated.toFixed(1)} simulated hours) in ${seconds.toFixed(1)} s: ${summary.violations} violation(s) in ${failures.length} run(s)`,
    );
    for (const failure of summary.failures)
      console.log(`  seed ${failure.seed}: ${failure.replay}`);
  }
  process.stderr.write(`chaos: ${results.length} runs in ${seconds.toFixed(1)} s\n`);
  process.exitCode = summary.violations > 0 ? 1 : 0;
}

/** Workers send only what the parent reports, so a big trace is not copied for a clean run. */
const trimmed = (result: RunResult): RunResult =>
  result.violations.length > 0 ? result : { ...result, trace: [] };

function printResult(result: RunResult, verbose: boolean): void {
  const failed = result.violations.length > 0;
  console.log(
    `\n=== seed ${result.seed}: ${failed ? `${result.violations.length} violation(s)` : 'ok'} ===`,
  );
  for (const violation of result.violations) console.log(`  ! ${violation}`);
  for (const line of result.faults) console.log(`  ${line}`);
  if (failed || verbose) {
    console.log('  trace:');
    for (const line of failureOf(result).trace) console.log(`    ${line}`);
    console.log(`  replay: ${failureOf(result).replay}`);
  }
}

/** A worker runs the seeds its parent sends, one at a time, and answers with each result. */
function serveSeeds(): void {
  process.on('message', (message: ToWorker) => {
    if ('done' in message) {
      process.exit(0);
      return;
    }
    runOne(message.seed).then(
      (result) => process.send?.({ result: trimmed(result) } satisfies FromWorker),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
  process.send?.({ ready: true } satisfies FromWorker);
}

if (process.env.CHAOS_WORKER) {
  serveSeeds();
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(2);
  });
}
