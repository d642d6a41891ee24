import type { BrowserContext, FrameLocator, Page } from '@playwright/test';
import { shootForDocs } from './docs-shots';
import {
  collectPageErrors,
  expect,
  Playground,
  planAndStart,
  reportPageErrors,
  stubExternalRequests,
  test,
  timeLeft,
} from './playground';

/**
 * Facilitation while rooms run, clicked through in the playground: announcements, the closing
 * warning, more time, pause, moving people, locking and closing rooms, the help queue and visits.
 * One board carries the story (the machine has two cores); the warning has its own short run.
 * With UPDATE_DOCS=1 each action also refreshes its picture in docs/facilitation/ (facilitation.md).
 */

const HOST = 'Maya Chen';
const PEOPLE = ['Jonas Weber', 'Aisha Okafor', 'Lucas Martins'] as const;
const ROOMS = ['Room 1 · Ideas', 'Room 2 · Risks'] as const;
const MAIN_AREA = 'Main area';

const lookingAt = (name: string, frame: string) => `${name} is looking at ${frame}`;

const roomRegion = (panel: FrameLocator, room: string) =>
  panel.getByRole('region', { name: room, exact: true });

test.describe('facilitating a running breakout: host and three participants', () => {
  test.describe.configure({ mode: 'serial' });

  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let playground: Playground;
  let host: FrameLocator;
  const roomOf = new Map<string, string>();
  const room = (name: string) => roomOf.get(name) ?? '';
  const peopleIn = (target: string) => PEOPLE.filter((name) => room(name) === target);
  /** The columns of these people as a picture for docs/facilitation/, `show` scrolled into view. */
  const shoot = (
    file: string,
    who: readonly string[],
    show: ReturnType<FrameLocator['getByRole']>[] = [],
  ) =>
    shootForDocs(
      page,
      `facilitation/${file}`,
      who.map((name) => playground.column(name)),
      show,
    );

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
    host = await planAndStart(playground, HOST, ROOMS, { minutes: 15 });
    for (const name of PEOPLE) roomOf.set(name, await playground.invitedTo(name));
    for (const name of PEOPLE) await playground.acceptInvitation(name);
    for (const name of PEOPLE) {
      await expect(playground.viewport(name)).toHaveText(lookingAt(name, room(name)));
    }
  });

  test.afterEach(async () => {
    await reportPageErrors(errors, test.info());
  });

  // The last chapter closes the board itself: closing it after the last test races Playwright's
  // removal of that test's trace files (ENOENT). This only cleans up after an earlier failure.
  test.afterAll(async () => {
    await context.close().catch(() => {});
  });

  test('announce: a long message reaches everyone as notifications and stays in their panel', async () => {
    const text =
      'Welcome back in five minutes. Please put your three strongest ideas on green stickies first.';
    await host.getByRole('button', { name: 'Announce to all rooms' }).click();
    await host.getByLabel('Message').fill(text);
    await host.getByRole('button', { name: 'Send to all rooms' }).click();
    // Notifications fade after 10 s: everyone's are awaited at once.
    await Promise.all(
      PEOPLE.map((name) =>
        expect(playground.notifications(name).filter({ hasText: '(2/2)' })).toHaveCount(1),
      ),
    );
    const jonas = await playground.openPanel(PEOPLE[0]);
    const announcements = jonas.getByRole('region', { name: 'From the facilitator' });
    await expect(announcements).toContainText(text);
    await expect(host.getByLabel('Message')).toHaveValue('');
    await shoot(
      'announce.png',
      [HOST, PEOPLE[0]],
      [host.getByRole('region', { name: 'Announce to all rooms' }), announcements],
    );
  });

  test('help queue: the request shows with room and time, one click goes there, the person is told', async () => {
    const [jonasName] = PEOPLE;
    const jonas = playground.panelFrame(jonasName);
    await jonas.getByRole('button', { name: 'Ask for help' }).click();
    const requests = host.getByRole('region', { name: 'Help requests' });
    await expect(requests).toContainText(
      new RegExp(`${jonasName} in ${room(jonasName)} · asked at`),
    );
    await requests
      .getByRole('button', { name: `Go to ${room(jonasName)} to help ${jonasName}` })
      .click();
    await expect(playground.viewport(HOST)).toHaveText(lookingAt(HOST, room(jonasName)));
    await expect(jonas.getByText('The facilitator is on the way.')).toBeVisible();
    await expect(requests).toContainText('you are on the way');
    await shoot(
      'help-queue.png',
      [HOST, jonasName],
      [requests, jonas.getByText('The facilitator is on the way.')],
    );
    await requests.getByRole('button', { name: `Done helping ${jonasName}` }).click();
    // Nobody waits any more: the list is gone, and so is the header's count.
    await expect(requests).toHaveCount(0);
    await expect(host.getByRole('button', { name: /for help: show$/ })).toHaveCount(0);
  });

  test('visit: the host jumps into a room, then brings that room to the main area', async () => {
    const target = room(PEOPLE[0]);
    const other = ROOMS.find((candidate) => candidate !== target) ?? ROOMS[1];
    await roomRegion(host, other)
      .getByRole('button', { name: `Go to ${other}` })
      .click();
    await expect(playground.viewport(HOST)).toHaveText(lookingAt(HOST, other));
    await playground.select(HOST, MAIN_AREA);
    await roomRegion(host, target)
      .getByRole('button', { name: `Bring ${target} here` })
      .click();
    for (const name of peopleIn(target)) {
      await expect(playground.viewport(name)).toHaveText(lookingAt(name, MAIN_AREA));
    }
    for (const name of peopleIn(other)) {
      await expect(playground.viewport(name)).toHaveText(lookingAt(name, other));
    }
    await shootForDocs(
      page,
      'facilitation/visit.png',
      [page.getByRole('region', { name: 'Board' }), playground.column(HOST)],
      [roomRegion(host, target)],
    );
  });

  test('extend: +1 min reaches the board timer and every panel', async () => {
    const jonas = playground.panelFrame(PEOPLE[0]);
    await host.getByRole('button', { name: 'Add 1 minute' }).click();
    await expect(timeLeft(jonas)).toHaveText(/^1[56]:\d\d$/);
    await expect(page.getByLabel('Board timer')).toContainText('left of 16:00');
    await shootForDocs(
      page,
      'facilitation/extend.png',
      [page.getByLabel('Board timer'), playground.column(HOST), playground.column(PEOPLE[0])],
      [host.getByRole('button', { name: 'Add 1 minute' }), timeLeft(jonas)],
    );
  });

  test('pause: the countdown stops on the board timer and in every panel, and resumes', async () => {
    const jonas = playground.panelFrame(PEOPLE[0]);
    await host.getByRole('button', { name: 'Pause timer' }).click();
    await expect(jonas.getByText('Paused', { exact: true })).toBeVisible();
    await expect(page.getByLabel('Board timer')).toContainText('Timer paused');
    await shoot(
      'pause.png',
      [HOST, PEOPLE[0]],
      [
        host.getByRole('button', { name: 'Resume timer' }),
        jonas.getByText('Paused', { exact: true }),
      ],
    );
    await host.getByRole('button', { name: 'Resume timer' }).click();
    await expect(jonas.getByText('Paused', { exact: true })).toHaveCount(0);
    await expect(page.getByLabel('Board timer')).toContainText('Timer running');
  });

  test('lock: a locked room takes nobody new', async () => {
    const [mover] = PEOPLE;
    const other = ROOMS.find((candidate) => candidate !== room(mover)) ?? ROOMS[1];
    await roomRegion(host, other)
      .getByRole('button', { name: `Lock ${other}` })
      .click();
    await expect(roomRegion(host, other)).toContainText('Locked: nobody new is let in.');
    await host.getByRole('button', { name: `Move ${mover} to another room` }).click();
    await host.getByLabel(`Room for ${mover}`).selectOption({ label: other });
    await expect(host.getByRole('alert').filter({ hasText: 'is locked' })).toBeVisible();
    await expect(playground.invitation(mover)).toHaveCount(0);
    await shoot('lock.png', [HOST], [host.getByRole('alert').filter({ hasText: 'is locked' })]);
    await roomRegion(host, other)
      .getByRole('button', { name: `Unlock ${other}` })
      .click();
    await expect(roomRegion(host, other)).not.toContainText('Locked');
  });

  test('move: a person moved to another room is invited there, leaves the old one and lands in its frame', async () => {
    const [mover] = PEOPLE;
    const from = room(mover);
    const to = ROOMS.find((candidate) => candidate !== from) ?? ROOMS[1];
    await host.getByRole('button', { name: `Move ${mover} to another room` }).click();
    await host.getByLabel(`Room for ${mover}`).selectOption({ label: to });
    await expect(
      roomRegion(host, to).getByRole('listitem').filter({ hasText: mover }),
    ).toContainText('Invited');
    await playground.acceptInvitation(mover, to);
    await expect(playground.viewport(mover)).toHaveText(lookingAt(mover, to));
    await expect(
      roomRegion(host, to).getByRole('listitem').filter({ hasText: mover }),
    ).toContainText('Joined');
    const sessions = page.getByRole('region', { name: 'Sessions' });
    await expect(sessions).toContainText(
      new RegExp(`${to} \\(started by ${HOST}\\):[^\\n]*${mover}`),
    );
    await shootForDocs(
      page,
      'facilitation/move.png',
      [page.getByRole('region', { name: 'Board' }), sessions, playground.column(HOST)],
      [roomRegion(host, to)],
    );
    roomOf.set(mover, to);
  });

  test('close room: after confirming, its session ends and its people go back to the main area', async () => {
    // Aisha never moved, so her room has people in it whatever the split was.
    const closing = room(PEOPLE[1]);
    const inIt = peopleIn(closing);
    await roomRegion(host, closing)
      .getByRole('button', { name: `Close ${closing}` })
      .click();
    await host.getByRole('button', { name: `Close ${closing} now` }).click();
    await Promise.all(
      inIt.map((name) =>
        expect(
          playground.notifications(name).filter({ hasText: 'Your room was closed' }),
        ).toHaveCount(1),
      ),
    );
    for (const name of inIt) {
      await expect(playground.viewport(name)).toHaveText(lookingAt(name, MAIN_AREA));
    }
    await expect(roomRegion(host, closing)).toContainText('Closed at');
    for (const name of inIt) {
      await expect(
        roomRegion(host, closing).getByRole('listitem').filter({ hasText: name }),
      ).toContainText('In main area');
    }
    await shoot('close-room.png', [HOST, ...inIt], [roomRegion(host, closing)]);
    await host.getByRole('button', { name: 'End breakout' }).click();
    await host.getByRole('button', { name: 'End breakout now' }).click();
    await expect(page.getByRole('region', { name: 'Sessions' })).toContainText(
      'No active session.',
    );
    await context.close();
  });
});

