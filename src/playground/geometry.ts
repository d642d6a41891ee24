import type { Rect } from '../sdk/surface';
import type { SimItem } from '../simulator/api';

/** Board rectangle of an item: items are stored by their centre, in board coordinates. */
export function itemRect(item: SimItem): Rect {
  return {
    x: item.x - item.width / 2,
    y: item.y - item.height / 2,
    width: item.width,
    height: item.height,
  };
}

/** Smallest rectangle around all of them, with a margin; a default when there is nothing. */
export function bounds(rects: readonly Rect[], margin: number): Rect {
  if (rects.length === 0) return { x: -1000, y: -1000, width: 2000, height: 2000 };
  const left = Math.min(...rects.map((r) => r.x)) - margin;
  const top = Math.min(...rects.map((r) => r.y)) - margin;
  const right = Math.max(...rects.map((r) => r.x + r.width)) + margin;
  const bottom = Math.max(...rects.map((r) => r.y + r.height)) + margin;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Maps board dp into CSS pixels of a drawing `widthPx` wide. */
export function projector(area: Rect, widthPx: number) {
  const scale = widthPx / area.width;
  return {
    heightPx: area.height * scale,
    style: (r: Rect) => ({
      left: `${(r.x - area.x) * scale}px`,
      top: `${(r.y - area.y) * scale}px`,
      width: `${r.width * scale}px`,
      height: `${r.height * scale}px`,
    }),
  };
}

/**
 * The frame someone looks at: the smallest frame that holds the centre of their viewport (a view
 * zoomed to a room shows a margin around it, so "inside" is judged by the centre), or null.
 */
export function frameAtCentre<T extends SimItem>(frames: readonly T[], viewport: Rect): T | null {
  const cx = viewport.x + viewport.width / 2;
  const cy = viewport.y + viewport.height / 2;
  let best: T | null = null;
  let bestArea = Number.POSITIVE_INFINITY;
  for (const frame of frames) {
    const r = itemRect(frame);
    const area = r.width * r.height;
    if (cx >= r.x && cx <= r.x + r.width && cy >= r.y && cy <= r.y + r.height && area < bestArea) {
      best = frame;
      bestArea = area;
    }
  }
  return best;
}
