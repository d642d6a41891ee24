import { describe, expect, it } from 'vitest';
import {
  describeLeftOut,
  MAX_TEMPLATE_ITEMS,
  planRoomsFromTemplate,
  planTemplateCopy,
} from '../../../src/domain/rooms/copy-plan';
import { type FoundItem, recognise } from '../../../src/domain/rooms/make-plan';
import { DEFAULT_PROMPT, namesOf, promptItem, promptsOf } from '../../../src/domain/rooms/prompts';

const base = { parentId: 'tpl', createdAt: '', createdBy: '', modifiedAt: '', modifiedBy: '' };
const sticky = (id: string, x: number, y: number, content = '<p>Idea</p>') => ({
  ...base,
  id,
  type: 'sticky_note',
  x,
  y,
  width: 200,
  height: 200,
  shape: 'square',
  content,
  style: { fillColor: 'light_green', textAlign: 'center', textAlignVertical: 'middle' },
  tagIds: [],
});
const template = { x: 0, y: 0, width: 800, height: 600 };

describe('rooms from template: the copy plan', () => {
  it('copies notes, text, shapes and cards at the same relative place, size, colour and text', () => {
    const children = [
      sticky('s', 120, 80, '<p>Who are they?</p>'),
      {
        ...base,
        id: 't',
        type: 'text',
        x: 400,
        y: 40,
        width: 300,
        height: 30,
        rotation: 5,
        content: '<p>Customers &amp; users</p>',
        style: { color: '#ff0000', fontSize: 24, fontFamily: 'arial', evil: { nested: true } },
      },
      {
        ...base,
        id: 'h',
        type: 'shape',
        x: 600,
        y: 400,
        width: 150,
        height: 90,
        rotation: 0,
        shape: 'circle',
        content: 'Goal',
        style: { fillColor: '#00ff00', borderWidth: 4 },
      },
      {
        ...base,
        id: 'c',
        type: 'card',
        x: 200,
        y: 500,
        width: 320,
        height: 94,
        title: '<p>Task</p>',
        description: '<p>Do it</p>',
        style: { cardTheme: '#2d9bf0' },
      },
    ];
    const { items, leftOut } = planTemplateCopy(children);
    expect(leftOut).toEqual([]);
    expect(items).toEqual([
      {
        kind: 'sticky_note',
        x: 120,
        y: 80,
        width: 200,
        text: 'Who are they?',
        shape: 'square',
        style: { fillColor: 'light_green', textAlign: 'center', textAlignVertical: 'middle' },
      },
      {
        kind: 'text',
        x: 400,
        y: 40,
        width: 300,
        rotation: 5,
        text: 'Customers & users',
        style: { color: '#ff0000', fontSize: 24, fontFamily: 'arial' },
      },
      {
        kind: 'shape',
        x: 600,
        y: 400,
        width: 150,
        height: 90,
        rotation: 0,
        shape: 'circle',
        text: 'Goal',
        style: { fillColor: '#00ff00', borderWidth: 4 },
      },
      {
        kind: 'card',
        x: 200,
        y: 500,
        width: 320,
        text: 'Task',
        description: 'Do it',
        style: { cardTheme: '#2d9bf0' },
      },
    ]);
  });

  it('counts and names what it cannot copy, never drops it silently', () => {
    const children = [
      sticky('s', 10, 10),
      { id: 'k', type: 'connector', parentId: 'tpl' },
      { id: 'k2', type: 'connector', parentId: 'tpl' },
      { id: 'u', type: 'unsupported', x: 1, y: 1 },
      { ...base, id: 'i', type: 'image', x: 5, y: 5, width: 100, url: 'blob:local' },
      {
        ...base,
        id: 'i2',
        type: 'image',
        x: 5,
        y: 5,
        width: 100,
        url: 'https://example.com/a.png',
      },
    ];
    const { items, leftOut } = planTemplateCopy(children);
    expect(items.map((item) => item.kind)).toEqual(['sticky_note', 'image']);
    expect(describeLeftOut(leftOut)).toBe(
      '2 connectors, 1 item the Web SDK cannot read (a table, drawing or emoji), 1 image without a web address',
    );
  });

  it(`copies at most ${MAX_TEMPLATE_ITEMS} items and names the rest`, () => {
    const many = Array.from({ length: MAX_TEMPLATE_ITEMS + 3 }, (_, i) => sticky(`s${i}`, i, i));
    const { items, leftOut } = planTemplateCopy(many);
    expect(items).toHaveLength(MAX_TEMPLATE_ITEMS);
    expect(describeLeftOut(leftOut)).toBe(`3 items past the first ${MAX_TEMPLATE_ITEMS}`);
  });

  it('makes K frames beside the template, named from the typed list, then by prompt, then numbered, each with the material and its prompt', () => {
    const copy = planTemplateCopy([sticky('s', 100, 100)]);
    const frames = planRoomsFromTemplate({
      template,
      count: 3,
      obstacles: [template],
      names: namesOf('Team A\n\n', 3),
      prompts: promptsOf('Customers\nRisks', 3),
      prompt: DEFAULT_PROMPT,
      firstNumber: 1,
      copy,
    });
    expect(frames.map((frame) => frame.title)).toEqual(['Team A', 'Risks', 'Room 3']);
    expect(frames.map((frame) => frame.items.map((item) => item.text))).toEqual([
      ['Idea', 'Customers'],
      ['Idea', 'Risks'],
      ['Idea'],
    ]);
    for (const { frame } of frames) {
      expect([frame.width, frame.height]).toEqual([800, 600]);
      expect(frame.x - frame.width / 2).toBeGreaterThan(template.x + template.width / 2);
    }
  });

  it('puts a prompt at the chosen spot, as text or a sticky note, inside the frame', () => {
    const frame = { x: 0, y: 0, width: 800, height: 600 };
    const topLeft = promptItem('Risks', DEFAULT_PROMPT, frame);
    expect(topLeft).toMatchObject({ kind: 'text', text: 'Risks' });
    expect(topLeft.x - topLeft.width / 2).toBeGreaterThanOrEqual(0);
    const centred = promptItem('Risks', { kind: 'sticky_note', spot: 'centre' }, frame);
    expect(centred).toMatchObject({ kind: 'sticky_note', x: 400, y: 300 });
    const top = promptItem('Risks', { kind: 'text', spot: 'top' }, frame);
    expect(top.x).toBe(400);
  });

  it('reads typed lines one per room, blanks skipped, names cleaned and cut to 80 characters', () => {
    expect(namesOf(`  A  \r\n\n\u202Eb\n${'x'.repeat(100)}\nextra`, 3)).toEqual([
      'A',
      'b',
      'x'.repeat(80),
    ]);
    expect(promptsOf('', 4)).toEqual([]);
  });
});

describe('rooms from template: a resumed job recognises what it made', () => {
  const planned = planTemplateCopy([
    sticky('a', 100, 100),
    sticky('b', 100, 100),
    sticky('c', 300, 100, '<p>Other</p>'),
  ]).items;
  const found = (id: string, x: number, y: number, text = 'Idea'): FoundItem => ({
    id,
    kind: 'sticky_note',
    x,
    y,
    text,
  });

  it('matches by kind, place (within 1 dp) and text, each found item once', () => {
    expect(recognise(planned, [found('x', 100.4, 99.6)])).toEqual(['x', null, null]);
    expect(
      recognise(planned, [
        found('x', 100, 100),
        found('y', 100, 100),
        found('z', 300, 100, 'Other'),
      ]),
    ).toEqual(['x', 'y', 'z']);
  });

  it('does not take a changed, moved or different item for a copy', () => {
    expect(
      recognise(planned, [
        found('moved', 150, 100),
        found('edited', 100, 100, 'Idea!'),
        { ...found('text', 100, 100), kind: 'text' },
      ]),
    ).toEqual([null, null, null]);
  });
});
