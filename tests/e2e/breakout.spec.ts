import type { BrowserContext, FrameLocator, Page } from '@playwright/test';
import { docsPath, updatingDocs } from './docs-shots';
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
 * The breakout as people live it in the playground: the facilitator plans and starts by clicking
 * in the app's panel, participants answer Miro's invitations, and where everyone ends up is read
 * from the board (the playground's "<name> is looking at <frame>" readout of each viewport).
 */

const HOST = 'Maya Chen';
const PARTICIPANTS = [
  'Jonas Weber',
  'Aisha Okafor',
  'Lucas Martins',
  'Priya Raman',
  'Tomás García',
] as const;
const DECLINER = 'Tomás García';
const JOINERS = PARTICIPANTS.filter((name) => name !== DECLINER);
const HELP_SEEKER = 'Jonas Weber';
const MAIN_AREA = 'Main area';
const ENDED_NOTICE = 'The breakout has ended. You are back in the main area.';

const lookingAt = (name: string, frame: string) => `${name} is looking at ${frame}`;

/** What the facilitator's panel shows while the breakout runs. */
const running = {
  timeLeft,
  room: (panel: FrameLocator, room: string) =>
    panel.getByRole('region', { name: room, exact: true }),
  /** One person's row in their room: their name, their status tag, then its controls. */
  person: (panel: FrameLocator, room: string, name: string) =>
    running.room(panel, room).getByRole('listitem').filter({ hasText: name }),
  /** The status tag of that row: a colour and a word. */
  status: (panel: FrameLocator, room: string, name: string) =>
    running.person(panel, room, name).locator('.status-tag'),
  helpRequests: (panel: FrameLocator) => panel.getByRole('region', { name: 'Help requests' }),
};

/** Each participant's room, read from the invitation Miro shows them (sessions bear room names). */
async function invitedRooms(
  playground: Playground,
  names: readonly string[],
  rooms: readonly string[],
): Promise<Map<string, string>> {
  const roomOf = new Map<string, string>();
  for (const name of names) {
    const room = await playground.invitedTo(name);
    expect(rooms).toContain(room);
    roomOf.set(name, room);
  }
  return roomOf;
}

/** Everyone is back where the breakout began, and each participant was told so. */
async function expectEveryoneBack(playground: Playground, names: readonly string[]) {
  // Notifications fade after 10 s, so everyone's is awaited at once, before anything else.
  await Promise.all(
    names.map((name) =>
      expect(playground.notifications(name).filter({ hasText: ENDED_NOTICE })).toHaveCount(1),
    ),
  );
  for (const name of names) {
    await expect(playground.viewport(name)).toHaveText(lookingAt(name, MAIN_AREA));
  }
  const sessions = playground.page.getByRole('region', { name: 'Sessions' });
  await expect(sessions).toContainText('No active session.');
}

test.describe('the whole breakout by clicking: host and five participants', () => {
  test.describe.configure({ mode: 'serial' });

  const ROOMS = ['Room 1 · Ideas', 'Room 2 · Risks'] as const;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let playground: Playground;
  let host: FrameLocator;
  let roomOf: Map<string, string>;
  const roomOfPerson = (name: string) => {
    const room = roomOf.get(name);
    if (!room) throw new Error(`${name} has no room`);
    return room;
  };

  // One board for the whole story: each test below is the next chapter of the same workshop.
  test.beforeAll(async ({ browser }, testInfo) => {
    context = await browser.newContext({
      baseURL: testInfo.project.use.baseURL,
      viewport: { width: 1600, height: 1000 },
    });
    await stubExternalRequests(context);
    page = await context.newPage();
    errors = collectPageErrors(page);
    playground = new Playground(page);
  });

  test.afterEach(async () => {
    const testInfo = test.info();
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('playground', {
        body: await page.screenshot(),
        contentType: 'image/png',
      });
    }
    await reportPageErrors(errors, testInfo);
  });

  test.afterAll(async () => {
    await context.close();
  });

  test('start: the facilitator plans rooms from selected frames, splits everyone and starts', async () => {
    // No invitation timeout: how fast the test clicks must not decide who gets in.
    await playground.open({ params: { invitationTimeoutMs: 'never' } });
    host = await planAndStart(playground, HOST, ROOMS);

    // Five people in two rooms: three and two, every one of them invited to their room's session.
    roomOf = await invitedRooms(playground, PARTICIPANTS, ROOMS);
    const sizes = ROOMS.map((room) => [...roomOf.values()].filter((r) => r === room).length);
    expect([...sizes].sort()).toEqual([2, 3]);
    for (const [index, room] of ROOMS.entries()) {
      await expect(running.room(host, room)).toContainText(`0 of ${sizes[index]} joined`);
    }
    for (const name of PARTICIPANTS) {
      await expect(running.status(host, roomOfPerson(name), name)).toHaveText('Invited');
    }
    const sessions = page.getByRole('region', { name: 'Sessions' });
    for (const room of ROOMS) {
      await expect(sessions).toContainText(`${room} (started by ${HOST})`);
    }
    // The facilitator stays in the main area.
    await expect(playground.viewport(HOST)).toHaveText(lookingAt(HOST, MAIN_AREA));
  });

  test("join: a participant who clicks Join lands in their room's frame", async () => {
    for (const name of JOINERS) {
      const room = roomOfPerson(name);
      await expect(playground.viewport(name)).toHaveText(lookingAt(name, MAIN_AREA));
      await playground.acceptInvitation(name, room);

      await expect(playground.invitation(name)).toHaveCount(0);
      await expect(playground.viewport(name)).toHaveText(lookingAt(name, room));
      await expect(running.status(host, room, name)).toHaveText('Joined');
    }
    const sessions = page.getByRole('region', { name: 'Sessions' });
    for (const name of JOINERS) await expect(sessions).toContainText(name);
  });

  test('decline: a participant who declines shows as declined to the facilitator', async () => {
    const room = roomOfPerson(DECLINER);
    await playground.declineInvitation(DECLINER, room);

    await expect(playground.invitation(DECLINER)).toHaveCount(0);
    await expect(running.status(host, room, DECLINER)).toHaveText('Declined');
    await expect(running.status(host, room, DECLINER)).toHaveAttribute(
      'title',
      'Declined the invitation',
    );
    await expect(
      running
        .person(host, room, DECLINER)
        .getByRole('button', { name: `Invite ${DECLINER} again` }),
    ).toBeVisible();
    await expect(playground.viewport(DECLINER)).toHaveText(lookingAt(DECLINER, MAIN_AREA));
    // Everyone else is in: one joined count per room adds up to the four who joined.
    for (const room of ROOMS) {
      const joined = JOINERS.filter((name) => roomOf.get(name) === room).length;
      const total = PARTICIPANTS.filter((name) => roomOf.get(name) === room).length;
      await expect(running.room(host, room)).toContainText(`${joined} of ${total} joined`);
    }
  });

  test("help: a participant's help request reaches the facilitator as a notification and in the list", async () => {
    const room = roomOfPerson(HELP_SEEKER);
    const jonas = await playground.openPanel(HELP_SEEKER);
    const mine = jonas.getByRole('region', { name: 'Your breakout' });
    await expect(mine).toContainText(`Your room: ${room}`);
    await expect(mine).toContainText('You are in your room.');

    await mine.getByRole('button', { name: 'Ask for help' }).click();

    // The click's own confirmation, until the plan lists the request and says so instead.
    await expect(mine).toContainText(
      /The facilitator has been asked to come and help\.|You asked for help\. The facilitator has been told\./,
    );
    await expect(
      playground.notifications(HOST).filter({ hasText: `${HELP_SEEKER} asks for help in ${room}` }),
    ).toHaveCount(1);
    const requests = running.helpRequests(host).getByRole('listitem');
    await expect(requests).toHaveCount(1);
    await expect(requests).toContainText(`${HELP_SEEKER} in ${room}`);
    await expect(
      requests.getByRole('button', { name: `Done helping ${HELP_SEEKER}` }),
    ).toBeVisible();
    await expect(mine).toContainText('You asked for help. The facilitator has been told.');
  });

  test('docs: screenshots of the facilitator and participant views for the README', async () => {
    // Off by default so `npm test` never rewrites tracked files. It needs the chapters before it:
    // UPDATE_DOCS=1 npx playwright test tests/e2e/breakout.spec.ts -g "whole breakout"
    test.skip(!updatingDocs, 'set UPDATE_DOCS=1 to refresh docs/*-view.png');
    const room = roomOfPerson(HELP_SEEKER);
    const jonas = playground.panelFrame(HELP_SEEKER);
    await expect(jonas.getByRole('region', { name: 'Your breakout' })).toContainText(
      `Your room: ${room}`,
    );
    await expect(running.helpRequests(host).getByRole('listitem')).toHaveCount(1);
    // The whole panel in one picture: the page grows and each panel iframe fits its content.
    await page.setViewportSize({ width: 1600, height: 2400 });
    for (const [label, file] of [
      [HOST, 'facilitator-view.png'],
      [HELP_SEEKER, 'participant-view.png'],
    ] as const) {
      await showWholePanel(playground, label);
      await playground
        .column(label)
        .getByRole('complementary', { name: `Breakout Rooms panel of ${label}` })
        .screenshot({ path: docsPath(file) });
    }
    await page.setViewportSize({ width: 1600, height: 1000 });
  });

  test('end: ending the breakout brings everyone back to the main area with a notification', async () => {
    await host.getByRole('button', { name: 'End breakout' }).click();
    const confirm = host.getByRole('alertdialog');
    await expect(confirm).toContainText('End the breakout for everyone?');
    await confirm.getByRole('button', { name: 'End breakout now' }).click();

    await expect(host.getByRole('heading', { name: 'Breakout ended' })).toBeVisible();
    await expect(host.getByText(`Declined: ${DECLINER}`)).toBeVisible();
    await expectEveryoneBack(playground, JOINERS);
    await expect(playground.viewport(DECLINER)).toHaveText(lookingAt(DECLINER, MAIN_AREA));
    await expect(
      playground.panelFrame(HELP_SEEKER).getByRole('region', { name: 'Your breakout' }),
    ).toContainText('The breakout has ended.');
    if (updatingDocs) {
      await page.setViewportSize({ width: 1600, height: 2400 });
      await showWholePanel(playground, HOST);
      await playground
        .column(HOST)
        .getByRole('complementary', { name: `Breakout Rooms panel of ${HOST}` })
        .screenshot({ path: docsPath('facilitator-ended.png') });
      await page.setViewportSize({ width: 1600, height: 1000 });
    }
  });
});

