import {
  type BrowserContext,
  test as base,
  expect,
  type Frame,
  type FrameLocator,
  type Locator,
  type Page,
  type TestInfo,
} from '@playwright/test';

/**
 * Every app page loads Miro's SDK script from miro.com. There is no network in tests (and in the
 * playground the simulator stands in for the SDK), so every request that leaves localhost is
 * answered at once with an empty body instead of leaving the pages waiting on a connection that
 * never comes. The app asks no other host (its fonts are its own): `thirdPartyRequests` lists
 * what did leave, for the test that holds that.
 */
const leftLocalhost = new WeakMap<BrowserContext, string[]>();

export async function stubExternalRequests(context: BrowserContext): Promise<void> {
  const urls: string[] = [];
  leftLocalhost.set(context, urls);
  // A RegExp, not a predicate: Playwright then intercepts only the matching requests instead of
  // pausing every request of the dev server's hundreds of unbundled modules for a round trip.
  await context.route(/^[a-z]+:\/\/(?!(localhost|127\.0\.0\.1)(:\d+)?\/)/i, (route) => {
    urls.push(route.request().url());
    const type = route.request().resourceType();
    const contentType =
      type === 'script'
        ? 'application/javascript'
        : type === 'stylesheet'
          ? 'text/css'
          : 'text/plain';
    return route.fulfill({ status: 200, contentType, body: '' });
  });
}

/** Every URL the pages of this context asked for that is not on localhost, in order. */
export function thirdPartyRequests(context: BrowserContext): readonly string[] {
  return leftLocalhost.get(context) ?? [];
}

export type OpenOptions = {
  /** Total number of people (default 6: the host and five participants). */
  users?: number;
  /** Any other playground URL parameter, e.g. `{ latency: 100, timerEntitled: false }`. */
  params?: Record<string, string | number | boolean>;
};

/** The playground page as a user sees it, with helpers named after what people do in it. */
export class Playground {
  constructor(readonly page: Page) {}

  async open(options: OpenOptions = {}): Promise<this> {
    const query = new URLSearchParams();
    if (options.users !== undefined) query.set('users', String(options.users));
    for (const [key, value] of Object.entries(options.params ?? {})) query.set(key, String(value));
    const suffix = query.size > 0 ? `?${query}` : '';
    await this.page.goto(`/playground.html${suffix}`);
    await expect(
      this.page.getByRole('heading', { name: 'Breakout Rooms playground' }),
    ).toBeVisible();
    return this;
  }

  /** All user columns (one per board tab). */
  columns(): Locator {
    return this.page.locator('section.column');
  }

  /** The column of a board tab: the user's name, or e.g. "Maya Chen (tab 2)". */
  column(label: string): Locator {
    return this.page.getByRole('region', { name: label, exact: true });
  }

  /**
   * Clicks the app icon in that user's Miro toolbar and returns their panel once it shows. A
   * click that lands before the tab's headless app has subscribed to `icon:click` is lost (as in
   * Miro), so it clicks again until the panel appears.
   */
  async openPanel(label: string): Promise<FrameLocator> {
    const column = this.column(label);
    const icon = column.getByRole('button', { name: 'Open Breakout Rooms' });
    const panelIframe = column.locator('iframe[data-kind="panel"]');
    await expect(async () => {
      if ((await panelIframe.count()) === 0) await icon.click();
      await expect(panelIframe).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 45_000 });
    return this.panelFrame(label);
  }

  /** The app panel's document in that user's column (whether or not it is open yet). */
  panelFrame(label: string): FrameLocator {
    return this.column(label).frameLocator('iframe[data-kind="panel"]');
  }

  /** The document of that tab's hidden headless app page (index.html). */
  async headlessFrame(label: string): Promise<Frame> {
    const element = await this.column(label)
      .locator('iframe[data-kind="headless"]')
      .elementHandle();
    const frame = await element?.contentFrame();
    if (!frame) throw new Error(`No headless app page in the column of ${label}`);
    return frame;
  }

  async closePanel(label: string): Promise<void> {
    await this.column(label)
      .getByRole('button', { name: `Close panel of ${label}` })
      .click();
  }

  /** Selects these board items (frame titles) as that user, replacing their selection. */
  async select(label: string, ...titles: string[]): Promise<void> {
    await this.column(label)
      .getByLabel(`Select on board as ${label}`)
      .selectOption(titles.map((title) => ({ label: title })));
  }

  async setOnline(label: string, online: boolean): Promise<void> {
    await this.column(label)
      .getByRole('button', { name: online ? 'Go online' : 'Go offline' })
      .click();
  }

  async openSecondTab(label: string): Promise<void> {
    await this.column(label).getByRole('button', { name: 'Open another tab' }).click();
  }

  async addUser(): Promise<void> {
    await this.page.getByRole('button', { name: 'Add user' }).click();
  }

  /** The Miro invitation toast in that column, optionally for one session name. */
  invitation(label: string, sessionName?: string): Locator {
    const name = sessionName ? `Invitation to ${sessionName}` : /^Invitation to /;
    return this.column(label).getByRole('region', { name });
  }

