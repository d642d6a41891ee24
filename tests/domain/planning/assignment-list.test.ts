import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAssignmentList } from '../../../src/domain/planning/assignment-list';
import { detectSeparator, splitDelimitedLine } from '../../../src/domain/planning/delimited-text';
import { propertyOptions } from '../fixtures';

const pairs = (text: string) => parseAssignmentList(text).rows.map(({ who, room }) => [who, room]);

describe('splitDelimitedLine', () => {
  it('keeps separators and doubled quotes inside quoted fields', () => {
    expect(splitDelimitedLine('"Lovelace, Ada","Room ""A""",x', ',')).toEqual({
      cells: ['Lovelace, Ada', 'Room "A"', 'x'],
    });
  });

  it('trims cells and keeps text after a closing quote', () => {
    expect(splitDelimitedLine('  "Ada" Lovelace ;  Room 1 ', ';')).toEqual({
      cells: ['Ada Lovelace', 'Room 1'],
    });
  });

  it('reports a quote that is never closed', () => {
    expect(splitDelimitedLine('"Ada, Room 1', ',')).toEqual({
      error: 'A quote (") is opened but never closed.',
    });
  });

  it('joins back to the same cells when quoted (round trip)', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (cells) => {
        const clean = cells.map((cell) => cell.replace(/[\r\n]/g, '').trim());
        const line = clean.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(';');
        expect(splitDelimitedLine(line, ';')).toEqual({ cells: clean });
      }),
      propertyOptions,
    );
  });
});

describe('detectSeparator', () => {
  it('prefers semicolon over comma when both split, since names hold commas', () => {
    expect(detectSeparator(['Lovelace, Ada; Room 1'])).toBe(';');
  });

  it('finds tabs from a spreadsheet paste', () => {
    expect(detectSeparator(['Ada\tRoom 1', 'Alan\tRoom 2'])).toBe('\t');
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
