import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { FrameLocator, Locator } from '@playwright/test';
import { expect, type Playground } from './playground';

/**
 * Layout measured in Chromium at the panel's 368 px: sizes, not timings, so they are the same
 * on every run. The E2E budgets assert them; `npm run bench` runs the same spec with
 * BENCH_LAYOUT set and puts the figures in bench/results.json.
 */
export const HOST = 'Maya Chen';

/** Where `npm run bench` collects the figures (bench/report.mjs reads them). */
const BENCH_PART = resolve(
  import.meta.dirname,
  '../../node_modules/.cache/breakout-bench/layout.json',
);

export type LayoutFigures = {
  runningView10x5Px?: number;
  planningMainPathFits?: boolean;
  planningMainPathBottomPx?: number;
  participantKeyControlsBottomPx?: number;
};

/** Records a figure for the bench report when BENCH_LAYOUT is set (a no-op otherwise). */
export function recordForBench(figures: LayoutFigures): void {
  if (!process.env.BENCH_LAYOUT) return;
  mkdirSync(dirname(BENCH_PART), { recursive: true });
  let known: LayoutFigures = {};
  try {
    known = JSON.parse(readFileSync(BENCH_PART, 'utf8')) as LayoutFigures;
  } catch {
    // First figure of this run.
  }
  writeFileSync(BENCH_PART, JSON.stringify({ ...known, ...figures }, null, 2));
}

/**
 * A workshop of `rooms` rooms (the sample's six frames and more beside them) and `guests`
 * more people online without the app (they are invited and never answer: the rows they make
 * are as tall as anyone's, and they cost the two cores no iframes).
 */
export async function bigWorkshop(
  playground: Playground,
  { rooms, guests, users = 1 }: { rooms: number; guests: number; users?: number },
): Promise<string[]> {
  await playground.open({ users });
  return playground.page.evaluate(
    ({ rooms, guests }) => {
      const board = window.playground?.board;
      if (!board) throw new Error('no playground board');
      for (let index = 0; index < guests; index += 1) {
        const user = board.addUser({ name: `Guest ${index + 1}`, hasApp: false });
        board.openTab(user.id);
      }
      const titles = board
        .items()
        .filter((item) => item.type === 'frame' && item.title.startsWith('Room '))
        .map((item) => (item as { title: string }).title);
      for (let index = titles.length; index < rooms; index += 1) {
        const title = `Room ${index + 1} · Extra`;
        board.addFrame({
          title,
          x: 4000 + (index % 2) * 1000,
          y: index * 700,
          width: 900,
          height: 600,
        });
        titles.push(title);
      }
      return titles.slice(0, rooms);
    },
    { rooms, guests },
  );
}

/** The panel's whole height at its width: what a facilitator scrolls through. */
export async function panelHeight(panel: FrameLocator): Promise<number> {
  return panel.locator('html').evaluate((html) => {
    html.ownerDocument.defaultView?.scrollTo(0, 0);
    return html.scrollHeight;
  });
}

/** The lowest bottom edge of these controls, from the top of the panel scrolled to its top. */
export async function bottomOf(parts: readonly Locator[]): Promise<number> {
  let bottom = 0;
  for (const part of parts) {
    await expect(part).toBeVisible();
    const edge = await part.evaluate((element) => {
      element.ownerDocument.defaultView?.scrollTo(0, 0);
      const box = element.getBoundingClientRect();
      return box.bottom + (element.ownerDocument.defaultView?.scrollY ?? 0);
    });
    bottom = Math.max(bottom, Math.ceil(edge));
  }
  return bottom;
}
