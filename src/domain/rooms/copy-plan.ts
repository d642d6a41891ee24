/**
 * "Create rooms from this frame": the template frame's content, read from the board, becomes the
 * list of items each new room gets at the same relative positions, sizes, colours and content.
 * What the Web SDK cannot create (or this app does not copy) is counted and named, never dropped
 * in silence.
 */

import type { Rect } from '../plan';
import { layoutRoomFrames, type RoomFrame } from '../planning/room-frames';
import { plainTextOf } from './item-text';
import {
  type BoardThing,
  type FrameToMake,
  type ItemStyle,
  type ItemToMake,
  type MadeKind,
  numberField,
  objectField,
  shownText,
  stringField,
} from './make-plan';
import { type PromptPlacement, promptItem } from './prompts';

/** More would make one click of "Create rooms" a job of many minutes per room. */
export const MAX_TEMPLATE_ITEMS = 100;
/** Plain text beyond this is damage, not a note. */
const MAX_TEXT = 6_000;

/** Style fields worth copying per kind, each a string, number or boolean as Miro gives them. */
const STYLE_FIELDS: Record<MadeKind, readonly string[]> = {
  sticky_note: ['fillColor', 'textAlign', 'textAlignVertical'],
  text: ['color', 'fillColor', 'fillOpacity', 'fontFamily', 'fontSize', 'textAlign'],
  shape: [
    'color',
    'fillColor',
    'fillOpacity',
    'fontFamily',
    'fontSize',
    'textAlign',
    'textAlignVertical',
    'borderStyle',
    'borderOpacity',
    'borderColor',
    'borderWidth',
  ],
  card: ['cardTheme', 'fillBackground'],
  image: [],
  embed: [],
};

const DEFAULT_WIDTH: Record<MadeKind, number> = {
  sticky_note: 200,
  text: 300,
  shape: 100,
  card: 320,
  image: 300,
  embed: 400,
};

const isMadeKind = (type: string): type is MadeKind => Object.hasOwn(STYLE_FIELDS, type);

function styleOf(thing: BoardThing, kind: MadeKind): ItemStyle {
  const given = objectField(thing, 'style');
  const style: Record<string, string | number | boolean> = {};
  for (const key of STYLE_FIELDS[kind]) {
    const value = given[key];
    const fits =
      (typeof value === 'string' && value.length <= 100) ||
      (typeof value === 'number' && Number.isFinite(value)) ||
      typeof value === 'boolean';
    if (fits) style[key] = value;
  }
  return style;
}

const positive = (value: number | null, fallback: number) =>
  value !== null && value > 0 ? value : fallback;

const webAddress = (url: string | null): url is string =>
  url !== null && url.length <= 2_000 && /^https?:\/\//i.test(url);

/** One template child as an item to make, or null when it cannot be copied. */
function copyOf(thing: BoardThing): ItemToMake | null {
  if (!isMadeKind(thing.type)) return null;
  const kind = thing.type;
  const x = numberField(thing, 'x');
  const y = numberField(thing, 'y');
  if (x === null || y === null) return null;
  const url = stringField(thing, 'url');
  if ((kind === 'image' || kind === 'embed') && !webAddress(url)) return null;
  const rotation = numberField(thing, 'rotation');
  const shape = stringField(thing, 'shape');
  const item: ItemToMake = {
    kind,
    x,
    y,
    width: positive(numberField(thing, 'width'), DEFAULT_WIDTH[kind]),
    ...(kind === 'shape' ? { height: positive(numberField(thing, 'height'), 100) } : {}),
    ...(rotation !== null && kind !== 'sticky_note' && kind !== 'embed' ? { rotation } : {}),
    text: kind === 'image' || kind === 'embed' ? '' : shownText(thing).slice(0, MAX_TEXT),
    ...(kind === 'card'
      ? { description: plainTextOf(stringField(thing, 'description')).slice(0, MAX_TEXT) }
      : {}),
    ...(shape !== null && (kind === 'shape' || kind === 'sticky_note') ? { shape } : {}),
    ...(kind === 'image' || kind === 'embed' ? { url: url as string } : {}),
    style: styleOf(thing, kind),
  };
  return item;
}

