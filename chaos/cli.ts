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
  worker: boolean;
};

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { runs: 100, seed: 1, json: false, jobs: 2, verbose: false, worker: false };
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
    else if (flag === '--worker') args.worker = true;
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

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const seeds = Array.from({ length: args.runs }, (_, index) => args.seed + index);
  if (args.worker) {
    await runSeeds(seeds, (result) => process.send?.({ result: trimmed(result) }));
    return;
  }
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
  if (jobs <= 1) {
    await runSeeds(seeds, report);
  } else {
    const self = fileURLToPath(import.meta.url);
    const shares = Array.from({ length: jobs }, (_, job) =>
      seeds.filter((_, index) => index % jobs === job),
    );
    await Promise.all(
      shares.map(
        (share) =>
          new Promise<void>((resolve, reject) => {
            const runs = share.length;
            const child = fork(self, ['--worker', '--runs', String(runs), '--seed', '0'], {
              env: { ...process.env, CHAOS_SEEDS: share.join(',') },
              execArgv: process.execArgv,
            });
            child.on('message', (message: { result: RunResult }) => report(message.result));
            child.on('exit', (code) =>
              code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`)),
            );
          }),
      ),
    );
  }
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

// Workers get their exact seeds through the environment (the parent splits the range).
if (process.env.CHAOS_SEEDS && process.argv.includes('--worker')) {
  const seeds = process.env.CHAOS_SEEDS.split(',').map(Number);
  runSeeds(seeds, (result) => process.send?.({ result: trimmed(result) })).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(2);
  });
}
