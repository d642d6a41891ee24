import type { FrameLocator, Page } from '@playwright/test';
import { docsPath, updatingDocs } from './docs-shots';
import { expect, type Playground, placingByHand, test } from './playground';

/**
 * The planning tools, each tried in the playground as a facilitator and participants would.
 * Three people keep it light on a two-core machine. With UPDATE_DOCS=1 each test also refreshes
 * its screenshot in docs/ (off by default so `npm test` never rewrites tracked files).
 */
const HOST = 'Maya Chen';
const JONAS = 'Jonas Weber';
const AISHA = 'Aisha Okafor';
const ROOM_1 = 'Room 1 · Ideas';
const ROOM_2 = 'Room 2 · Risks';

async function shot(page: Page, name: string): Promise<void> {
  if (updatingDocs) await page.screenshot({ path: docsPath(`planning-${name}.png`) });
}

/** The host plans a breakout with the first two rooms; returns the host's panel. */
async function hostWithRooms(playground: Playground): Promise<FrameLocator> {
  await playground.open({ users: 3 });
  const host = await playground.openPanel(HOST);
  await host.getByRole('button', { name: 'Plan a breakout' }).click();
  await playground.select(HOST, ROOM_1, ROOM_2);
  await host.getByRole('button', { name: 'Add 2 selected frames as rooms' }).click();
  await expect(
    host.getByRole('list', { name: 'Rooms' }).getByText(ROOM_2, { exact: true }),
  ).toBeVisible();
  return host;
}

/** A tool off the main path: behind a tab of the People step, or a disclosure further down. */
async function openTool(host: FrameLocator, opener: 'tab' | 'disclosure', name: string) {
  if (opener === 'tab') await host.getByRole('tab', { name }).click();
  else await host.getByText(name, { exact: true }).click();
}

async function startAndJoin(playground: Playground, host: FrameLocator): Promise<void> {
  await host.getByRole('button', { name: 'Start breakout' }).click();
  for (const name of [JONAS, AISHA]) await playground.acceptInvitation(name);
  await expect(host.getByRole('button', { name: 'End breakout' })).toBeVisible();
}

async function end(host: FrameLocator): Promise<void> {
  await host.getByRole('button', { name: 'End breakout' }).click();
  await host.getByRole('button', { name: 'End breakout now' }).click();
  await expect(host.getByRole('heading', { name: 'Breakout ended' })).toBeVisible();
}

test('self-select: participants pick rooms, a full room shows as full, the rest are placed', async ({
  playground,
}) => {
  const host = await hostWithRooms(playground);
  await openTool(host, 'tab', 'They choose');
  await host.getByLabel('Places per room (empty for no limit)').fill('1');
  await host.getByRole('button', { name: 'Open rooms for choice' }).click();
  await expect(host.getByText(/Rooms are open for choice/)).toBeVisible();

  const jonas = await playground.openPanel(JONAS);
  await jonas.getByRole('button', { name: `Choose ${ROOM_1}` }).click();
  await expect(
    jonas
      .getByRole('list', { name: 'Rooms to choose from' })
      .getByRole('listitem')
      .filter({ hasText: ROOM_1 }),
  ).toContainText('1 of 1 places taken · your choice');
  const aisha = await playground.openPanel(AISHA);
  await expect(aisha.getByRole('button', { name: `${ROOM_1} is full` })).toBeDisabled();
  await shot(playground.page, 'self-select');

  await host.getByRole('button', { name: 'Place everyone who has not chosen' }).click();
  await expect((await placingByHand(host)).getByLabel(`Room for ${AISHA}`)).toHaveValue(/.+/);
  await expect(aisha.getByRole('heading', { name: `Your room: ${ROOM_2}` })).toBeVisible();
});

test('pre-assign: a pasted list places people by name and flags what it cannot match', async ({
  playground,
}) => {
  const host = await hostWithRooms(playground);
  await openTool(host, 'tab', 'From a list');
  await host
    .getByLabel('Names and rooms, one per line')
    .fill(`${JONAS} -> ${ROOM_2}\n${AISHA}, Room 1\nKen Late -> ${ROOM_1}\nNobody -> Room 9`);
  await host.getByRole('button', { name: 'Import list' }).click();
  const rows = host.getByRole('list', { name: 'Pre-assigned people' });
  await expect(rows).toContainText(`${JONAS} → ${ROOM_2}: placed`);
  await expect(rows).toContainText(`${AISHA} → ${ROOM_1}: placed`);
  await expect(rows).toContainText('Ken Late → Room 1 · Ideas: not online yet');
  await expect(host.getByRole('list', { name: 'Import report' })).toContainText(
    'There is no room 9',
  );
  await shot(playground.page, 'pre-assign');
});

