import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAssignmentList } from '../../../src/domain/planning/assignment-list';
import { toSingleLine } from '../../../src/domain/text';
import { propertyOptions } from '../fixtures';

const pairs = (text: string) => parseAssignmentList(text).rows.map(({ who, room }) => [who, room]);

/** A file as a spreadsheet wrote it: bytes kept as they are (.gitattributes), BOM and all. */
const file = (name: string) =>
  readFileSync(fileURLToPath(new URL(`files/${name}`, import.meta.url)), 'utf8');

describe('parseAssignmentList: real-world files', () => {
  it('reads European Excel: semicolons, a BOM, Windows line ends, commas in names', () => {
    const text = file('excel-semicolon-bom.csv');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(parseAssignmentList(text)).toEqual({
      rows: [
        {
          line: 2,
          who: 'Lovelace, Ada',
          name: 'Lovelace, Ada',
          email: 'ada@example.com',
          room: 'Room 1',
        },
        {
          line: 3,
          who: 'Hopper; Grace',
          name: 'Hopper; Grace',
          email: 'grace@example.com',
          room: 'Room 2',
        },
        { line: 4, who: 'Alan Turing', name: 'Alan Turing', email: null, room: '2' },
      ],
      errors: [],
    });
  });

  it('reads quoted commas, escaped quotes and quoted line breaks, on the lines they start', () => {
    const { rows, errors } = parseAssignmentList(file('sheets-quoted.csv'));
    expect(errors).toEqual([]);
    expect(rows.map(({ line, who, room }) => [line, who, room])).toEqual([
      [2, 'Hopper, Grace', 'Room 2'],
      [4, 'Grace "Amazing" Hopper', 'Room 1'],
      [5, 'Ada Lovelace', 'Room 1'],
      [7, 'Alan Turing', 'Room 3'],
    ]);
  });

  it('reads tab-separated cells pasted from a spreadsheet, blank lines skipped', () => {
    expect(pairs(file('pasted-tabs.tsv'))).toEqual([
      ['Ada Lovelace', 'Room 1'],
      ['Grace Hopper', 'Room 2'],
      ['Alan Turing', 'Room 3'],
    ]);
  });

  it('reads a file without a header row', () => {
    expect(pairs(file('no-header.csv'))).toEqual([
      ['Ada Lovelace', 'Room 1'],
      ['Grace Hopper', 'Room 2'],
    ]);
  });

  it('says which lines an unclosed quote swallowed', () => {
    expect(parseAssignmentList(file('unclosed-quote.csv'))).toEqual({
      rows: [],
      errors: [
        {
          line: 2,
          message:
            'Line 2: A quote (") is opened but never closed, so lines 2 to 3 were read as one.',
        },
      ],
    });
  });

  it('prefers semicolon over comma when both split, since names hold commas', () => {
    expect(pairs('Lovelace, Ada; Room 1')).toEqual([['Lovelace, Ada', 'Room 1']]);
  });

  it('drops the quotes of a cell quoted after a space', () => {
    expect(pairs('Ada Lovelace, "Room 1"')).toEqual([['Ada Lovelace', 'Room 1']]);
  });

  it('reads back any names and rooms written as quoted CSV (round trip)', () => {
    // Separators, quotes, line breaks and tabs inside cells; nothing that reads as an arrow,
    // an email or a comment, nor a cell that is spaces then a quoted text (read as that text).
    const cell = fc
      .array(fc.constantFrom('a', 'Z', 'é', '😀', ' ', ',', ';', '"', '\n', '\r\n', '\t', '-'), {
        minLength: 1,
        maxLength: 12,
      })
      .map((chars) => chars.join(''))
      .filter((text) => !/^[ \t]+"/.test(text));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 5 }), (people) => {
        const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
        const csv = people.map(([name, room]) => `${quote(name)},${quote(room)}`).join('\r\n');
        const read = parseAssignmentList(csv).rows.map(({ who, room }) => [who, room]);
        const expected = people
          .map(([name, room]) => [toSingleLine(name), toSingleLine(room)])
          .filter(([name, room]) => name !== '' && room !== '');
        expect(read).toEqual(expected);
      }),
      propertyOptions,
    );
  });
});

