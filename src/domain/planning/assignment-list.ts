/**
 * Reading a pre-assignment list pasted by the facilitator: a spreadsheet export (CSV with comma,
 * semicolon or tab, with or without a header row) or a plain list such as "Ada Lovelace → Room 1".
 * Pasted text is untrusted and often messy, so nothing throws: every line either becomes a row or
 * an error that names its line and says how to fix it.
 */

import { toSingleLine } from '../text';
import { detectSeparator, type Separator, splitDelimitedLine } from './delimited-text';
import { nameKey } from './name-key';

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

type Line = { line: number; text: string };

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

function readArrowLine({ line, text }: Line): AssignmentRow | AssignmentRowError {
  const arrow = ARROW.exec(text);
  if (arrow === null) return row(line, who(text), '');
  return row(line, who(text.slice(0, arrow.index)), text.slice(arrow.index + arrow[0].length));
}

function readDelimitedLines(lines: readonly Line[]): Array<AssignmentRow | AssignmentRowError> {
  const separator: Separator | null = detectSeparator(lines.map(({ text }) => text));
  if (separator === null) {
    return lines.map(({ line }) => ({
      line,
      message: `Line ${line}: no room found. ${FORMAT_HINT}`,
    }));
  }
  const results: Array<AssignmentRow | AssignmentRowError> = [];
  let columns: Columns | null = null;
  lines.forEach(({ line, text }, index) => {
    const split = splitDelimitedLine(text, separator);
    if ('error' in split) {
      results.push({ line, message: `Line ${line}: ${split.error}` });
      return;
    }
    if (index === 0) {
      columns = headerColumns(split.cells);
      if (columns !== null) return;
    }
    results.push(
      columns === null
        ? rowFromCells(line, split.cells)
        : rowFromColumns(line, split.cells, columns),
    );
  });
  return results;
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
  const lines: Line[] = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .map((content, index) => ({ line: index + 1, text: content }))
    .filter(({ text: content }) => content.trim() !== '' && !content.trim().startsWith('#'));
  const arrowLines = lines.filter(({ text: content }) => ARROW.test(content));
  const otherLines = lines.filter(({ text: content }) => !ARROW.test(content));
  const results = [...arrowLines.map(readArrowLine), ...readDelimitedLines(otherLines)].sort(
    (a, b) => a.line - b.line,
  );

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
