import type { Json } from '../sdk/surface';
import type { SimTab } from './api';
import { conflict } from './errors';
import type { Hub } from './hub';
import { copyJson } from './json';
import type { FrameState, TabState } from './model';

export type PanelHost = (tab: SimTab, request: { url: string; data?: Json }) => void;

/** The app panel of each tab (miro-sdk.md 2.12, P1, P2). */
export class Panels {
  host: PanelHost | null = null;

  constructor(
    private readonly hub: Hub,
    private readonly spawnFrame: (tab: TabState, kind: 'panel') => FrameState,
  ) {}

  /** Runs at the server when `openPanel` arrives; returns the `waitForClose` handle. */
  open(
    tab: TabState,
    request: { url: string; data?: Json },
  ): { waitForClose: () => Promise<unknown> } {
    if (tab.foreignPanelOpen) throw conflict("Another app's panel is open");
    if (tab.panel && this.hub.options.reopenPanel === 'no-op') return this.closeHandle(tab);
    this.close(tab, undefined);
    tab.panelRequest = copyJson(request);
    tab.panel = this.spawnFrame(tab, 'panel');
    const handle = this.closeHandle(tab);
    this.hub.emit({ kind: 'panel', tabId: tab.id });
    this.host?.(tab.face, copyJson(request));
    return handle;
  }

  /** Destroys the tab's panel iframe; its opener's `waitForClose` resolves with `result`. */
  close(tab: TabState, result: Json | undefined): void {
    const panel = tab.panel;
    if (!panel) return;
    // Detach first: destroying a panel iframe directly also closes it, and must not recurse.
    tab.panel = null;
    tab.panelRequest = null;
    panel.face.destroy();
    const closers = tab.panelClosers;
    tab.panelClosers = [];
    const copy = copyJson(result);
    for (const resolve of closers) this.hub.settleLater(() => resolve(copyJson(copy)));
    this.hub.emit({ kind: 'panel', tabId: tab.id });
  }

  canOpen(tab: TabState): boolean {
    return !tab.foreignPanelOpen;
  }

  setForeignPanelOpen(tab: TabState, open: boolean): void {
    tab.foreignPanelOpen = open;
    this.hub.emit({ kind: 'panel', tabId: tab.id });
  }

  private closeHandle(tab: TabState): { waitForClose: () => Promise<unknown> } {
    const closed = new Promise<Json | undefined>((resolve) => tab.panelClosers.push(resolve));
    return { waitForClose: () => closed };
  }
}
