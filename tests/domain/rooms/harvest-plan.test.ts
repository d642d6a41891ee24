import { describe, expect, it } from 'vitest';
import { MAX_GATHERED_PER_ROOM, planHarvest } from '../../../src/domain/rooms/harvest-plan';

const note = (id: string, x: number, y: number, content: string, fillColor = 'yellow') => ({
  id,
  type: 'sticky_note',
  x,
  y,
  content,
  style: { fillColor },
});
const text = (id: string, x: number, y: number, content: string) => ({
  id,
  type: 'text',
  x,
  y,
  content,
  style: { color: '#112233' },
});
const main = { x: 0, y: 0, width: 2000, height: 1000 };
const edges = (r: { x: number; y: number; width: number; height: number }) => ({
  left: r.x - r.width / 2,
  right: r.x + r.width / 2,
  top: r.y - r.height / 2,
  bottom: r.y + r.height / 2,
});

describe('harvest: the results frame', () => {
  const rooms = [
    {
      name: 'Customers',
      items: [
        note('b', 300, 400, '<p>Second</p>', 'light_green'),
        note('a', 100, 100, '<p>First &amp; best</p>'),
        text('t', 100, 250, '<p>A heading</p>'),
        { id: 'k', type: 'connector' },
        { id: 'h', type: 'shape', x: 1, y: 1, content: 'box' },
      ],
    },
    { name: 'Risks', items: [] },
  ];

  it('one column per room, headed by its name, with copies of its notes and text in reading order, colour kept', () => {
    const harvest = planHarvest({ title: 'Results', rooms, anchor: main, obstacles: [main] });
    const items = harvest.columns.flat();
    const columns = [...new Set(items.map((item) => item.x))];
    expect(columns).toHaveLength(2);
    const first = items.filter((item) => item.x === columns[0]);
    expect(first.map((item) => [item.kind, item.text])).toEqual([
      ['text', 'Customers'],
      ['sticky_note', 'First & best'],
      ['text', 'A heading'],
      ['sticky_note', 'Second'],
      ['text', '2 other items stayed in the room'],
    ]);
    expect(first[1]?.style).toEqual({ fillColor: 'yellow' });
    expect(first[2]?.style).toEqual({ color: '#112233' });
    expect(first[3]?.style).toEqual({ fillColor: 'light_green' });
    const second = items.filter((item) => item.x === columns[1]);
    expect(second.map((item) => item.text)).toEqual(['Risks']);
    expect(harvest.rooms).toEqual([
      { name: 'Customers', gathered: 3, leftBehind: 2 },
      { name: 'Risks', gathered: 0, leftBehind: 0 },
    ]);
  });

  it('the copies stack without overlapping and stay inside the frame', () => {
    const harvest = planHarvest({ title: 'Results', rooms, anchor: main, obstacles: [main] });
    const { frame } = harvest;
    const items = harvest.columns.flat();
    const column = items.filter((item) => item.x === items[0]?.x);
    for (let i = 1; i < column.length; i++) {
      const above = column[i - 1];
      const below = column[i];
      if (!above || !below) continue;
      expect(below.y).toBeGreaterThan(above.y);
    }
    for (const item of items) {
      expect(item.x - item.width / 2).toBeGreaterThanOrEqual(0);
      expect(item.x + item.width / 2).toBeLessThanOrEqual(frame.width);
      expect(item.y).toBeLessThan(frame.height);
    }
  });

  it('goes beside the main area, clear of every frame; a second harvest goes clear of the first', () => {
    const first = planHarvest({ title: 'Results', rooms, anchor: main, obstacles: [main] }).frame;
    expect(edges(first).left).toBeGreaterThan(edges(main).right);
    const second = planHarvest({
      title: 'Results 2',
      rooms,
      anchor: main,
      obstacles: [main, first],
    }).frame;
    const a = edges(first);
    const b = edges(second);
    const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    expect(overlap).toBe(false);
  });

  it(`gathers at most ${MAX_GATHERED_PER_ROOM} items of a room and counts the rest as left behind`, () => {
    const many = Array.from({ length: MAX_GATHERED_PER_ROOM + 5 }, (_, i) =>
      note(`n${i}`, 0, i, `<p>${i}</p>`),
    );
    const harvest = planHarvest({
      title: 'Results',
      rooms: [{ name: 'Big', items: many }],
      anchor: main,
      obstacles: [],
    });
    expect(harvest.rooms).toEqual([
      { name: 'Big', gathered: MAX_GATHERED_PER_ROOM, leftBehind: 5 },
    ]);
    expect(harvest.columns[0]?.at(-1)?.text).toBe('5 other items stayed in the room');
  });
});
