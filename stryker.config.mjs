// @ts-check
/**
 * `npm run mutation`: Stryker over src/domain, then over src/controller (MUTATION_SCOPE), each
 * against its folder's fast tests (vitest.mutation.config.ts). Incremental: the results of each
 * folder are kept in mutation/<folder>.json (committed), so a rerun tests only the mutants of
 * code or tests that changed. Reports: reports/mutation/<folder>.html (not committed).
 * Stryker 9.6 (10 needs Node 22).
 */
const scope = process.env.MUTATION_SCOPE === 'controller' ? 'controller' : 'domain';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [`src/${scope}/**/*.ts`],
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: `mutation/${scope}.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${scope}.html` },
  jsonReporter: { fileName: `reports/mutation/${scope}.json` },
  concurrency: 2,
  // Mutants of module-level values (limits, schemas, tables) run every test for each: in
  // src/domain 24% of the mutants take 90% of the time. They are left out, and counted as ignored.
  ignoreStatic: true,
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['dist', 'reports', 'test-results', 'playwright-report', 'docs'],
  thresholds: { high: 85, low: 75, break: null },
};
