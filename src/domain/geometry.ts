/**
 * Rectangles from the board, made safe to store: the reader rejects non-finite or absurd
 * coordinates, so the reducer must never produce them from an odd SDK value.
 */

import { MAX_COORDINATE } from './limits';
import type { Rect } from './plan';

// Adding 0 turns -0 into 0: JSON cannot keep -0, so storing it would make a read-back differ.
const clampCoordinate = (value: number, min: number) =>
  Number.isFinite(value) ? Math.min(Math.max(value, min), MAX_COORDINATE) + 0 : 0;

export function cleanRect(raw: Rect): Rect {
  return {
    x: clampCoordinate(raw.x, -MAX_COORDINATE),
    y: clampCoordinate(raw.y, -MAX_COORDINATE),
    width: clampCoordinate(raw.width, 0),
    height: clampCoordinate(raw.height, 0),
  };
}

export function isStorableRect(rect: Rect): boolean {
  const { x, y, width, height } = rect;
  const coordinate = (value: number) => Number.isFinite(value) && Math.abs(value) <= MAX_COORDINATE;
  return (
    coordinate(x) &&
    coordinate(y) &&
    coordinate(width) &&
    coordinate(height) &&
    width >= 0 &&
    height >= 0
  );
}
