/**
 * Where to draw K new room frames: copies of a template frame, in a near-square grid beside it,
 * so "make 12 rooms" needs one frame drawn by hand. Coordinates are centre-based like Miro items.
 * The grid goes where the board is free: it overlaps neither the template nor any other frame
 * (`obstacles`), nor do its frames overlap each other.
 */

import { MAX_COORDINATE, MAX_ROOMS } from '../limits';
import type { Rect } from '../plan';

export type RoomFrameLayout = {
  template: Rect;
  count: number;
  /** Every frame on the board (the template among them or not): the grid keeps clear of them. */
  obstacles?: readonly Rect[];
  /** Space between frames; by default a tenth of the template's smaller side, at least 50. */
  gap?: number;
  /** Frames per row; by default ⌈√count⌉, the grid closest to a square. */
  columns?: number;
  /** The number in the first title, so rooms added later continue "Room 5, Room 6…". */
  firstNumber?: number;
  /** Titles of the frames in order (blank or missing ones are numbered). */
  names?: readonly string[];
};

export type RoomFrame = Rect & { title: string };

/** A template with no usable size still gets frames a person can work in. */
const FALLBACK_SIZE = { width: 800, height: 600 };

const finiteOr = (value: number, fallback: number) => (Number.isFinite(value) ? value : fallback);
const positiveOr = (value: number, fallback: number) =>
  Number.isFinite(value) && value > 0 ? value : fallback;

type Box = { left: number; top: number; right: number; bottom: number };

const boxOf = (rect: Rect): Box => ({
  left: rect.x - rect.width / 2,
  top: rect.y - rect.height / 2,
  right: rect.x + rect.width / 2,
  bottom: rect.y + rect.height / 2,
});

const usable = (rect: Rect) =>
  [rect.x, rect.y, rect.width, rect.height].every(Number.isFinite) &&
  rect.width > 0 &&
  rect.height > 0;

/** True when `a` comes closer than `gap` to `b` (touching at exactly `gap` is fine). */
const crowds = (a: Box, b: Box, gap: number) =>
  a.left < b.right + gap &&
  b.left < a.right + gap &&
  a.top < b.bottom + gap &&
  b.top < a.bottom + gap;

/**
 * The top-left corner nearest to the anchor for a block of `size`: to its right (aligned with its
 * top) or below it (aligned with its left), at the first place clear of every obstacle. A free
 * place starts right after the anchor or right after some obstacle, so those are the only
 * candidates; the one past the farthest obstacle is always free, so there is always an answer.
 */
function freeCorner(
  anchor: Box,
  size: { width: number; height: number },
  obstacles: Box[],
  gap: number,
) {
  const clear = (left: number, top: number) => {
    const block = { left, top, right: left + size.width, bottom: top + size.height };
    return !obstacles.some((obstacle) => crowds(block, obstacle, gap));
  };
  const nearest = (start: number, edges: number[], at: (offset: number) => boolean) =>
    [start, ...edges.map((edge) => edge + gap).filter((offset) => offset > start)]
      .sort((a, b) => a - b)
      .find(at) as number;
  const right = nearest(
    anchor.right + gap,
    obstacles.map((o) => o.right),
    (left) => clear(left, anchor.top),
  );
  const below = nearest(
    anchor.bottom + gap,
    obstacles.map((o) => o.bottom),
    (top) => clear(anchor.left, top),
  );
  return right - anchor.right <= below - anchor.bottom
    ? { left: right, top: anchor.top }
    : { left: anchor.left, top: below };
}

/**
 * Where a new frame of `size` goes beside `anchor` (centre-based rects): the nearest free place to
 * its right or below it, a `gap` clear of the anchor and of every obstacle.
 */
export function placeBeside(
  anchor: Rect,
  size: { width: number; height: number },
  obstacles: readonly Rect[],
  gap: number,
): Rect {
  const box = boxOf(anchor);
  const corner = freeCorner(box, size, [box, ...obstacles.filter(usable).map(boxOf)], gap);
  return {
    x: corner.left + size.width / 2,
    y: corner.top + size.height / 2,
    width: size.width,
    height: size.height,
  };
}

export function layoutRoomFrames(layout: RoomFrameLayout): RoomFrame[] {
  const count = Math.min(MAX_ROOMS, Math.max(0, Math.floor(finiteOr(layout.count, 0))));
  if (count === 0) return [];
  const width = positiveOr(layout.template.width, FALLBACK_SIZE.width);
  const height = positiveOr(layout.template.height, FALLBACK_SIZE.height);
  const x = finiteOr(layout.template.x, 0);
  const y = finiteOr(layout.template.y, 0);
  const gap = Math.max(
    0,
    finiteOr(layout.gap ?? Number.NaN, Math.max(50, Math.min(width, height) / 10)),
  );
  const columns = Math.min(
    count,
    Math.max(1, Math.floor(finiteOr(layout.columns ?? Number.NaN, Math.ceil(Math.sqrt(count))))),
  );
  const rows = Math.ceil(count / columns);
  const firstNumber = Math.floor(finiteOr(layout.firstNumber ?? 1, 1));

  const grid = placeBeside(
    { x, y, width, height },
    { width: columns * width + (columns - 1) * gap, height: rows * height + (rows - 1) * gap },
    layout.obstacles ?? [],
    gap,
  );
  const corner = { left: grid.x - grid.width / 2, top: grid.y - grid.height / 2 };

  return Array.from({ length: count }, (_, index) => {
    const column = index % columns;
    const row = Math.floor(index / columns);
    const named = layout.names?.[index]?.trim();
    return {
      title: named ? named : `Room ${firstNumber + index}`,
      x: corner.left + column * (width + gap) + width / 2,
      y: corner.top + row * (height + gap) + height / 2,
      width,
      height,
    };
  });
}

/** Whether every frame of a layout can be stored and navigated to (see `MAX_COORDINATE`). */
export const fitsOnBoard = (frames: readonly RoomFrame[]) =>
  frames.every(
    (frame) =>
      Math.abs(frame.x) + frame.width / 2 <= MAX_COORDINATE &&
      Math.abs(frame.y) + frame.height / 2 <= MAX_COORDINATE,
  );
