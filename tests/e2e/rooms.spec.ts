import type { BrowserContext, FrameLocator, Page } from '@playwright/test';
import { shootForDocs } from './docs-shots';
import {
  collectPageErrors,
  expect,
  Playground,
  reportPageErrors,
  stubExternalRequests,
  test,
  timeLeft,
} from './playground';

/**
 * Rooms that hold the work, clicked through in the playground: rooms made from a template frame
 * with their material, watched while they work, their results gathered at the end. One board
 * carries the story. With UPDATE_DOCS=1 each step refreshes its picture in docs/rooms/.
 */

const HOST = 'Maya Chen';
const PEOPLE = ['Jonas Weber', 'Aisha Okafor'] as const;
const TEMPLATE = 'Room 3 · Customers';
const ROOMS = ['Pains', 'Gains'] as const;
const MINUTE = 60_000;

/** Board items, as the simulated board holds them, read from the page. */
type Item = { id: string; type: string; title?: string; parentId: string | null };

test.describe('rooms with material: from a template, watched, harvested', () => {
  test.describe.configure({ mode: 'serial' });

  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let playground: Playground;
  let host: FrameLocator;
  /** The participant in the first room. */
  let writer: string = PEOPLE[0];

  const items = () =>
    page.evaluate(() => (window.playground?.board.items() ?? []) as unknown as Item[]);
  const frameId = async (title: string) =>
    (await items()).find((item) => item.type === 'frame' && item.title === title)?.id ?? '';
  /** Someone in the room writes a sticky note into its frame (content is markup, untrusted). */
  const writeInto = async (title: string, by: string, content: string) => {
    const parentId = await frameId(title);
    await page.evaluate(
      ({ parentId, by, content }) => {
        const board = window.playground?.board;
        const frame = board?.items().find((item) => item.id === parentId) as
          | { x: number; y: number }
          | undefined;
        const user = board?.users().find((candidate) => candidate.name === by);
        if (!board || !frame || !user) throw new Error('nothing to write into');
        board.addItems([{ type: 'sticky_note', content, x: frame.x, y: frame.y, parentId }], {
          by: user.id,
        });
      },
      { parentId, by, content },
    );
  };
  const card = (room: string) => host.getByRole('region', { name: room, exact: true });
  const shoot = (file: string, show: ReturnType<FrameLocator['getByRole']>[] = []) =>
    shootForDocs(page, `rooms/${file}`, [playground.column(HOST)], show);

  test.beforeAll(async ({ browser }, testInfo) => {
    context = await browser.newContext({
      baseURL: testInfo.project.use.baseURL,
      viewport: { width: 1600, height: 1000 },
    });
    await stubExternalRequests(context);
    page = await context.newPage();
    errors = collectPageErrors(page);
    playground = new Playground(page);
    await playground.open({ users: 1 + PEOPLE.length });
    host = await playground.openPanel(HOST);
    await host.getByRole('button', { name: 'Plan a breakout' }).click();
  });

  test.afterEach(async () => {
    await reportPageErrors(errors, test.info());
  });

  test.afterAll(async () => {
    await context.close().catch(() => {});
  });

  test('rooms from template', async () => {
    await writeInto(TEMPLATE, HOST, '<p>Who <img src=x onerror="top.__pwned=1"> buys?</p>');
    await host.getByText('Create rooms from this frame', { exact: true }).click();
    await expect(host.getByText(/Select one frame on the board/)).toBeVisible();
    await playground.select(HOST, TEMPLATE);
    await expect(host.getByText(`Template: ${TEMPLATE}`)).toBeVisible();
    await host.getByLabel('Number of rooms').fill('2');
    await host.getByLabel('Prompts (optional, one per line)').fill(ROOMS.join('\n'));
    await host.getByLabel('Prompt as').selectOption('Sticky note');
    await host.getByRole('button', { name: 'Create 2 rooms from this frame' }).click();

    await expect(host.getByText(/^2 rooms · \d+ items$/)).toBeVisible();
    const listed = host.getByRole('list', { name: 'Rooms' });
    for (const room of ROOMS) await expect(listed.getByText(room, { exact: true })).toBeVisible();
    // Each room holds what the template holds and its prompt, made children of its frame.
    const childrenOf = async (title: string) => {
      const id = await frameId(title);
      return (await items()).filter((item) => item.parentId === id);
    };
    const material = (await childrenOf(TEMPLATE)).length;
    expect(material).toBeGreaterThan(0);
    for (const room of ROOMS) expect(await childrenOf(room)).toHaveLength(material + 1);
    // The copied markup stayed text: no element was made from it, no script ran.
    await expect(host.locator('img')).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await shoot('template.png', [host.getByRole('progressbar')]);
  });

  test('room activity', async () => {
    await host.getByRole('button', { name: 'Split evenly at random' }).click();
    await expect(host.getByRole('button', { name: 'Shuffle again' })).toBeVisible();
    await host.getByRole('button', { name: 'Start breakout' }).click();
    await expect(timeLeft(host)).toBeVisible();
    writer = (await playground.invitedTo(PEOPLE[0])) === ROOMS[0] ? PEOPLE[0] : PEOPLE[1];
    for (const name of PEOPLE) await playground.acceptInvitation(name);
    for (const room of ROOMS) await expect(card(room)).toContainText('1 of 1 joined');

    await writeInto(ROOMS[0], writer, '<p>Slow onboarding</p>');
    // From the item event where Miro sends one, else from the poll within a minute (I1).
    await expect(card(ROOMS[0])).toContainText('1 item added or changed in 5 min', {
      timeout: 1.5 * MINUTE,
    });
    await expect(card(ROOMS[0])).toContainText(/last change (just now|1 min ago)/);
    await expect(card(ROOMS[1])).toContainText('no change yet');
    await shoot('activity.png', [card(ROOMS[0])]);
  });

  test('quiet room', async () => {
    // A minute of a still room, in real time.
    test.setTimeout(3 * MINUTE);
    // Set rarely, so folded behind one button beside "Announce to all rooms".
    await host.getByRole('button', { name: 'Quiet rooms' }).click();
    const after = host.getByLabel('Quiet after (min)');
    await expect(after).toHaveValue('5');
    await after.fill('1');
    await after.press('Enter');
    // Gains has people and no change: quiet once a minute has passed since the start.
    await expect(card(ROOMS[1]).getByText('quiet', { exact: true })).toBeVisible({
      timeout: 1.5 * MINUTE,
    });
    // A change wakes a room: Pains, written into again, is not quiet.
    await writeInto(ROOMS[0], writer, '<p>Pricing is unclear</p>');
    await expect(card(ROOMS[0]).getByText('quiet', { exact: true })).toHaveCount(0);
    await expect(host.locator('.room-card .room-name')).toHaveText([...ROOMS]);
    await host.getByText('Quiet rooms first').click();
    await expect(host.getByLabel('Quiet rooms first')).toBeChecked();
    await expect(host.locator('.room-card .room-name')).toHaveText([ROOMS[1], ROOMS[0]]);
    // Nothing of this is sent to participants.
    const participant = await playground.openPanel(PEOPLE[0]);
    await expect(timeLeft(participant)).toBeVisible();
    await expect(participant.getByText('quiet', { exact: true })).toHaveCount(0);
    await shoot('quiet.png', [host.getByLabel('Quiet rooms first')]);
  });

  test('harvest', async () => {
    await host.getByRole('button', { name: 'End breakout' }).click();
    await host.getByRole('alertdialog').getByRole('button', { name: 'End breakout now' }).click();
    await expect(host.getByRole('heading', { name: 'Breakout ended' })).toBeVisible();
    await expect(host.getByText(/^2 items added · active \d+ min$/)).toBeVisible();
    await host.getByRole('button', { name: 'Gather results into the main area' }).click();
    await expect(host.getByText(/^2 columns · \d+ items$/)).toBeVisible();
    const results = await frameId('Results');
    expect(results).not.toBe('');
    const gathered = (await items()).filter((item) => item.parentId === results);
    expect(gathered.length).toBeGreaterThan(2);
    await expect(host.locator('img')).toHaveCount(0);
    await shoot('harvest.png', [host.getByRole('progressbar')]);
  });
});
