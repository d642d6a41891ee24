import { expect, panel, test } from './playground';

const HOST = 'Maya Chen';
const PARTICIPANTS = [
  'Jonas Weber',
  'Aisha Okafor',
  'Lucas Martins',
  'Priya Raman',
  'Tomás García',
];

test('playground loads with 6 users', async ({ playground }) => {
  await playground.open();

  await expect(playground.columns()).toHaveCount(6);
  for (const name of [HOST, ...PARTICIPANTS]) {
    const column = playground.column(name);
    await expect(column.getByRole('heading', { name })).toBeVisible();
    await expect(column.getByText('Online', { exact: true })).toBeVisible();
    // Every user runs the app's real headless page, as Miro loads it for everyone on the board.
    await expect(column.locator('iframe[data-kind="headless"]')).toHaveAttribute(
      'src',
      '/index.html',
    );
  }
  await expect(playground.page.getByRole('button', { name: /^Frame / })).toHaveCount(7);
});

test('?users=N sets the number of people', async ({ playground }) => {
  await playground.open({ users: 3 });
  await expect(playground.columns()).toHaveCount(3);
  await playground.addUser();
  await expect(playground.columns()).toHaveCount(4);
});

test("clicking the app icon opens that user's panel", async ({ playground }) => {
  await playground.open();

  const jonas = await playground.openPanel('Jonas Weber');

  await expect(jonas.getByText('You are Jonas Weber')).toBeVisible();
  // Panels are per tab: nobody else's opened.
  for (const name of [HOST, 'Aisha Okafor']) {
    await expect(playground.column(name).locator('iframe[data-kind="panel"]')).toHaveCount(0);
  }
  await playground.closePanel('Jonas Weber');
  await expect(playground.column('Jonas Weber').locator('iframe[data-kind="panel"]')).toHaveCount(
    0,
  );
});

test("selecting a frame shows it in that user's panel", async ({ playground }) => {
  await playground.open();
  const aisha = await playground.openPanel('Aisha Okafor');
  const maya = await playground.openPanel(HOST);
  await expect(aisha.getByText('You are Aisha Okafor')).toBeVisible();

  await playground.select('Aisha Okafor', 'Room 2 · Risks');

  await expect(panel.selection(aisha)).toContainText('Room 2 · Risks');
  // Selection belongs to one user's tab: the host selected nothing.
  await expect(panel.selection(maya)).not.toContainText('Room 2 · Risks');
});

test("a user going offline disappears from others' online lists", async ({ playground }) => {
  await playground.open();
  const maya = await playground.openPanel(HOST);
  const online = panel.onlineList(maya);
  await expect(online.getByText('Lucas Martins', { exact: true })).toBeVisible();

  await playground.setOnline('Lucas Martins', false);
  await expect(online.getByText('Lucas Martins', { exact: true })).toHaveCount(0);
  await expect(online.getByText('Priya Raman', { exact: true })).toBeVisible();

  await playground.setOnline('Lucas Martins', true);
  await expect(online.getByText('Lucas Martins', { exact: true })).toBeVisible();
});