describe('parseAssignmentList: formats', () => {
  it('reads arrow lists with →, -> and =>', () => {
    expect(pairs('Ada Lovelace → Room 1\nAlan Turing -> Room 2\nGrace Hopper=>3')).toEqual([
      ['Ada Lovelace', 'Room 1'],
      ['Alan Turing', 'Room 2'],
      ['Grace Hopper', '3'],
    ]);
  });

  it.each([
    ['comma', 'Ada Lovelace,Room 1\nAlan Turing,Room 2'],
    ['semicolon', 'Ada Lovelace;Room 1\nAlan Turing;Room 2'],
    ['tab', 'Ada Lovelace\tRoom 1\nAlan Turing\tRoom 2'],
    ['Windows line ends', 'Ada Lovelace,Room 1\r\nAlan Turing,Room 2\r\n'],
    ['a byte order mark', '\uFEFFAda Lovelace,Room 1\nAlan Turing,Room 2'],
    ['old Mac line ends', 'Ada Lovelace;Room 1\rAlan Turing;Room 2'],
  ])('reads CSV separated by %s without a header', (_, text) => {
    expect(pairs(text)).toEqual([
      ['Ada Lovelace', 'Room 1'],
      ['Alan Turing', 'Room 2'],
    ]);
  });

  it('reads quoted names holding the separator', () => {
    expect(pairs('"Lovelace, Ada",Room 1')).toEqual([['Lovelace, Ada', 'Room 1']]);
  });

  it('detects a header row and reads columns in any order', () => {
    const { rows } = parseAssignmentList('Room;E-mail;Name\nRoom 2;ada@example.com;Ada Lovelace');
    expect(rows).toEqual([
      {
        line: 2,
        who: 'Ada Lovelace',
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        room: 'Room 2',
      },
    ]);
  });

  it('joins first and last name columns', () => {
    expect(pairs('First name,Last name,Group\nAda,Lovelace,Blue')).toEqual([
      ['Ada Lovelace', 'Blue'],
    ]);
  });

  it('reads an email-only row as an email', () => {
    expect(parseAssignmentList('ada@example.com, Room 2').rows[0]).toMatchObject({
      who: 'ada@example.com',
      name: null,
      email: 'ada@example.com',
    });
  });

  it('reads "Name <email>" as both', () => {
    expect(parseAssignmentList('Ada Lovelace <ada@example.com> → Room 1').rows[0]).toMatchObject({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
    });
  });

  it('reads name, email, room without a header', () => {
    expect(parseAssignmentList('Ada Lovelace, ada@example.com, Room 1').rows[0]).toMatchObject({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      room: 'Room 1',
    });
  });

  it('skips blank lines and # comments but keeps the real line numbers', () => {
    const { rows } = parseAssignmentList('# pre-assignment\n\nAda, Room 1\n\nAlan, Room 2');
    expect(rows.map((row) => row.line)).toEqual([3, 5]);
  });

  it('mixes arrow lines and CSV lines in one paste, in line order', () => {
    expect(pairs('Ada → 1\nAlan, 2').map(([who]) => who)).toEqual(['Ada', 'Alan']);
  });
});

describe('parseAssignmentList: errors name the line and the fix', () => {
  it('reports an empty room', () => {
    expect(parseAssignmentList('Ada, Room 1\nAlan,\nGrace → ').errors).toEqual([
      { line: 2, message: 'Line 2: no room given for Alan.' },
      { line: 3, message: 'Line 3: no room given for Grace.' },
    ]);
  });

  it('reports a missing name', () => {
    expect(parseAssignmentList('Ada, 1\n, Room 2').errors).toEqual([
      { line: 2, message: 'Line 2: no name given for Room 2.' },
    ]);
  });

  it('reports a line it cannot read with an example of what works', () => {
    const { rows, errors } = parseAssignmentList('Ada, Room 1\njust a name');
    expect(rows).toHaveLength(1);
    expect(errors[0]?.line).toBe(2);
    expect(errors[0]?.message).toMatch(/^Line 2: no room found\. Write one person per line/);
  });

  it('asks for a header when there are more columns than it can guess', () => {
    expect(parseAssignmentList('Ada, Lovelace, London, Room 1').errors[0]?.message).toMatch(
      /header row/,
    );
  });

  it('reports an unclosed quote on its line', () => {
    expect(parseAssignmentList('Ada, 1\n"Alan, 2').errors).toEqual([
      { line: 2, message: 'Line 2: A quote (") is opened but never closed.' },
    ]);
  });

  it('refuses a paste too long to be a workshop list', () => {
    const { rows, errors } = parseAssignmentList('x'.repeat(200_001));
    expect(rows).toEqual([]);
    expect(errors[0]?.message).toMatch(/longer than 200,000 characters/);
  });

  it('never throws and accounts for every non-blank line, on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const { rows, errors } = parseAssignmentList(text);
        const lines = new Set([...rows, ...errors].map((entry) => entry.line));
        for (const row of rows) expect(row.room).not.toBe('');
        expect(lines.size).toBeLessThanOrEqual(text.split(/\r\n|\n|\r/).length);
      }),
      propertyOptions,
    );
  });
});
