import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rect } from '../../../src/domain/plan';
import { layoutRoomFrames, type RoomFrame } from '../../../src/domain/planning/room-frames';
import { propertyOptions } from '../fixtures';

const edges = (rect: Rect) => ({
  left: rect.x - rect.width / 2,
  right: rect.x + rect.width / 2,
  top: rect.y - rect.height / 2,
  bottom: rect.y + rect.height / 2,
});
const overlap = (a: Rect, b: Rect) => {
  const ea = edges(a);
  const eb = edges(b);
  return ea.left < eb.right && eb.left < ea.right && ea.top < eb.bottom && eb.top < ea.bottom;
};
const template = { x: 0, y: 0, width: 800, height: 600 };

describe('layoutRoomFrames', () => {
  it('titles frames Room 1…K, from a chosen first number', () => {
    expect(layoutRoomFrames({ template, count: 3 }).map((frame) => frame.title)).toEqual([
      'Room 1',
      'Room 2',
      'Room 3',
    ]);
    expect(
      layoutRoomFrames({ template, count: 2, firstNumber: 5 }).map((frame) => frame.title),
    ).toEqual(['Room 5', 'Room 6']);
  });

  it('starts one gap to the right of the template, aligned with its top', () => {
    const [first] = layoutRoomFrames({ template, count: 1, gap: 100 });
    expect(first).toEqual({ title: 'Room 1', x: 400 + 100 + 400, y: 0, width: 800, height: 600 });
  });

  it('can grow below the template instead', () => {
    const [first] = layoutRoomFrames({ template, count: 1, gap: 100, placement: 'below' });
    expect(first).toMatchObject({ x: 0, y: 300 + 100 + 300 });
  });

  it('makes a near-square grid: 12 rooms as 4 columns × 3 rows', () => {
    const frames = layoutRoomFrames({ template, count: 12 });
    expect(new Set(frames.map((frame) => frame.x)).size).toBe(4);
    expect(new Set(frames.map((frame) => frame.y)).size).toBe(3);
  });

  it('honours a column count', () => {
    const frames = layoutRoomFrames({ template, count: 6, columns: 1 });
    expect(new Set(frames.map((frame) => frame.x)).size).toBe(1);
  });

  it('caps at 200 rooms and treats nonsense counts as none', () => {
    expect(layoutRoomFrames({ template, count: 500 })).toHaveLength(200);
    expect(layoutRoomFrames({ template, count: -3 })).toEqual([]);
    expect(layoutRoomFrames({ template, count: Number.NaN })).toEqual([]);
  });

  it('gives a template without a usable size a workable default size', () => {
    const [first] = layoutRoomFrames({
      template: { x: 0, y: 0, width: 0, height: Number.NaN },
      count: 1,
    });
    expect(first).toMatchObject({ width: 800, height: 600 });
  });

  it('makes K frames of the template size overlapping neither the template nor each other', () => {
    fc.assert(
      fc.property(
        fc.record({
          x: fc.integer({ min: -100_000, max: 100_000 }),
          y: fc.integer({ min: -100_000, max: 100_000 }),
          width: fc.integer({ min: 1, max: 5000 }),
          height: fc.integer({ min: 1, max: 5000 }),
        }),
        fc.integer({ min: 0, max: 200 }),
        fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
        fc.constantFrom('right' as const, 'below' as const),
        (rect, count, gap, columns, placement) => {
          const frames: RoomFrame[] = layoutRoomFrames({
            template: rect,
            count,
            gap,
            columns,
            placement,
          });
          expect(frames).toHaveLength(count);
          for (const frame of frames) {
            expect([frame.width, frame.height]).toEqual([rect.width, rect.height]);
            expect(overlap(frame, rect)).toBe(false);
          }
          // Neighbours in the grid are enough: a grid cell can only touch the cells next to it.
          const sorted = [...frames].sort((a, b) => a.y - b.y || a.x - b.x);
          for (let i = 1; i < sorted.length; i++) {
            expect(overlap(sorted[i - 1] as Rect, sorted[i] as Rect)).toBe(false);
          }
          const columnsUsed = new Set(frames.map((frame) => frame.x)).size;
          for (let i = columnsUsed; i < frames.length; i++) {
            expect(overlap(frames[i - columnsUsed] as Rect, frames[i] as Rect)).toBe(false);
          }
        },
      ),
      { ...propertyOptions, numRuns: 100 },
    );
  });
});
