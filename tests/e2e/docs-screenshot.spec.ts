import { docsPath, updatingDocs } from './docs-shots';
import { expect, test } from './playground';

/**
 * Refreshes docs/playground.png for the README. Off by default so `npm test` never rewrites a
 * tracked file; run with `UPDATE_DOCS=1 npx playwright test docs-screenshot`.
 */
test.skip(!updatingDocs, 'set UPDATE_DOCS=1 to refresh docs/playground.png');

test('playground screenshot for the README', async ({ playground }) => {
  const { page } = playground;
  await page.setViewportSize({ width: 1920, height: 1080 });
  await playground.open();
  const host = await playground.openPanel('Maya Chen');
  await host.getByRole('button', { name: 'Plan a breakout' }).click();
  await playground.select('Maya Chen', 'Room 1 · Ideas', 'Room 2 · Risks');
  await expect(host.getByRole('button', { name: 'Add 2 selected frames as rooms' })).toBeVisible();
  const jonas = await playground.openPanel('Jonas Weber');
  await expect(jonas.getByText(/Maya Chen/).first()).toBeVisible();

  await page.screenshot({
    path: docsPath('playground.png'),
  });
});