export type LeftOut = { readonly kind: string; readonly count: number };

export type TemplateCopy = {
  /** What each room gets, in the template's order (its layering). */
  readonly items: readonly ItemToMake[];
  /** What it does not get, by item type. */
  readonly leftOut: readonly LeftOut[];
};

/** Kind used for template items beyond `MAX_TEMPLATE_ITEMS`. */
export const OVER_LIMIT = 'over-limit';

/** The copy of a template frame's children (as `getChildren` reports them). */
export function planTemplateCopy(children: readonly BoardThing[]): TemplateCopy {
  const items: ItemToMake[] = [];
  const left = new Map<string, number>();
  const leave = (kind: string) => left.set(kind, (left.get(kind) ?? 0) + 1);
  for (const child of children) {
    const copy = copyOf(child);
    if (copy === null) leave(typeof child.type === 'string' ? child.type : 'unsupported');
    else if (items.length >= MAX_TEMPLATE_ITEMS) leave(OVER_LIMIT);
    else items.push(copy);
  }
  return { items, leftOut: [...left].map(([kind, count]) => ({ kind, count })) };
}

const NAMES: Record<string, [string, string]> = {
  connector: ['connector', 'connectors'],
  group: ['group', 'groups'],
  app_card: ['app card', 'app cards'],
  preview: ['link preview', 'link previews'],
  frame: ['frame inside the template', 'frames inside the template'],
  mindmap_node: ['mind map node', 'mind map nodes'],
  image: ['image without a web address', 'images without a web address'],
  embed: ['embed without a web address', 'embeds without a web address'],
  unsupported: [
    'item the Web SDK cannot read (a table, drawing or emoji)',
    'items the Web SDK cannot read (tables, drawings, emoji)',
  ],
  [OVER_LIMIT]: [
    `item past the first ${MAX_TEMPLATE_ITEMS}`,
    `items past the first ${MAX_TEMPLATE_ITEMS}`,
  ],
};

/** "2 connectors, 1 image without a web address": what the rooms do not get, for people. */
export function describeLeftOut(leftOut: readonly LeftOut[]): string {
  return leftOut
    .map(({ kind, count }) => {
      const [one, many] = NAMES[kind] ?? [
        kind.replaceAll('_', ' '),
        `${kind.replaceAll('_', ' ')} items`,
      ];
      return `${count} ${count === 1 ? one : many}`;
    })
    .join(', ');
}

export type RoomsFromTemplate = {
  /** The template frame as it stands on the board. */
  template: Rect;
  count: number;
  /** Every frame on the board: the new rooms keep clear of them. */
  obstacles: readonly Rect[];
  /** Room names typed by the facilitator (one per room); prompts name rooms otherwise. */
  names: readonly string[];
  prompts: readonly string[];
  prompt: PromptPlacement;
  firstNumber: number;
  copy: TemplateCopy;
};

/** The frames to make: K copies of the template beside it, each with its material and prompt. */
export function planRoomsFromTemplate(plan: RoomsFromTemplate): FrameToMake[] {
  const names = Array.from(
    { length: plan.count },
    (_, index) => plan.names[index] ?? plan.prompts[index] ?? '',
  );
  const frames: RoomFrame[] = layoutRoomFrames({
    template: plan.template,
    count: plan.count,
    obstacles: plan.obstacles,
    firstNumber: plan.firstNumber,
    names,
  });
  return frames.map(({ title, ...frame }, index) => {
    const prompt = plan.prompts[index];
    const items = prompt
      ? [...plan.copy.items, promptItem(prompt, plan.prompt, frame)]
      : plan.copy.items;
    return { title, frame, items };
  });
}
