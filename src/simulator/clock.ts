import type { Clock } from './api';

/**
 * The default clock. Every member looks the global up at call time, not at import time, so a
 * test that installs Vitest fake timers after importing the simulator still drives it.
 */
export const globalClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * One real macrotask hop that fake timers do not intercept (MessageChannel is not faked by
 * Vitest). Used only by `idle()` to let microtask chains of app code run out before deciding the
 * board is quiet; it never decides *when* simulated work happens.
 */
export const realMacrotask = (): Promise<void> =>
  new Promise((resolve) => {
    if (typeof MessageChannel === 'function') {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        channel.port2.close();
        resolve();
      };
      channel.port2.postMessage(null);
      return;
    }
    globalThis.setTimeout(resolve, 0);
  });