test('warning: a 1-minute breakout warns everyone 30 s before the end, with a countdown', async ({
  playground,
}) => {
  test.setTimeout(120_000);
  await playground.open({ users: 2 });
  const host = await planAndStart(playground, HOST, [ROOMS[0]], { minutes: 1, warningSeconds: 30 });
  const [jonasName] = PEOPLE;
  await playground.acceptInvitation(jonasName);
  const jonas = await playground.openPanel(jonasName);
  await expect(jonas.getByText('You are in your room.')).toBeVisible();
  await expect(jonas.getByText('Rooms close soon. Time to wrap up.')).toHaveCount(0);
  await expect(
    playground
      .notifications(jonasName)
      .filter({ hasText: /^Rooms close in 0:(30|29)\. Time to wrap up\./ }),
  ).toHaveCount(1, { timeout: 45_000 });
  await expect(jonas.getByText('Rooms close soon. Time to wrap up.')).toBeVisible();
  await expect(host.getByText('Rooms close soon. Time to wrap up.')).toBeVisible();
  await expect(timeLeft(jonas)).toHaveText(/^0:[0-3]\d$/);
  await shootForDocs(
    playground.page,
    'facilitation/warning.png',
    [playground.column(HOST), playground.column(jonasName)],
    [jonas.getByText('Rooms close soon. Time to wrap up.')],
  );
});