  async acceptInvitation(label: string, sessionName?: string): Promise<void> {
    await this.invitation(label, sessionName).getByRole('button', { name: 'Join' }).click();
  }

  async declineInvitation(label: string, sessionName?: string): Promise<void> {
    await this.invitation(label, sessionName).getByRole('button', { name: 'Decline' }).click();
  }

  /**
   * The room (session) name of the invitation toast showing in that column, once one shows. The
   * app names each room's session after the room, so this tells which room someone was put in.
   */
  async invitedTo(label: string): Promise<string> {
    const toast = this.invitation(label);
    await expect(toast).toHaveCount(1);
    const name = (await toast.getAttribute('aria-label')) ?? '';
    return name.replace(/^Invitation to /, '');
  }

  /**
   * The board's words for where a user looks: "<name> is looking at <frame title>", from the
   * playground's readout of the drawn viewports (the smallest frame holding the view's centre).
   */
  viewport(name: string): Locator {
    return this.page
      .getByRole('list', { name: 'Viewports' })
      .getByRole('listitem')
      .filter({ hasText: `${name} is looking at ` });
  }

  /** The column's "Reload app": its headless app restarts and its panel closes, as in Miro. */
  async reloadApp(label: string): Promise<void> {
    await this.column(label).getByRole('button', { name: 'Reload app' }).click();
  }

  /** showInfo / showError toasts of that column. */
  notifications(label: string): Locator {
    return this.column(label).getByRole('list', { name: 'Notifications' }).getByRole('listitem');
  }

  async renameFrame(title: string, newTitle: string): Promise<void> {
    await this.page.getByRole('button', { name: `Rename ${title}`, exact: true }).click();
    await this.page.getByLabel(`New title for ${title}`).fill(newTitle);
    await this.page.getByRole('button', { name: 'Save' }).click();
  }

  async deleteFrame(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `Delete ${title}`, exact: true }).click();
  }
}

/**
 * The facilitator (`host`) claims the breakout, turns the selected frames into rooms, splits
 * everyone evenly at random, optionally sets the duration and the closing warning, and starts.
 * Returns the facilitator's panel once its countdown shows.
 */
export async function planAndStart(
  playground: Playground,
  host: string,
  rooms: readonly string[],
  { minutes, warningSeconds }: { minutes?: number; warningSeconds?: number } = {},
): Promise<FrameLocator> {
  const frame = await playground.openPanel(host);
  await frame.getByRole('button', { name: 'Plan a breakout' }).click();

  await playground.select(host, ...rooms);
  // The add button counts what is selected on the board.
  const add =
    rooms.length === 1
      ? 'Add 1 selected frame as a room'
      : `Add ${rooms.length} selected frames as rooms`;
  await frame.getByRole('button', { name: add }).click();
  const listed = frame.getByRole('list', { name: 'Rooms' });
  for (const room of rooms) await expect(listed.getByText(room, { exact: true })).toBeVisible();

  await frame.getByRole('button', { name: 'Split evenly at random' }).click();
  await expect(frame.getByRole('button', { name: 'Shuffle again' })).toBeVisible();

  const start = frame.getByRole('button', { name: 'Start breakout' });
  // Each edit is in flight while the panel's buttons are disabled; wait until it is saved.
  if (minutes !== undefined) {
    const duration = frame.getByLabel('Duration in minutes');
    await duration.fill(String(minutes));
    await duration.press('Enter');
    await expect(start).toBeEnabled();
  }
  if (warningSeconds !== undefined) {
    await frame.getByLabel('Warn everyone before the end').selectOption(String(warningSeconds));
    await expect(start).toBeEnabled();
  }
  await start.click();
  await expect(timeLeft(frame)).toBeVisible();
  return frame;
}

/** The planning list of people, each with their room: the facilitator's "by hand" view. */
export async function placingByHand(frame: FrameLocator): Promise<Locator> {
  await frame.getByRole('tab', { name: 'By hand' }).click();
  return frame.getByRole('list', { name: 'People' });
}

/** The countdown in a panel: the facilitator's header, a participant's room. */
export const timeLeft = (frame: FrameLocator) => frame.getByRole('timer', { name: 'Time left' });

export const test = base.extend<{ playground: Playground }>({
  context: async ({ context }, use) => {
    await stubExternalRequests(context);
    await use(context);
  },
  playground: async ({ page }, use, testInfo) => {
    const errors = collectPageErrors(page);
    await use(new Playground(page));
    await reportPageErrors(errors, testInfo);
  },
});

/** Errors thrown in the app's iframes are the first thing to read when a test fails. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
  page.on('console', (message) => {
    if (message.type() === 'error')
      errors.push(`console.error: ${message.text()} (${message.location().url})`);
  });
  return errors;
}

/** Attaches (and prints) the errors collected so far, if the test failed. */
export async function reportPageErrors(errors: string[], testInfo: TestInfo): Promise<void> {
  if (errors.length > 0 && testInfo.status !== testInfo.expectedStatus) {
    await testInfo.attach('page errors', {
      body: errors.join('\n\n'),
      contentType: 'text/plain',
    });
    console.log(`Page errors in "${testInfo.title}":\n${errors.join('\n')}`);
  }
}

export { expect };
