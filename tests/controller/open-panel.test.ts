import { afterEach, expect, it, vi } from 'vitest';
import { PANEL_FAILED } from '../../src/controller/open-panel';
import { createWorkshop } from '../support/workshop';

afterEach(() => {
  vi.useRealTimers();
});

const errorsShown = (w: Awaited<ReturnType<typeof createWorkshop>>, userId: string) =>
  w.sim
    .notifications(userId)
    .filter((notification) => notification.type === 'error')
    .map((notification) => notification.message);

it('the app icon opens the panel', async () => {
  const w = await createWorkshop({ participants: 1 });
  w.facilitator.tab.clickAppIcon();
  await w.settle();
  expect(w.facilitator.tab.panel).not.toBeNull();
});

it("says what to do when another app's panel blocks ours (P2)", async () => {
  const w = await createWorkshop({ participants: 1 });
  w.sim.setForeignPanelOpen(w.facilitator.tab.id, true);
  w.facilitator.tab.clickAppIcon();
  await w.settle();
  expect(w.facilitator.tab.panel).toBeNull();
  expect(errorsShown(w, w.facilitator.user.id)).toEqual([
    'Close the other app’s panel, then open Breakout Rooms again.',
  ]);
});

it('says the panel could not open when Miro keeps refusing, and opens on the next click', async () => {
  const w = await createWorkshop({ participants: 1 });
  w.sim.setOptions({ failureRate: { 'ui.openPanel': 1 } });
  vi.spyOn(console, 'error').mockImplementation(() => {});
  w.facilitator.tab.clickAppIcon();
  await w.advance(5 * 60_000);
  expect(w.facilitator.tab.panel).toBeNull();
  expect(errorsShown(w, w.facilitator.user.id)).toEqual([PANEL_FAILED]);

  w.sim.setOptions({ failureRate: {} });
  w.facilitator.tab.clickAppIcon();
  await w.advance(1_000);
  expect(w.facilitator.tab.panel).not.toBeNull();
});
