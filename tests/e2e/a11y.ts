import AxeBuilder from '@axe-core/playwright';
import { expect, type FrameLocator, type Page } from '@playwright/test';

/** What axe-core finds serious or critical in one panel (or a page), as readable lines. */
async function seriousIssues(builder: AxeBuilder): Promise<string[]> {
  const results = await builder.analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.impact} ${violation.id}: ${violation.help} at ${node.target.join(' ')}`,
      ),
    );
}

/**
 * Runs axe-core on the panel of that user's column in the playground (inside its iframe, the
 * playground's own UI left out) and expects nothing serious or critical.
 */
export async function expectAccessiblePanel(page: Page, label: string, view: string) {
  const panel = `section[aria-label="${label}"] iframe[data-kind="panel"]`;
  const issues = await seriousIssues(new AxeBuilder({ page }).include([panel, 'html']));
  expect(issues, `axe on ${view}`).toEqual([]);
}

/** The same for a page of its own (the panel opened outside Miro). */
export async function expectAccessiblePage(page: Page, view: string) {
  expect(await seriousIssues(new AxeBuilder({ page })), `axe on ${view}`).toEqual([]);
}

/**
 * Presses Tab through a panel from its top until focus leaves it, and returns what it could not
 * reach: every enabled control on screen (buttons, fields, disclosures, links) should be
 * reached, each showing a focus outline when it is.
 */
export async function unreachableByTab(page: Page, panel: FrameLocator): Promise<string[]> {
  const controls = await panel.locator('html').evaluate((html) => {
    const doc = html.ownerDocument;
    const all = [
      ...doc.querySelectorAll<HTMLElement>(
        'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, a[href]',
      ),
      // A tab list is one stop (arrow keys move between its tabs): only its current tab counts.
    ].filter((element) => element.checkVisibility() && element.tabIndex >= 0);
    for (const [index, element] of all.entries()) {
      element.setAttribute('data-tab-check', String(index));
    }
    // Tab starts from the top: focus the page itself, then let go of it.
    doc.body.tabIndex = -1;
    doc.body.focus();
    doc.body.removeAttribute('tabindex');
    return all.map(
      (element) =>
        `${element.tagName.toLowerCase()} "${element.getAttribute('aria-label') ?? element.textContent?.trim() ?? ''}"`,
    );
  });
  const reached = new Set<number>();
  const withoutOutline: string[] = [];
  for (let press = 0; press < controls.length + 20; press += 1) {
    await page.keyboard.press('Tab');
    const focused = await panel.locator('html').evaluate((html) => {
      const active = html.ownerDocument.activeElement as HTMLElement | null;
      if (!active || active === html.ownerDocument.body) return null;
      const style = html.ownerDocument.defaultView?.getComputedStyle(active);
      const visible =
        active.matches(':focus-visible') &&
        style !== undefined &&
        (style.outlineStyle !== 'none' || style.boxShadow !== 'none');
      const how = `${style?.outlineStyle} ${style?.outlineWidth} ${style?.boxShadow}`;
      return { index: Number(active.getAttribute('data-tab-check') ?? -1), visible, how };
    });
    if (focused === null) break;
    if (focused.index >= 0) {
      if (!focused.visible) withoutOutline.push(`${controls[focused.index]} (${focused.how})`);
      reached.add(focused.index);
    }
  }
  return [
    ...controls.filter((_, index) => !reached.has(index)).map((name) => `not reached: ${name}`),
    ...withoutOutline.map((name) => `no visible focus: ${name}`),
  ];
}
