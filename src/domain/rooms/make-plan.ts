/**
 * What a job makes on the board (room frames with their material, a harvest frame with its
 * columns), as plain data: the controller turns each entry into one `create*` call and, unless
 * Miro made it a child already, one `frame.add`. Also how a job that was interrupted recognises
 * what it made before, so nothing is made twice.
 */

import type { Rect } from '../plan';
import { plainTextOf } from './item-text';

/** The item types the Web SDK can create and this app copies. */
export type MadeKind = 'sticky_note' | 'text' | 'shape' | 'card' | 'image' | 'embed';

export type ItemStyle = Readonly<Record<string, string | number | boolean>>;

export type ItemToMake = {
  readonly kind: MadeKind;
  /** Centre, relative to the frame's top-left corner (how Miro reports a frame's children). */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** Shapes only: notes, text, cards and images take their height from their width. */
  readonly height?: number;
  readonly rotation?: number;
  /** Plain text: a note's, text's or shape's words, a card's title. Written escaped. */
  readonly text: string;
  /** A card's description, plain text. */
  readonly description?: string;
  /** A shape's kind (`circle`…) or a sticky note's (`square`, `rectangle`). */
  readonly shape?: string;
  /** Images and embeds: what they show. */
  readonly url?: string;
  readonly style: ItemStyle;
};

/** A frame a job makes, with what goes in it. `frame` is centre-based, like Miro's. */
export type FrameToMake = {
  readonly title: string;
  readonly frame: Rect;
  readonly items: readonly ItemToMake[];
};

/** Anything read from the board: only `id` and `type` are certain, the rest is checked. */
export type BoardThing = { readonly id: string; readonly type: string };

const field = (thing: BoardThing, key: string): unknown =>
  (thing as unknown as Record<string, unknown>)[key];

export const numberField = (thing: BoardThing, key: string): number | null => {
  const value = field(thing, key);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

export const stringField = (thing: BoardThing, key: string): string | null => {
  const value = field(thing, key);
  return typeof value === 'string' ? value : null;
};

export const objectField = (thing: BoardThing, key: string): Record<string, unknown> => {
  const value = field(thing, key);
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
};

/** The text an item shows, which is also how a copy of it is recognised. */
export function shownText(thing: BoardThing): string {
  switch (thing.type) {
    case 'card':
      return plainTextOf(stringField(thing, 'title'));
    case 'image':
    case 'embed':
      return stringField(thing, 'url') ?? '';
    default:
      return plainTextOf(stringField(thing, 'content'));
  }
}

/** What a planned item shows once made (the counterpart of `shownText`). */
export const plannedText = (item: ItemToMake): string =>
  item.kind === 'image' || item.kind === 'embed' ? (item.url ?? '') : item.text;

/** An item as a resumed job sees it: where it stands in the frame and what it shows. */
export type FoundItem = { id: string; kind: string; x: number; y: number; text: string };

/** Miro may round a position it was given; a copy is where it was meant to be within this. */
const POSITION_TOLERANCE = 1;

/**
 * Which of the items a job meant to make are there already: for each planned item (in order)
 * the id of the found item that is it, or null. A found item is used once, so two identical
 * planned items need two identical items on the board.
 */
export function recognise(
  planned: readonly ItemToMake[],
  found: readonly FoundItem[],
): (string | null)[] {
  const unused = [...found];
  return planned.map((item) => {
    const text = plannedText(item);
    const index = unused.findIndex(
      (candidate) =>
        candidate.kind === item.kind &&
        Math.abs(candidate.x - item.x) <= POSITION_TOLERANCE &&
        Math.abs(candidate.y - item.y) <= POSITION_TOLERANCE &&
        candidate.text === text,
    );
    if (index < 0) return null;
    const [match] = unused.splice(index, 1);
    return match?.id ?? null;
  });
}

/**
 * A board item as a resumed job compares it: `x, y` relative to the frame's top-left corner.
 * Children already are; an item not (yet) a child stands in board coordinates.
 */
export function foundIn(frame: Rect, thing: BoardThing, isChild: boolean): FoundItem | null {
  const x = numberField(thing, 'x');
  const y = numberField(thing, 'y');
  if (x === null || y === null) return null;
  const left = isChild ? 0 : frame.x - frame.width / 2;
  const top = isChild ? 0 : frame.y - frame.height / 2;
  return { id: thing.id, kind: thing.type, x: x - left, y: y - top, text: shownText(thing) };
}

/** Whether a board item (board coordinates) stands inside a frame. */
export const standsIn = (frame: Rect, thing: BoardThing): boolean => {
  const x = numberField(thing, 'x');
  const y = numberField(thing, 'y');
  return (
    x !== null &&
    y !== null &&
    Math.abs(x - frame.x) <= frame.width / 2 &&
    Math.abs(y - frame.y) <= frame.height / 2
  );
};
