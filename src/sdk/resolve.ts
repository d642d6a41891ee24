import type { MiroSurface } from './surface';

/**
 * How the playground lends its simulated board to an app iframe during development. The
 * playground page sets this on its own window; the app iframe finds it through `window.parent`.
 */
export type SimulatorBridge = {
  /** The simulated `miro` of the app iframe whose window this is, or null if it is not one of its. */
  connect(appWindow: Window): MiroSurface | null;
};

export const SIMULATOR_BRIDGE_KEY = '__breakoutRoomsSimulator';

export type MiroResolution =
  | { kind: 'miro'; miro: MiroSurface }
  | { kind: 'simulator'; miro: MiroSurface }
  | { kind: 'absent'; reason: 'not-in-miro' | 'sdk-not-loaded' };

function simulatorOf(win: Window): MiroSurface | null {
  if (win.parent === win) return null;
  try {
    const bridge = (win.parent as unknown as Record<string, SimulatorBridge | undefined>)[
      SIMULATOR_BRIDGE_KEY
    ];
    return bridge?.connect(win) ?? null;
  } catch {
    // Inside Miro the parent is another origin: reading it throws, and that is the answer.
    return null;
  }
}

/**
 * Finds the SDK this page should talk to: the playground's simulator in development, the real
 * `miro` global inside Miro, or nothing (opened as a plain page) so the caller can explain.
 */
export function resolveMiro(win: Window, allowSimulator: boolean): MiroResolution {
  // `import.meta.env.DEV` is spelled out here so the production bundle drops the lookup entirely.
  if (allowSimulator && import.meta.env.DEV) {
    const simulated = simulatorOf(win);
    if (simulated) return { kind: 'simulator', miro: simulated };
  }
  const real = (win as unknown as { miro?: MiroSurface }).miro;
  if (!real) return { kind: 'absent', reason: 'sdk-not-loaded' };
  // Miro always runs apps in an iframe; a top-level page would wait forever for replies.
  if (win.parent === win) return { kind: 'absent', reason: 'not-in-miro' };
  return { kind: 'miro', miro: real };
}
