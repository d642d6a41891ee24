import type { SimItem, SimItemProps, SimOtherType } from './api';
import { invalid } from './errors';

/**
 * Board items as the simulator builds them: from a `create*` call (validated like Miro's invalid
 * input, miro-sdk.md 4.3) or from what a person draws. Every record carries the fields
 * websdk-types gives that item type, with Miro-like defaults.
 */

export type Stamp = { id: string; at: string; by: string };

/** Someone the board does not model (a person without the app, or the test itself). */
export const UNMODELLED_AUTHOR = '3074457300000000000';

const STICKY_COLOURS = new Set([
  'gray',
  'light_yellow',
  'yellow',
  'orange',
  'light_green',
  'green',
  'dark_green',
  'cyan',
  'light_pink',
  'pink',
  'violet',
  'red',
  'light_blue',
  'blue',
  'dark_blue',
  'black',
]);

const SHAPES = new Set([
  'rectangle',
  'circle',
  'triangle',
  'wedge_round_rectangle_callout',
  'round_rectangle',
  'rhombus',
  'parallelogram',
  'star',
  'right_arrow',
  'left_arrow',
  'pentagon',
  'hexagon',
  'octagon',
  'trapezoid',
  'flow_chart_predefined_process',
  'left_right_arrow',
  'cloud',
  'left_brace',
  'right_brace',
  'cross',
  'can',
]);

const TEXT_STYLE = {
  color: '#1a1a1a',
  fillColor: 'transparent',
  fillOpacity: 1,
  fontFamily: 'arial' as const,
  fontSize: 14,
  textAlign: 'left' as const,
};

const SHAPE_STYLE = {
  ...TEXT_STYLE,
  textAlign: 'center' as const,
  textAlignVertical: 'middle' as const,
  borderStyle: 'normal' as const,
  borderOpacity: 1,
  borderColor: '#1a1a1a',
  borderWidth: 2,
};

type Props = Record<string, unknown>;

const finite = (props: Props, key: string, fallback: number): number => {
  const value = props[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalid(`${key} must be a finite number`);
  }
  return value;
};

const size = (props: Props, key: 'width' | 'height', fallback: number): number => {
  const value = finite(props, key, fallback);
  if (value <= 0) throw invalid(`${key} must be positive`);
  return value;
};

const text = (props: Props, key: string): string => {
  const value = props[key];
  if (value === undefined) return '';
  if (typeof value !== 'string') throw invalid(`${key} must be a string`);
  return value;
};

/** The default style with every field the caller gave of the right kind; others are errors. */
function styleOf<S extends Record<string, unknown>>(props: Props, defaults: S): S {
  const given = props.style;
  if (given === undefined) return { ...defaults };
  if (typeof given !== 'object' || given === null) throw invalid('style must be an object');
  const style: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(given)) {
    if (value === undefined) continue;
    if (key in defaults && typeof value !== typeof defaults[key]) {
      throw invalid(`style.${key} must be a ${typeof defaults[key]}`);
    }
    style[key] = value;
  }
  return style as S;
}

const base = (props: Props, stamp: Stamp) => ({
  id: stamp.id,
  x: finite(props, 'x', 0),
  y: finite(props, 'y', 0),
  parentId: null,
  createdAt: stamp.at,
  createdBy: stamp.by,
  modifiedAt: stamp.at,
  modifiedBy: stamp.by,
});

/** Lines of a text item's content, for a height that grows with it as Miro's does. */
const lines = (content: string) => content.split(/<\/p>\s*(?=.)|<br\s*\/?>|\n/).length;

export type CreatableType = 'frame' | 'sticky_note' | 'text' | 'shape' | 'card' | 'image' | 'embed';

