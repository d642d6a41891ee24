import { expect, placingByHand, test } from './playground';

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

  // The panel knows whose it is: planning would make Jonas the facilitator.
  await expect(jonas.getByText(/You, Jonas Weber, become its facilitator/)).toBeVisible();
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
  const maya = await playground.openPanel(HOST);
  await maya.getByRole('button', { name: 'Plan a breakout' }).click();
  const selected = maya.getByText(/^Selected on the board:/);
  await expect(maya.getByText('Select frames on the board to add them as rooms.')).toBeVisible();

  // Selection belongs to one user's tab: what Aisha selects is not the host's.
  await playground.select('Aisha Okafor', 'Room 2 · Risks');
  await playground.select(HOST, 'Room 1 · Ideas');
  await expect(selected).toHaveText('Selected on the board: Room 1 · Ideas');
  await expect(maya.getByRole('button', { name: 'Add 1 selected frame as a room' })).toBeEnabled();
});

test("a user going offline disappears from others' online lists", async ({ playground }) => {
  await playground.open();
  const maya = await playground.openPanel(HOST);
  await maya.getByRole('button', { name: 'Plan a breakout' }).click();
  // Who is online shows where it helps a decision: among the people to place in rooms.
  const people = await placingByHand(maya);
  await expect(people.getByText('Lucas Martins', { exact: true })).toBeVisible();

  await playground.setOnline('Lucas Martins', false);
  await expect(people.getByText('Lucas Martins', { exact: true })).toHaveCount(0);
  await expect(people.getByText('Priya Raman', { exact: true })).toBeVisible();

  await playground.setOnline('Lucas Martins', true);
  await expect(people.getByText('Lucas Martins', { exact: true })).toBeVisible();
});
