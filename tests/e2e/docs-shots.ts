import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';

/**
 * Screenshots for docs/, taken as the tests click through the playground. Only with
 * UPDATE_DOCS=1 (`UPDATE_DOCS=1 npx playwright test`), so `npm test` never rewrites tracked files.
 */
export const updatingDocs = Boolean(process.env.UPDATE_DOCS);

export const docsPath = (file: string) =>
  fileURLToPath(new URL(`../../docs/${file}`, import.meta.url));

/**
 * Saves the part of the page that covers `parts` (say, the host's and one participant's columns)
 * as docs/<file>, after scrolling each of `show` (inside a panel, say) into view.
 */
export async function shootForDocs(
  page: Page,
  file: string,
  parts: readonly Locator[],
  show: readonly Locator[] = [],
): Promise<void> {
  if (!updatingDocs) return;
  for (const locator of show) await locator.scrollIntoViewIfNeeded();
  const viewport = page.viewportSize();
  let clip = await around(page, file, parts);
  // Columns past the right edge are cut off, not scrolled to: widen the page while shooting.
  const widened = viewport !== null && clip.x + clip.width > viewport.width;
  if (widened) {
    await page.setViewportSize({ width: Math.ceil(clip.x + clip.width), height: viewport.height });
    clip = await around(page, file, parts);
  }
  await page.screenshot({ path: docsPath(file), fullPage: true, clip });
  if (widened) await page.setViewportSize(viewport);
}

/** The page area (from its top left corner) that covers every part. */
async function around(page: Page, file: string, parts: readonly Locator[]) {
  // Boxes are measured in the viewport, the full-page clip from the page's top left corner.
  const scroll = await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
  const boxes = await Promise.all(parts.map((part) => part.boundingBox()));
  const found = boxes.filter((box) => box !== null);
  if (found.length !== parts.length) throw new Error(`Not everything for ${file} is on the page`);
  const left = Math.min(...found.map((box) => box.x));
  const top = Math.min(...found.map((box) => box.y));
  const right = Math.max(...found.map((box) => box.x + box.width));
  const bottom = Math.max(...found.map((box) => box.y + box.height));
  return { x: left + scroll.x, y: top + scroll.y, width: right - left, height: bottom - top };
}