/** One record from the props of `board.create<Type>`, checked as Miro checks them. */
export function createdRecord(type: CreatableType, raw: unknown, stamp: Stamp): SimItem {
  if (raw !== undefined && (typeof raw !== 'object' || raw === null)) {
    throw invalid('Item properties must be an object');
  }
  const props = (raw ?? {}) as Props;
  switch (type) {
    case 'frame':
      return {
        ...base(props, stamp),
        type,
        title: text(props, 'title'),
        width: size(props, 'width', 800),
        height: size(props, 'height', 450),
        childrenIds: [],
        style: styleOf(props, { fillColor: '#ffffff' }),
        showContent: true,
      };
    case 'sticky_note': {
      if (props.width !== undefined && props.height !== undefined) {
        throw invalid('Set either the width or the height of a sticky note, not both');
      }
      const shape = props.shape ?? 'square';
      if (shape !== 'square' && shape !== 'rectangle') throw invalid(`Unknown shape ${shape}`);
      const ratio = shape === 'square' ? 1 : 0.6;
      const width =
        props.height !== undefined ? size(props, 'height', 200) / ratio : size(props, 'width', 200);
      const style = styleOf(props, {
        fillColor: 'light_yellow' as const,
        textAlign: 'center' as const,
        textAlignVertical: 'middle' as const,
      });
      if (!STICKY_COLOURS.has(style.fillColor)) {
        throw invalid(`Unknown sticky note colour ${String(style.fillColor)}`);
      }
      return {
        ...base(props, stamp),
        type,
        width,
        height: width * ratio,
        shape,
        content: text(props, 'content'),
        style,
        tagIds: [],
      };
    }
    case 'text': {
      const style = styleOf(props, TEXT_STYLE);
      const content = text(props, 'content');
      return {
        ...base(props, stamp),
        type,
        width: size(props, 'width', 300),
        height: Math.round(style.fontSize * 1.4 * lines(content)),
        rotation: finite(props, 'rotation', 0),
        content,
        style,
      };
    }
    case 'shape': {
      const shape = props.shape ?? 'rectangle';
      if (typeof shape !== 'string' || !SHAPES.has(shape)) {
        throw invalid(`Unknown shape ${String(shape)}`);
      }
      return {
        ...base(props, stamp),
        type,
        width: size(props, 'width', 100),
        height: size(props, 'height', 100),
        rotation: finite(props, 'rotation', 0),
        shape: shape as 'rectangle',
        content: text(props, 'content'),
        style: styleOf(props, SHAPE_STYLE),
      };
    }
    case 'card':
      return {
        ...base(props, stamp),
        type,
        width: size(props, 'width', 320),
        height: 94,
        rotation: finite(props, 'rotation', 0),
        title: text(props, 'title'),
        description: text(props, 'description'),
        style: styleOf(props, { cardTheme: '#2d9bf0', fillBackground: false }),
        taskStatus: 'none',
      };
    case 'image':
    case 'embed': {
      const url = text(props, 'url');
      if (!/^https?:\/\//.test(url)) throw invalid(`An ${type} needs an http(s) url`);
      if (type === 'image') {
        const width = size(props, 'width', 300);
        return {
          ...base(props, stamp),
          type,
          width,
          height: width * 0.75,
          rotation: finite(props, 'rotation', 0),
          url,
          title: text(props, 'title'),
        };
      }
      const mode = props.mode ?? 'inline';
      if (mode !== 'inline' && mode !== 'modal') throw invalid(`Unknown embed mode ${mode}`);
      return { ...base(props, stamp), type, width: 400, height: 300, url, mode };
    }
  }
}

const OTHER_SIZE = { width: 300, height: 200 };

/** What a person draws: the same records, from the few fields a test or the playground sets. */
export function drawnRecord(props: SimItemProps & { x: number; y: number }, stamp: Stamp): SimItem {
  const { x, y } = props;
  switch (props.type) {
    case 'sticky_note':
      return createdRecord(
        'sticky_note',
        {
          x,
          y,
          content: props.content,
          style: props.fillColor ? { fillColor: props.fillColor } : undefined,
        },
        stamp,
      );
    case 'text':
      return createdRecord(
        'text',
        { x, y, content: props.content, style: props.color ? { color: props.color } : undefined },
        stamp,
      );
    case 'shape':
      return createdRecord(
        'shape',
        {
          x,
          y,
          content: props.content,
          shape: props.shape,
          style: props.fillColor ? { fillColor: props.fillColor } : undefined,
        },
        stamp,
      );
    case 'card':
      return createdRecord(
        'card',
        { x, y, title: props.title, description: props.description },
        stamp,
      );
    case 'image':
    case 'embed':
      return createdRecord(
        props.type,
        { x, y, url: props.url ?? 'https://example.com/drawn' },
        stamp,
      );
    default:
      return { ...base({ x, y }, stamp), type: props.type as SimOtherType, ...OTHER_SIZE };
  }
}
