import type { MiroSurface } from '../../src/sdk/surface';
import { expect, test } from './playground';

/**
 * The playground itself: what it draws and what its Miro-owned UI does, driven through the
 * simulated SDK of a user's app page so these hold whatever the app's own screens look like.
 */

/** Runs in an app page: its simulated `miro`, found the way the app finds it. */
declare global {
  interface Window {
    __breakoutRoomsSimulator?: { connect(appWindow: Window): MiroSurface | null };
  }
}

test('invitation toasts show session and inviter; Join and Decline answer them', async ({
  playground,
}) => {
  await playground.open({ users: 3 });
  const maya = await playground.headlessFrame('Maya Chen');
  await maya.evaluate(async () => {
    const miro = window.parent.__breakoutRoomsSimulator?.connect(window);
    if (!miro) throw new Error('not connected to the simulator');
    const session = await miro.board.collaboration.startSession({ name: 'Room 2 · Risks' });
    const others = (await miro.board.getOnlineUsers()).filter((u) => u.name !== 'Maya Chen');
    await session.invite(others);
  });

  const toast = playground.invitation('Jonas Weber', 'Room 2 · Risks');
  await expect(toast).toContainText('Maya Chen invites you to join the session Room 2 · Risks');
  await expect(toast).toContainText(/Expires in 0:\d\d/);
  await playground.acceptInvitation('Jonas Weber', 'Room 2 · Risks');
  await playground.declineInvitation('Aisha Okafor', 'Room 2 · Risks');

  await expect(playground.invitation('Jonas Weber')).toHaveCount(0);
  await expect(playground.invitation('Aisha Okafor')).toHaveCount(0);
  const sessions = playground.page.getByRole('region', { name: 'Sessions' });
  await expect(sessions).toContainText('Room 2 · Risks (started by Maya Chen): Jonas Weber');
});

test('notifications show as plain text in the tab that sent them', async ({ playground }) => {
  await playground.open({ users: 2 });
  const jonas = await playground.headlessFrame('Jonas Weber');
  await jonas.evaluate(async () => {
    const miro = window.parent.__breakoutRoomsSimulator?.connect(window);
    await miro?.board.notifications.showInfo('Room <b>3</b> needs help');
  });

  await expect(playground.notifications('Jonas Weber')).toHaveText(['Room <b>3</b> needs help×']);
  await expect(playground.notifications('Maya Chen')).toHaveCount(0);
});

test('renamed and deleted frames change on the board and in every selection list', async ({
  playground,
}) => {
  await playground.open({ users: 2 });
  const { page } = playground;

  await playground.renameFrame('Room 4 · Roadmap', 'Room 4 · Roadmap 2027');
  await playground.deleteFrame('Room 6 · Wildcards');

  await expect(page.getByRole('button', { name: 'Frame Room 4 · Roadmap 2027' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Frame Room 6 · Wildcards' })).toHaveCount(0);
  const list = playground.column('Jonas Weber').getByLabel('Select on board as Jonas Weber');
  await expect(list.getByRole('option', { name: 'Room 4 · Roadmap 2027' })).toHaveCount(1);
  await expect(list.getByRole('option', { name: 'Room 6 · Wildcards' })).toHaveCount(0);
});

test('a second tab of a user gets its own column and selection', async ({ playground }) => {
  await playground.open({ users: 2 });
  await playground.openSecondTab('Jonas Weber');
  await expect(playground.columns()).toHaveCount(3);

  await playground.select('Jonas Weber (tab 2)', 'Room 1 · Ideas');
  await expect(
    playground.column('Jonas Weber (tab 2)').getByRole('button', { name: 'Clear selection' }),
  ).toBeVisible();
  await expect(
    playground.column('Jonas Weber').getByRole('button', { name: 'Clear selection' }),
  ).toHaveCount(0);
});

test('URL parameters preset the simulator settings', async ({ playground }) => {
  await playground.open({ users: 1, params: { latency: 120, timerEntitled: false } });
  await playground.page.getByRole('button', { name: 'Settings' }).click();
  const drawer = playground.page.getByRole('complementary', { name: 'Simulator settings' });

  await expect(drawer.getByLabel('Call latency (ms)')).toHaveValue('120');
  await expect(drawer.getByLabel('Event latency (ms)')).toHaveValue('120');
  await expect(drawer.getByLabel('Timer available (paid plan) (T4)')).not.toBeChecked();

  await drawer.getByLabel('Storage echo to the writer (S1)').selectOption('none');
  const echo = await playground.page.evaluate(() => window.playground?.board.options.echoToWriter);
  expect(echo).toBe('none');
});
