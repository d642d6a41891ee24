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

  it('rooms from template: frames already beside the template are stepped over, never drawn on', () => {
    // Rooms made earlier: a row of three to the template's right (the bug: new ones landed on them).
    const earlier = [1, 2, 3].map((i) => ({ x: i * 900, y: 0, width: 800, height: 600 }));
    const frames = layoutRoomFrames({ template, count: 2, gap: 100, obstacles: earlier });
    for (const frame of frames) for (const old of earlier) expect(overlap(frame, old)).toBe(false);
    // Below the template is nearer than past the row: the grid goes there.
    expect(frames[0]).toMatchObject({ x: 0, y: 300 + 100 + 300 });
  });

  it('rooms from template: goes past obstacles to the right when below is farther', () => {
    const underneath = { x: 0, y: 1500, width: 5000, height: 2000 };
    const near = { x: 1100, y: 0, width: 200, height: 200 };
    const [first] = layoutRoomFrames({
      template,
      count: 1,
      gap: 100,
      obstacles: [underneath, near],
    });
    expect(first).toMatchObject({ x: 1200 + 100 + 400, y: 0 });
  });

  it('takes its titles from a list, numbering the rest', () => {
    const names = ['Customers', ' ', 'Risks'];
    expect(layoutRoomFrames({ template, count: 4, names }).map((frame) => frame.title)).toEqual([
      'Customers',
      'Room 2',
      'Risks',
      'Room 4',
    ]);
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

  it('rooms from template: K frames of the template size overlap no frame on the board nor each other', () => {
    const rect = fc.record({
      x: fc.integer({ min: -100_000, max: 100_000 }),
      y: fc.integer({ min: -100_000, max: 100_000 }),
      width: fc.integer({ min: 1, max: 5000 }),
      height: fc.integer({ min: 1, max: 5000 }),
    });
    fc.assert(
      fc.property(
        rect,
        fc.integer({ min: 0, max: 60 }),
        fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
        fc.array(rect, { maxLength: 12 }),
        (template, count, gap, columns, obstacles) => {
          const frames: RoomFrame[] = layoutRoomFrames({
            template,
            count,
            gap,
            columns,
            obstacles,
          });
          expect(frames).toHaveLength(count);
          // One expect per run: thousands of them per property make it slow on a busy machine.
          const clashes: string[] = [];
          frames.forEach((frame, i) => {
            if (frame.width !== template.width || frame.height !== template.height)
              clashes.push(`${i}: size`);
            if (overlap(frame, template)) clashes.push(`${i}: template`);
            obstacles.forEach((obstacle, k) => {
              if (overlap(frame, obstacle)) clashes.push(`${i}: obstacle ${k}`);
            });
            for (let j = i + 1; j < frames.length; j++) {
              if (overlap(frame, frames[j] as Rect)) clashes.push(`${i}: room ${j}`);
            }
          });
          expect(clashes).toEqual([]);
        },
      ),
      { ...propertyOptions, numRuns: 200 },
    );
  });
});
