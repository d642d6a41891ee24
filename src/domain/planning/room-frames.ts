/**
 * Where to draw K new room frames: copies of a template frame, in a near-square grid next to it,
 * so "make 12 rooms" needs one frame drawn by hand. Coordinates are centre-based like Miro items;
 * nothing overlaps the template or another new frame.
 */

import { MAX_ROOMS } from '../limits';
import type { Rect } from '../plan';

export type RoomFrameLayout = {
  template: Rect;
  count: number;
  /** Space between frames; by default a tenth of the template's smaller side, at least 50. */
  gap?: number;
  /** Frames per row; by default ⌈√count⌉, the grid closest to a square. */
  columns?: number;
  /** Beside the template (default) or under it. */
  placement?: 'right' | 'below';
  /** The number in the first title, so rooms added later continue "Room 5, Room 6…". */
  firstNumber?: number;
};

export type RoomFrame = Rect & { title: string };

/** A template with no usable size still gets frames a person can work in. */
const FALLBACK_SIZE = { width: 800, height: 600 };

const finiteOr = (value: number, fallback: number) => (Number.isFinite(value) ? value : fallback);
const positiveOr = (value: number, fallback: number) =>
  Number.isFinite(value) && value > 0 ? value : fallback;

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
  const firstNumber = Math.floor(finiteOr(layout.firstNumber ?? 1, 1));

  const templateLeft = x - width / 2;
  const templateTop = y - height / 2;
  const below = layout.placement === 'below';
  // The grid starts one gap past the template's right edge (or bottom edge), aligned with its
  // top (or left) edge, so the template stays where the facilitator drew it.
  const gridLeft = below ? templateLeft : templateLeft + width + gap;
  const gridTop = below ? templateTop + height + gap : templateTop;

  return Array.from({ length: count }, (_, index) => {
    const column = index % columns;
    const row = Math.floor(index / columns);
    return {
      title: `Room ${firstNumber + index}`,
      x: gridLeft + column * (width + gap) + width / 2,
      y: gridTop + row * (height + gap) + height / 2,
      width,
      height,
    };
  });
}
