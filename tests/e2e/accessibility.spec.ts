import { expectAccessiblePage, expectAccessiblePanel, unreachableByTab } from './a11y';
import { expect, test, timeLeft } from './playground';

/**
 * Every view of the panel through axe-core (no serious or critical issue) and the keyboard
 * (every control reached by Tab with a visible focus; dialogs keep focus inside and give it
 * back), as a facilitator and two participants go through a breakout in the playground.
 */
const HOST = 'Maya Chen';
const JOINER = 'Jonas Weber';
const DECLINER = 'Aisha Okafor';
const ROOM = 'Room 1 · Ideas';

test('axe: the panel opened outside Miro', async ({ page }) => {
  await page.goto('/app.html');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessiblePage(page, 'not in Miro');
});

test('axe and keyboard: every view of a breakout, facilitator and participants', async ({
  playground,
}) => {
  test.setTimeout(180_000);
  const { page } = playground;
  await playground.open({ users: 3 });

  // Planning, and a participant waiting for the start.
  const host = await playground.openPanel(HOST);
  await host.getByRole('button', { name: 'Plan a breakout' }).click();
  await playground.select(HOST, ROOM);
  await host.getByRole('button', { name: 'Add 1 selected frame as a room' }).click();
  await host.getByRole('button', { name: 'Split evenly at random' }).click();
  await expect(host.getByRole('button', { name: 'Shuffle again' })).toBeVisible();
  // Co-facilitators: one disclosure; the one named may take over at once.
  await host.getByText('Co-facilitators', { exact: true }).click();
  await host.getByRole('list', { name: 'Co-facilitators' }).getByText(JOINER).click();
  await expect(host.getByRole('checkbox', { name: JOINER })).toBeChecked();
  await expectAccessiblePanel(page, HOST, 'facilitator planning');
  expect(await unreachableByTab(page, host), 'Tab through planning').toEqual([]);

  const joiner = await playground.openPanel(JOINER);
  await expect(joiner.getByText(`Waiting for ${HOST} to start the breakout.`)).toBeVisible();
  await expectAccessiblePanel(page, JOINER, 'participant waiting');
  expect(await unreachableByTab(page, joiner), 'Tab through waiting').toEqual([]);

  // Take-over: its confirmation keeps focus inside and gives it back on Escape.
  const takeOver = joiner.getByRole('button', { name: 'Take over as facilitator' });
  await takeOver.focus();
  await page.keyboard.press('Enter');
  const dialog = joiner.getByRole('alertdialog');
  await expect(dialog).toContainText(`Take over from ${HOST}?`);
  await expectAccessiblePanel(page, JOINER, 'take-over confirmation');
  for (let press = 0; press < 5; press += 1) {
    await page.keyboard.press('Tab');
    await expect(dialog.locator(':focus')).toHaveCount(1);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(takeOver).toBeFocused();

  // Running: the facilitator's room board, one participant in their room, one who declined.
  await host.getByRole('button', { name: 'Start breakout' }).click();
  await expect(timeLeft(host)).toBeVisible();
  await playground.acceptInvitation(JOINER);
  await playground.declineInvitation(DECLINER);
  await expect(host.getByRole('region', { name: ROOM })).toContainText('1 of 2 joined');
  await expectAccessiblePanel(page, HOST, 'facilitator running');
  expect(await unreachableByTab(page, host), 'Tab through running').toEqual([]);

  await expect(joiner.getByRole('region', { name: 'Your breakout' })).toContainText(
    'You are in your room.',
  );
  await expectAccessiblePanel(page, JOINER, 'participant in their room');
  expect(await unreachableByTab(page, joiner), 'Tab through the room').toEqual([]);

  const decliner = await playground.openPanel(DECLINER);
  await expect(decliner.getByRole('button', { name: 'Ask to rejoin' })).toBeVisible();
  await expectAccessiblePanel(page, DECLINER, 'participant who declined');
  expect(await unreachableByTab(page, decliner), 'Tab through declined').toEqual([]);

  // Not a co-facilitator: they ask, and the facilitator's panel shows it with Allow / Deny.
  await decliner.getByRole('button', { name: 'Ask to facilitate' }).click();
  await expect(decliner.getByText(/You asked to facilitate/)).toBeVisible();
  const asks = host.getByRole('list', { name: 'Asks to facilitate' });
  await expect(asks).toContainText(DECLINER);
  await expectAccessiblePanel(page, HOST, 'facilitator with a request to facilitate');
  await asks.getByRole('button', { name: `Deny ${DECLINER}’s request` }).click();
  await expect(asks).toHaveCount(0);
  await expect(decliner.getByRole('button', { name: 'Ask to facilitate' })).toBeVisible();

  // End: the dialog traps focus and returns it when cancelled; then the ended views.
  const end = host.getByRole('button', { name: 'End breakout' });
  await end.focus();
  await page.keyboard.press('Enter');
  const confirm = host.getByRole('alertdialog');
  await expect(confirm.getByRole('button', { name: 'Keep going' })).toBeFocused();
  for (let press = 0; press < 5; press += 1) {
    await page.keyboard.press('Shift+Tab');
    await expect(confirm.locator(':focus')).toHaveCount(1);
  }
  await page.keyboard.press('Escape');
  await expect(end).toBeFocused();
  await end.click();
  await confirm.getByRole('button', { name: 'End breakout now' }).click();
  await expect(host.getByRole('heading', { name: 'Breakout ended' })).toBeVisible();
  await expectAccessiblePanel(page, HOST, 'facilitator after the end');
  expect(await unreachableByTab(page, host), 'Tab through the end').toEqual([]);

  await expect(joiner.getByText('The breakout has ended.')).toBeVisible();
  await expectAccessiblePanel(page, JOINER, 'participant after the end');
});
