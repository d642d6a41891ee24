import { defineConfig } from 'vitest/config';

/**
 * The tests `npm run mutation` runs against each mutant (stryker.config.mjs): the folder's own
 * example tests. Left out: the slow runs that would make a mutation run take many hours on two
 * cores (property files of thousands of cases, the chaos seeds, every undocumented-behaviour
 * variant); the few properties inside example files run with 25 cases instead of 200.
 */
const scope = process.env.MUTATION_SCOPE === 'controller' ? 'controller' : 'domain';

const SLOW = {
  domain: ['tests/domain/**/*.properties.test.ts'],
  controller: [
    'tests/controller/**/*.properties.test.ts',
    'tests/controller/chaos-regressions.test.ts',
    'tests/controller/variants.test.ts',
  ],
};

export default defineConfig({
  test: {
    environment: 'node',
    include: [`tests/${scope}/**/*.test.ts`],
    exclude: SLOW[scope],
    env: { FC_RUNS: '25' },
    // Instrumented code runs several times slower: the rotation search needs more than 5 s, and
    // on two cores shared with other work its shape test needed more than 30 s.
    testTimeout: 90_000,
  },
});
