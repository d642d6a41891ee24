import { SIMULATOR_BRIDGE_KEY, type SimulatorBridge } from '../sdk/resolve';
import type { MiroSurface } from '../sdk/surface';
import type { SimIframe } from '../simulator/api';

/**
 * Which DOM <iframe> runs which simulated app iframe. The app asks at start-up through
 * `window.parent.__breakoutRoomsSimulator.connect(window)`; the lookup happens at call time, so
 * registering an element any time before its scripts run (React commits before the iframe's
 * document loads) is early enough.
 */
export class IframeRegistry implements SimulatorBridge {
  private readonly entries = new Map<HTMLIFrameElement, SimIframe>();

  register(element: HTMLIFrameElement, iframe: SimIframe): () => void {
    this.entries.set(element, iframe);
    return () => {
      if (this.entries.get(element) === iframe) this.entries.delete(element);
    };
  }

  connect(appWindow: Window): MiroSurface | null {
    for (const [element, iframe] of this.entries) {
      // contentWindow is compared at call time: it is only set once the element is in the page.
      if (element.contentWindow === appWindow && !iframe.destroyed) return iframe.miro;
    }
    return null;
  }
}

/** Lends the simulator to app iframes of this page (see src/sdk/resolve.ts). */
export function installBridge(win: Window, registry: IframeRegistry): void {
  const bridge: SimulatorBridge = { connect: (appWindow) => registry.connect(appWindow) };
  (win as unknown as Record<string, SimulatorBridge>)[SIMULATOR_BRIDGE_KEY] = bridge;
}