/** Scrolls a panel to its top and makes its iframe as tall as its content (for screenshots). */
async function showWholePanel(playground: Playground, label: string): Promise<void> {
  const height = await playground
    .panelFrame(label)
    .locator('html')
    .evaluate((html) => {
      html.ownerDocument.defaultView?.scrollTo(0, 0);
      return html.scrollHeight;
    });
  await playground
    .column(label)
    .locator('iframe[data-kind="panel"]')
    .evaluate((iframe, px) => {
      (iframe as HTMLIFrameElement).style.height = `${px}px`;
    }, height);
}

/**
 * Time runs on Playwright's clock in these tests, installed in every frame of the page (the
 * simulator's and every app's): a one-minute breakout is fast-forwarded instead of waited for,
 * first to just before its end (it must still run), then past it.
 */
test.describe('on time, with a one-minute breakout', () => {
  const ROOM = 'Room 3 · Customers';
  const PEOPLE = ['Jonas Weber', 'Aisha Okafor'] as const;

  const RUNS_ELSEWHERE =
    'Your other tab on this board runs the breakout. Anything you do here moves it to this tab.';

  async function startOneMinute(playground: Playground): Promise<FrameLocator> {
    await playground.page.clock.install();
    await playground.open({ users: 3, params: { invitationTimeoutMs: 'never' } });
    const host = await planAndStart(playground, HOST, [ROOM], { minutes: 1 });
    // One minute, not the default fifteen: the duration typed in was saved.
    await expect(running.timeLeft(host)).toHaveText(/^(1:00|0:[0-5]\d)$/);
    for (const name of PEOPLE) {
      await playground.acceptInvitation(name, ROOM);
      await expect(playground.viewport(name)).toHaveText(lookingAt(name, ROOM));
      await expect(running.status(host, ROOM, name)).toHaveText('Joined');
    }
    return host;
  }

  /**
   * Fast-forwards to some 20 s before the end, as read from the app's own countdown: the breakout
   * still runs for everyone. Returns the time it has left.
   */
  async function expectStillRunningNearTheEnd(playground: Playground, host: FrameLocator) {
    const countdown = (await running.timeLeft(host).textContent()) ?? '';
    const [, minutes, seconds] = /(\d+):(\d\d)/.exec(countdown) ?? [];
    const left = Number(minutes) * 60 + Number(seconds);
    expect(left).toBeGreaterThan(20);
    await playground.page.clock.fastForward((left - 20) * 1000);

    await expect(running.timeLeft(host)).toHaveText(/^0:(0[1-9]|1\d|20)$/);
    for (const name of PEOPLE) {
      await expect(playground.viewport(name)).toHaveText(lookingAt(name, ROOM));
    }
    await expect(host.getByRole('heading', { name: 'Breakout ended' })).toHaveCount(0);
  }

  test('auto-close: when the time is up everyone is brought back', async ({ playground }) => {
    const host = await startOneMinute(playground);
    await expectStillRunningNearTheEnd(playground, host);

    await playground.page.clock.fastForward('00:30');

    await expect(host.getByRole('heading', { name: 'Breakout ended' })).toBeVisible();
    await expectEveryoneBack(playground, PEOPLE);
  });

  test("two tabs: the facilitator's second tab leaves the breakout to the first, takes it over when the first closes or when used, and ends it on time", async ({
    playground,
  }) => {
    await startOneMinute(playground);
    const SECOND_TAB = `${HOST} (tab 2)`;
    await playground.openSecondTab(HOST);
    const second = await playground.openPanel(SECOND_TAB);
    await expect(second.getByRole('alert')).toHaveText(RUNS_ELSEWHERE);

    // The first tab closes; its locks go with it and the second tab picks the rooms up.
    await playground.column(HOST).getByRole('button', { name: 'Close tab' }).click();
    await expect(playground.columns()).toHaveCount(3);
    const host = playground.panelFrame(HOST);
    await expect(host.getByRole('alert')).toHaveCount(0);
    for (const name of PEOPLE) {
      await expect(running.status(host, ROOM, name)).toHaveText('Joined');
    }

    // A new tab waits too, until the facilitator uses it: then it runs the breakout, and the
    // older tab's app starts afresh and waits its turn.
    await playground.openSecondTab(HOST);
    const newest = await playground.openPanel(SECOND_TAB);
    await expect(newest.getByRole('alert')).toHaveText(RUNS_ELSEWHERE);
    await newest.getByRole('button', { name: 'Announce to all rooms' }).click();
    await newest.getByLabel('Message').fill('Two minutes to wrap up.');
    await newest.getByRole('button', { name: 'Send to all rooms' }).click();
    await expect(newest.getByLabel('Message')).toHaveValue('');
    await expect(newest.getByRole('alert')).toHaveCount(0);
    await expect(host.getByRole('alert')).toHaveText(RUNS_ELSEWHERE);

    await expectStillRunningNearTheEnd(playground, newest);
    await playground.page.clock.fastForward('00:30');

    await expect(newest.getByRole('heading', { name: 'Breakout ended' })).toBeVisible();
    await expectEveryoneBack(playground, PEOPLE);
  });

  test("reload: reloading the facilitator's app during a breakout keeps it running and ends it on time", async ({
    playground,
  }) => {
    await startOneMinute(playground);

    await playground.reloadApp(HOST);
    await expect(playground.column(HOST).locator('iframe[data-kind="panel"]')).toHaveCount(0);
    const host = await playground.openPanel(HOST);
    // The reloaded app picks the running breakout up: same countdown, same people, same sessions.
    await expect(running.timeLeft(host)).toHaveText(/^0:[0-5]\d$/);
    for (const name of PEOPLE) {
      await expect(running.status(host, ROOM, name)).toHaveText('Joined');
    }
    const sessions = playground.page.getByRole('region', { name: 'Sessions' });
    await expect(sessions).toContainText(`${ROOM} (started by ${HOST}): ${PEOPLE.join(', ')}`);

    await expectStillRunningNearTheEnd(playground, host);
    await playground.page.clock.fastForward('00:30');

    await expect(host.getByRole('heading', { name: 'Breakout ended' })).toBeVisible();
    await expectEveryoneBack(playground, PEOPLE);
  });
});
