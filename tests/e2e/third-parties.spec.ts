import { expect, test, thirdPartyRequests } from './playground';

/**
 * The panel asks nothing of third parties but Miro: its font is its own (self-hosted Open Sans,
 * no Google Fonts), so the only request that leaves the app's host is Miro's SDK script.
 */
test('the panel loads its own Open Sans and asks no host but Miro', async ({
  playground,
  context,
}) => {
  await playground.open({ users: 2 });
  const host = await playground.openPanel('Maya Chen');
  await host.getByRole('button', { name: 'Plan a breakout' }).click();
  const fonts = await host.locator('html').evaluate(async (html) => {
    const doc = html.ownerDocument;
    await doc.fonts.ready;
    return [...doc.fonts]
      .filter((face) => face.status === 'loaded')
      .map((face) => `${face.family} ${face.weight}`);
  });
  expect(fonts).toContain('Open Sans 400');
  const elsewhere = thirdPartyRequests(context).filter(
    (url) => !url.startsWith('https://miro.com/app/static/sdk/'),
  );
  expect(elsewhere).toEqual([]);
});
