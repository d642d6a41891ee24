/**
 * Reading a pre-assignment list pasted or imported by the facilitator: a spreadsheet export (CSV
 * with comma, semicolon as European Excel writes it, or tab, with or without a header row, quoted
 * cells holding separators, quotes and line breaks, a byte order mark) or a plain list such as
 * "Ada Lovelace → Room 1". Pasted text is untrusted and often messy, so nothing throws: every
 * line either becomes a row or an error that names its line and says how to fix it.
 */

import { toSingleLine } from '../text';
import { nameKey } from './name-key';
import { type Separator, type SheetRow, sheetRows } from './sheet-rows';

export type AssignmentRow = {
  /** 1-based line in the pasted text. */
  line: number;
  /** What identifies the person: the name when given, otherwise the email. */
  who: string;
  name: string | null;
  email: string | null;
  room: string;
};

export type AssignmentRowError = { line: number; message: string };

export type AssignmentList = { rows: AssignmentRow[]; errors: AssignmentRowError[] };

/** A workshop list, not a database dump: bounds the work a huge paste can cause. */
export const MAX_LIST_CHARACTERS = 200_000;
export const MAX_LIST_ROWS = 2000;

const ARROW = /\s*(?:→|->|=>|⇒|⟶)\s*/;
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const NAME_WITH_EMAIL = /^(.*?)\s*<([^<>]+)>$/;

const HEADERS = {
  name: ['name', 'full name', 'display name', 'person', 'participant', 'attendee', 'who'],
  first: ['first name', 'given name', 'firstname'],
  last: ['last name', 'surname', 'family name', 'lastname'],
  email: ['email', 'e-mail', 'mail', 'email address', 'e-mail address'],
  room: ['room', 'room name', 'room number', 'breakout room', 'breakout', 'group', 'team', 'table'],
} as const;
type Column = keyof typeof HEADERS;
type Columns = Partial<Record<Column, number>>;

const FORMAT_HINT =
  'Write one person per line, like "Ada Lovelace → Room 1" or "Ada Lovelace, Room 1".';

function who(nameText: string, emailText = ''): { name: string | null; email: string | null } {
  const text = toSingleLine(nameText);
  const email = toSingleLine(emailText);
  const withEmail = NAME_WITH_EMAIL.exec(text);
  if (withEmail !== null && EMAIL.test((withEmail[2] ?? '').trim())) {
    const name = toSingleLine(withEmail[1] ?? '');
    return { name: name === '' ? null : name, email: (withEmail[2] ?? '').trim() };
  }
  if (EMAIL.test(text)) return { name: null, email: email === '' ? text : email };
  return { name: text === '' ? null : text, email: email === '' ? null : email };
}

function row(
  line: number,
  person: { name: string | null; email: string | null },
  roomText: string,
): AssignmentRow | AssignmentRowError {
  const room = toSingleLine(roomText);
  const identity = person.name ?? person.email;
  if (identity === null) {
    return { line, message: `Line ${line}: no name given${room === '' ? '' : ` for ${room}`}.` };
  }
  if (room === '') return { line, message: `Line ${line}: no room given for ${identity}.` };
  return { line, who: identity, name: person.name, email: person.email, room };
}

function headerColumns(cells: readonly string[]): Columns | null {
  const columns: Columns = {};
  cells.forEach((cell, index) => {
    const key = nameKey(cell).replace(/[:*]+$/, '');
    for (const column of Object.keys(HEADERS) as Column[]) {
      if ((HEADERS[column] as readonly string[]).includes(key) && columns[column] === undefined) {
        columns[column] = index;
      }
    }
  });
  const hasPerson =
    columns.name !== undefined || columns.email !== undefined || columns.first !== undefined;
  return columns.room !== undefined && hasPerson ? columns : null;
}

function rowFromColumns(line: number, cells: readonly string[], columns: Columns) {
  const cell = (column: Column) => {
    const index = columns[column];
    return index === undefined ? '' : (cells[index] ?? '');
  };
  const name = cell('name') || `${cell('first')} ${cell('last')}`;
  return row(line, who(name, cell('email')), cell('room'));
}

function rowFromCells(line: number, cells: readonly string[]): AssignmentRow | AssignmentRowError {
  // A trailing separator ("Ada, Room 1,") leaves empty cells that mean nothing.
  const used = cells.length > 2 ? trimEmptyTail(cells) : cells;
  if (used.length === 2) return row(line, who(used[0] ?? ''), used[1] ?? '');
  if (used.length === 3) {
    const emailAt = [0, 1].find((index) => EMAIL.test(used[index] ?? ''));
    if (emailAt !== undefined) {
      return row(line, who(used[1 - emailAt] ?? '', used[emailAt] ?? ''), used[2] ?? '');
    }
  }
  if (used.length < 2) return { line, message: `Line ${line}: no room found. ${FORMAT_HINT}` };
  return {
    line,
    message: `Line ${line}: ${used.length} columns but no header row saying which is which. Add a first line such as "Name, Email, Room".`,
  };
}

