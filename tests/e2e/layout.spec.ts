import { docsPath, updatingDocs } from './docs-shots';
import { bigWorkshop, bottomOf, HOST, panelHeight, recordForBench } from './layout';
import { expect, planAndStart, test, timeLeft } from './playground';

/**
 * Layout budgets at the panel's 368 px width, in Chromium (sizes, not timings). With
 * BENCH_LAYOUT=1 the figures also go to `npm run bench` (bench/results.json, "layout").
 */

test('layout: the running view with 10 rooms of 5 people is at most 2,600 px tall', async ({
  playground,
}) => {
  const rooms = await bigWorkshop(playground, { rooms: 10, guests: 50 });
  const host = await planAndStart(playground, HOST, rooms);
  const cards = host.getByRole('region', { name: /^Room \d+ · / });
  await expect(cards).toHaveCount(10);
  for (const room of rooms) {
    await expect(host.getByRole('region', { name: room })).toContainText('0 of 5 joined');
  }
  const height = await panelHeight(host);
  recordForBench({ runningView10x5Px: height });
  console.log(`running view, 10 rooms x 5 people: ${height} px`);
  expect(height).toBeLessThanOrEqual(2_600);
});

test('layout: the planning main path for 6 rooms and 12 people needs no scrolling at 368 x 700', async ({
  playground,
}) => {
  const rooms = await bigWorkshop(playground, { rooms: 6, guests: 12 });
  const host = await playground.openPanel(HOST);
  await host.getByRole('button', { name: 'Plan a breakout' }).click();
  await playground.select(HOST, ...rooms);
  await host.getByRole('button', { name: 'Add 6 selected frames as rooms' }).click();
  const listed = host.getByRole('list', { name: 'Rooms' });
  for (const room of rooms) await expect(listed.getByText(room, { exact: true })).toBeVisible();
  await host.getByRole('button', { name: 'Split evenly at random' }).click();
  const shuffle = host.getByRole('button', { name: 'Shuffle again' });
  const duration = host.getByLabel('Duration in minutes');
  const start = host.getByRole('button', { name: 'Start breakout' });
  await duration.fill('10');
  await duration.press('Enter');
  await expect(start).toBeEnabled();

  // Every step of the path, from the first room to Start, inside the first 700 px.
  const bottom = await bottomOf([listed, shuffle, duration, start]);
  const fits = bottom <= 700;
  recordForBench({ planningMainPathFits: fits, planningMainPathBottomPx: bottom });
  // The planning picture of the README and the facilitator's guide: the first 700 px.
  if (updatingDocs) {
    await playground
      .column(HOST)
      .locator('iframe[data-kind="panel"]')
      .evaluate((iframe) => {
        (iframe as HTMLIFrameElement).style.height = '700px';
      });
    await playground
      .column(HOST)
      .getByRole('complementary', { name: `Breakout Rooms panel of ${HOST}` })
      .screenshot({ path: docsPath('facilitator-planning.png') });
  }
  console.log(`planning main path, 6 rooms x 12 people: bottom at ${bottom} px`);
  expect(bottom).toBeLessThanOrEqual(700);
});

test("layout: a participant's room name, time left and help button are within the first 400 px", async ({
  playground,
}) => {
  // Six people with the app, the five participants in one room: each has four roommates (a
  // random split would make the figure depend on the draw).
  await playground.open();
  const host = await planAndStart(playground, HOST, ['Room 1 · Ideas']);
  await expect(timeLeft(host)).toBeVisible();
  const guest = 'Jonas Weber';
  await playground.acceptInvitation(guest);
  const panel = await playground.openPanel(guest);
  const mine = panel.getByRole('region', { name: 'Your breakout' });
  await expect(mine).toContainText('You are in your room.');
  const bottom = await bottomOf([
    mine.getByRole('heading', { name: /^Your room: / }),
    timeLeft(panel),
    mine.getByRole('button', { name: 'Ask for help' }),
  ]);
  recordForBench({ participantKeyControlsBottomPx: bottom });
  console.log(`participant's key controls: bottom at ${bottom} px`);
  expect(bottom).toBeLessThanOrEqual(400);
});

test("layout: a person's room picker shows the chosen room's name clear of its arrow", async ({
  playground,
}) => {
  await playground.open({ users: 3 });
  const host = await playground.openPanel(HOST);
  await host.getByRole('button', { name: 'Plan a breakout' }).click();
  await playground.select(HOST, 'Room 1 · Ideas', 'Room 2 · Risks');
  await host.getByRole('button', { name: 'Add 2 selected frames as rooms' }).click();
  await host.getByRole('button', { name: 'Split evenly at random' }).click();
  await expect(host.getByRole('button', { name: 'Shuffle again' })).toBeVisible();
  await host.getByRole('tab', { name: 'By hand' }).click();
  const pickers = host.getByRole('combobox', { name: /^Room for / });
  await expect(pickers).toHaveCount(2);
  for (const picker of await pickers.all()) {
    // Where the chosen name's text ends, measured in the select's own font, against where the
    // arrow begins (mirotone draws it in the 24 px box 7 px from the right edge).
    const { textEnd, arrowStart } = await picker.evaluate((select: HTMLSelectElement) => {
      const style = getComputedStyle(select);
      const context = document.createElement('canvas').getContext('2d');
      if (!context) throw new Error('no canvas');
      context.font = style.font;
      const text = context.measureText(select.selectedOptions[0]?.text ?? '').width;
      return {
        textEnd: Number.parseFloat(style.paddingLeft) + text,
        arrowStart: select.clientWidth - 7 - 16,
      };
    });
    expect(textEnd).toBeLessThanOrEqual(arrowStart);
  }
});