test('history: a finished breakout is listed and its groups can be used again', async ({
  playground,
}) => {
  const host = await hostWithRooms(playground);
  await host.getByRole('button', { name: 'Split evenly at random' }).click();
  await startAndJoin(playground, host);
  await end(host);
  await host.getByRole('button', { name: 'Run again', exact: true }).click();
  await host.getByRole('button', { name: 'Clear all rooms' }).click();
  await openTool(host, 'disclosure', 'Past breakouts');
  const past = host.getByRole('list', { name: 'Past breakouts' });
  await expect(past.getByRole('listitem').first()).toContainText('2 rooms, 2 people');
  // The picture shows the list itself, taken before its groups are used.
  if (updatingDocs) await past.scrollIntoViewIfNeeded();
  await shot(playground.page, 'history');
  await past.getByRole('button', { name: /^Use the groups of the breakout of / }).click();
  await expect((await placingByHand(host)).getByLabel(`Room for ${JONAS}`)).toHaveValue(/.+/);
});

test('rotation: rounds are planned as a schedule and the next round starts in one click', async ({
  playground,
}) => {
  const host = await hostWithRooms(playground);
  await openTool(host, 'disclosure', 'Rotation rounds');
  await host.getByLabel('Rounds', { exact: true }).fill('2');
  await host.getByRole('button', { name: 'Plan rounds' }).click();
  const schedule = host.getByRole('table', { name: 'Rotation schedule' });
  await expect(schedule.getByRole('row')).toHaveCount(3);
  await expect(host.getByText(/Repeated pairings: \d+/)).toBeVisible();
  await shot(playground.page, 'rotation');

  await host.getByRole('button', { name: 'Start round 1 of 2' }).click();
  await expect(host.getByRole('button', { name: 'End breakout' })).toBeVisible();
  await expect(playground.invitation(JONAS)).toHaveCount(1);
  await end(host);
  await expect(host.getByRole('button', { name: 'Start round 2 of 2' })).toBeVisible();
});

test('create frames: room frames are drawn beside a template and added as rooms', async ({
  playground,
}) => {
  await playground.open({ users: 3 });
  const host = await playground.openPanel(HOST);
  await host.getByRole('button', { name: 'Plan a breakout' }).click();
  await openTool(host, 'disclosure', 'Make room frames');
  await host.getByLabel('Template frame').selectOption({ label: 'Main area' });
  await host.getByLabel('Number of rooms').fill('3');
  await host.getByRole('button', { name: 'Create 3 room frames' }).click();
  for (const title of ['Room 1', 'Room 2', 'Room 3']) {
    await expect(
      playground.page.getByRole('button', { name: `Frame ${title}`, exact: true }),
    ).toBeVisible();
  }
  await expect(host.getByRole('list', { name: 'Rooms' }).getByRole('listitem')).toHaveCount(3);
  await shot(playground.page, 'create-frames');
});

test('report-back: everyone is walked through the room frames after the end', async ({
  playground,
}) => {
  const host = await hostWithRooms(playground);
  await host.getByRole('button', { name: 'Split evenly at random' }).click();
  await startAndJoin(playground, host);
  await end(host);
  await host.getByRole('button', { name: 'Start report-back' }).click();
  await expect(host.getByText(/Now reporting: Room 1 · Ideas \(1 of 2\)/)).toBeVisible();
  for (const name of [HOST, JONAS, AISHA]) {
    await expect(playground.viewport(name)).toContainText(`is looking at ${ROOM_1}`);
  }
  await host.getByRole('button', { name: 'Next room' }).click();
  for (const name of [JONAS, AISHA]) {
    await expect(playground.viewport(name)).toContainText(`is looking at ${ROOM_2}`);
  }
  await expect(host.getByRole('list', { name: 'Room summaries' })).toContainText('No items added');
  await shot(playground.page, 'report-back');
});
