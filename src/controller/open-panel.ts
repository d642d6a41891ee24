import type { Board } from '../sdk/connect';

export const PANEL_URL = 'app.html';
export const PANEL_FAILED = 'Breakout Rooms could not open its panel. Click its icon again.';

/** What the panel learns from `getPanelData()`: which headless app opened it. */
export type PanelData = { instanceId: string };

/**
 * The app icon was clicked (an event only the headless page receives, miro-sdk.md 1.1). Another
 * app's panel can block ours (P2), and the call can fail: either way the person is told what to do
 * instead of nothing happening.
 */
export function openPanelOnClick(board: Board, instanceId: string): void {
  const open = async () => {
    if (!(await board.ui.canOpenPanel())) {
      await board.notifications.showError(
        'Close the other app’s panel, then open Breakout Rooms again.',
      );
      return;
    }
    await board.ui.openPanel({ url: PANEL_URL, data: { instanceId } satisfies PanelData });
  };
  open().catch((error: unknown) => {
    console.error('Breakout Rooms could not open its panel.', error);
    // The click did nothing visible: say so, and what to do, rather than leave people waiting.
    void board.notifications.showError(PANEL_FAILED).catch(() => {});
  });
}
