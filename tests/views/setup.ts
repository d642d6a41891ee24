import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { realMacrotask } from '../../src/simulator/clock';
import { stopWorkshops } from './harness';

type ActGlobal = { IS_REACT_ACT_ENVIRONMENT?: boolean };

/**
 * Testing Library's own async wrapper (used by user-event) ends with `setTimeout(0)`, which never
 * fires under Vitest fake timers without Jest's API. This is the same wrapper, ending with a real
 * macrotask instead (MessageChannel is not faked), so clicks work while the simulated board runs
 * on fake time driven by the tests.
 */
configure({
  asyncWrapper: async (callback) => {
    const scope = globalThis as ActGlobal;
    const previous = scope.IS_REACT_ACT_ENVIRONMENT;
    scope.IS_REACT_ACT_ENVIRONMENT = false;
    try {
      const result = await callback();
      await realMacrotask();
      return result;
    } finally {
      scope.IS_REACT_ACT_ENVIRONMENT = previous;
    }
  },
});

// Vitest globals are off, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  // Headless apps hold BroadcastChannels; left open they would answer the next test's panels.
  stopWorkshops();
  vi.useRealTimers();
});

// The panel loads each phase's controls on demand. Loading (and, here, transforming) a module
// takes real time that the fake-time loops in the harness do not wait for, so the on-demand
// modules are loaded once before the tests: the app's own import() then resolves at once.
await Promise.all([
  import('../../src/views/planning/PlanningView'),
  import('../../src/views/running/RunningBoard'),
  import('../../src/views/ended/AfterTheBreakout'),
  import('../../src/views/planning/PlanningTools'),
  import('../../src/views/participant/ObserverView'),
]);
