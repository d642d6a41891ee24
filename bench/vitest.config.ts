import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * `npm run bench` only: the benchmark runs on the simulated board under fake timers (the scenario
 * file) and in jsdom (the render file), one file after the other so timings do not compete.
 * The main vitest.config.ts never includes these files, so `npm test` does not run them.
 */
export default defineConfig({
  plugins: [react()],
  test: {
    root: import.meta.dirname + '/..',
    include: ['bench/**/*.run.{ts,tsx}'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 600_000,
    // Fake timers must leave the real clocks alone: render timings are read from them.
    fakeTimers: {
      toFake: [
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'setImmediate',
        'clearImmediate',
        'Date',
      ],
    },
  },
});
