/**
 * "Gather results into the main area": one new frame beside the main area, one column per room
 * headed by the room's name, holding copies of the room's sticky notes and text (their words and
 * colour), and under them how many other items stayed behind in the room.
 */

import type { Rect } from '../plan';
import { placeBeside } from '../planning/room-frames';
import { type BoardThing, type ItemToMake, numberField, objectField, shownText } from './make-plan';

/** A room's column holds at most this many copies; the rest count as left behind. */
export const MAX_GATHERED_PER_ROOM = 60;

const COLUMN_WIDTH = 260;
const NOTE = 200;
const TEXT_WIDTH = 220;
const GAP = 20;
const MARGIN = 40;
const HEADER_HEIGHT = 60;
const FOOTER_HEIGHT = 40;
/** Characters per line of a 220-wide text at Miro's default size, for a generous height. */
const CHARS_PER_LINE = 28;
const LINE_HEIGHT = 20;

export type RoomMaterial = {
  readonly name: string;
  /** The room frame's children, as `getChildren` reports them (relative to its corner). */
  readonly items: readonly BoardThing[];
};

export type RoomHarvest = { readonly name: string; gathered: number; leftBehind: number };

export type Harvest = {
  readonly title: string;
  /** Where the harvest frame goes (centre-based). */
  readonly frame: Rect;
  /** Each room's column, in the order of the rooms, relative to the frame's top-left corner. */
  readonly columns: readonly (readonly ItemToMake[])[];
  readonly rooms: readonly RoomHarvest[];
};

export type HarvestColumns = Pick<Harvest, 'columns' | 'rooms'> & {
  readonly size: { width: number; height: number };
};

const textHeight = (text: string) =>
  LINE_HEIGHT *
    text
      .split('\n')
      .reduce((lines, line) => lines + Math.max(1, Math.ceil(line.length / CHARS_PER_LINE)), 0) +
  GAP;

/** Reading order: top to bottom, then left to right. */
const byPosition = (a: BoardThing, b: BoardThing) =>
  (numberField(a, 'y') ?? 0) - (numberField(b, 'y') ?? 0) ||
  (numberField(a, 'x') ?? 0) - (numberField(b, 'x') ?? 0);

const colourOf = (thing: BoardThing, key: string): string | null => {
  const value = objectField(thing, 'style')[key];
  return typeof value === 'string' && value.length <= 100 ? value : null;
};

const leftBehindText = (count: number) =>
  count === 0 ? '' : `${count} other ${count === 1 ? 'item' : 'items'} stayed in the room`;

/** The column of one room, `left` dp from the harvest frame's left edge. */
function column(room: RoomMaterial, left: number) {
  const centre = left + COLUMN_WIDTH / 2;
  const items: ItemToMake[] = [
    {
      kind: 'text',
      x: centre,
      y: MARGIN + HEADER_HEIGHT / 2,
      width: TEXT_WIDTH,
      text: room.name,
      style: { fontSize: 24 },
    },
  ];
  let top = MARGIN + HEADER_HEIGHT;
  let gathered = 0;
  const copyable = [...room.items]
    .filter((item) => item.type === 'sticky_note' || item.type === 'text')
    .sort(byPosition);
  for (const item of copyable.slice(0, MAX_GATHERED_PER_ROOM)) {
    const text = shownText(item);
    if (item.type === 'sticky_note') {
      const fillColor = colourOf(item, 'fillColor');
      items.push({
        kind: 'sticky_note',
        x: centre,
        y: top + NOTE / 2,
        width: NOTE,
        text,
        style: fillColor ? { fillColor } : {},
      });
      top += NOTE + GAP;
    } else {
      const height = textHeight(text);
      const color = colourOf(item, 'color');
      items.push({
        kind: 'text',
        x: centre,
        y: top + height / 2,
        width: TEXT_WIDTH,
        text,
        style: color ? { color } : {},
      });
      top += height;
    }
    gathered += 1;
  }
  const leftBehind = room.items.length - gathered;
  if (leftBehind > 0) {
    items.push({
      kind: 'text',
      x: centre,
      y: top + FOOTER_HEIGHT / 2,
      width: TEXT_WIDTH,
      text: leftBehindText(leftBehind),
      style: { fontSize: 14 },
    });
  }
  return { items, height: top + FOOTER_HEIGHT + MARGIN, gathered, leftBehind };
}

export type HarvestLayout = {
  title: string;
  rooms: readonly RoomMaterial[];
  /** Where everyone came back to: the harvest goes beside it. */
  anchor: Rect;
  /** Every frame on the board, earlier harvests included: the new one keeps clear of them. */
  obstacles: readonly Rect[];
};

/** The columns of the rooms' material and the size of the frame that holds them. */
export function harvestColumns(rooms: readonly RoomMaterial[]): HarvestColumns {
  const columns = rooms.map((room, index) => column(room, MARGIN + index * COLUMN_WIDTH));
  return {
    columns: columns.map((c) => c.items),
    rooms: rooms.map((room, index) => ({
      name: room.name,
      gathered: columns[index]?.gathered ?? 0,
      leftBehind: columns[index]?.leftBehind ?? 0,
    })),
    size: {
      width: 2 * MARGIN + Math.max(1, rooms.length) * COLUMN_WIDTH,
      height: Math.max(400, ...columns.map((c) => c.height)),
    },
  };
}

export function planHarvest(layout: HarvestLayout): Harvest {
  const { columns, rooms, size } = harvestColumns(layout.rooms);
  return {
    title: layout.title,
    frame: placeBeside(layout.anchor, size, layout.obstacles, 100),
    columns,
    rooms,
  };
}