function trimEmptyTail(cells: readonly string[]): string[] {
  let end = cells.length;
  while (end > 2 && cells[end - 1] === '') end--;
  return cells.slice(0, end);
}

function readArrowRow({ line, text }: SheetRow): AssignmentRow | AssignmentRowError {
  const arrow = ARROW.exec(text);
  if (arrow === null) return row(line, who(text), '');
  return row(line, who(text.slice(0, arrow.index)), text.slice(arrow.index + arrow[0].length));
}

/** Tab beats semicolon beats comma when they split as many rows: names hold commas. */
const SEPARATORS: readonly Separator[] = ['\t', ';', ','];

const isArrowRow = (sheetRow: SheetRow) => ARROW.test(sheetRow.text);

type Reading = { separator: Separator; rows: SheetRow[]; quoteProblems: number; split: number };

/** Fewer rows whose quotes make no sense at its separator first, then more rows split. */
const betterThan = (a: Reading, b: Reading) =>
  a.quoteProblems < b.quoteProblems || (a.quoteProblems === b.quoteProblems && a.split > b.split);

/**
 * The text's rows as the separator that reads them best (see `betterThan`); blank rows and #
 * comments dropped. `separator` is null when none splits any row into two or more cells.
 */
function readRows(text: string): { separator: Separator | null; rows: SheetRow[] } {
  let best: Reading | null = null;
  for (const separator of SEPARATORS) {
    const rows = sheetRows(text, separator).filter(({ text: written }) => {
      const content = written.trim();
      return content !== '' && !content.startsWith('#');
    });
    const sheet = rows.filter((sheetRow) => !isArrowRow(sheetRow));
    const reading: Reading = {
      separator,
      rows,
      quoteProblems: sheet.filter((row) => row.unclosedQuote || row.strayQuote).length,
      split: sheet.filter((row) => !row.unclosedQuote && row.cells.length >= 2).length,
    };
    if (best === null || betterThan(reading, best)) best = reading;
  }
  if (best === null || best.split === 0) return { separator: null, rows: best?.rows ?? [] };
  return best;
}

function unclosedQuote({ line, lastLine }: SheetRow): AssignmentRowError {
  const message =
    lastLine === line
      ? 'A quote (") is opened but never closed.'
      : `A quote (") is opened but never closed, so lines ${line} to ${lastLine} were read as one.`;
  return { line, message: `Line ${line}: ${message}` };
}

function readSheet(text: string): Array<AssignmentRow | AssignmentRowError> {
  const { separator, rows } = readRows(text);
  let columns: Columns | null = null;
  let first = true;
  return rows.flatMap((sheetRow): Array<AssignmentRow | AssignmentRowError> => {
    const { line, cells } = sheetRow;
    if (isArrowRow(sheetRow)) return [readArrowRow(sheetRow)];
    if (sheetRow.unclosedQuote) return [unclosedQuote(sheetRow)];
    if (separator === null)
      return [{ line, message: `Line ${line}: no room found. ${FORMAT_HINT}` }];
    if (first) {
      first = false;
      columns = headerColumns(cells);
      if (columns !== null) return [];
    }
    return [columns === null ? rowFromCells(line, cells) : rowFromColumns(line, cells, columns)];
  });
}

export function parseAssignmentList(text: string): AssignmentList {
  if (typeof text !== 'string') return { rows: [], errors: [] };
  if (text.length > MAX_LIST_CHARACTERS) {
    return {
      rows: [],
      errors: [
        {
          line: 1,
          message: `The list is longer than ${MAX_LIST_CHARACTERS.toLocaleString('en')} characters. Paste one workshop at a time.`,
        },
      ],
    };
  }
  const results = readSheet(text.replace(/^\uFEFF/, ''));

  const rows: AssignmentRow[] = [];
  const errors: AssignmentRowError[] = [];
  for (const result of results) {
    if (!('room' in result)) errors.push(result);
    else if (rows.length < MAX_LIST_ROWS) rows.push(result);
    else {
      errors.push({
        line: result.line,
        message: `Line ${result.line}: only the first ${MAX_LIST_ROWS} people are read; this line and the rest are ignored.`,
      });
      break;
    }
  }
  return { rows, errors };
}
