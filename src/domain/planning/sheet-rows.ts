/**
 * Spreadsheet text split into rows of cells by Papa Parse (RFC 4180: quoted fields may hold the
 * separator, "" for a quote, and line breaks), each row with the line it starts on and its own
 * text. Cells are trimmed (spaces at the edges of a name or room never matter here), and a cell
 * quoted after a space (`Ada, "Room 1"`, common when typed by hand) loses its quotes too. Loaded
 * with the planning tools only: the parser is not in the panel's first load nor the headless app.
 */

import { parse } from 'papaparse';

export type Separator = ',' | ';' | '\t';

export type SheetRow = {
  /** 1-based line of the text where the row starts. */
  line: number;
  /** 1-based line where it ends: later than `line` when a quoted cell holds a line break. */
  lastLine: number;
  /** The row as written, without its line break. */
  text: string;
  cells: string[];
  /** A quote was opened and never closed: the row runs to the end of the text. */
  unclosedQuote: boolean;
  /** Papa Parse found a quote where none belongs (`"a","` split at ";"): read as it stands. */
  strayQuote: boolean;
};

const BREAKS = /\r\n|\n|\r/g;
const TRAILING_BREAK = /(?:\r\n|\n|\r)$/;
/** A cell Papa Parse left quoted because a space came before its quote. */
const QUOTED_AFTER_SPACE = /^[ \t]+"((?:[^"]|"")*)"[ \t]*$/s;

const breaksIn = (text: string) => text.match(BREAKS)?.length ?? 0;

function cleanCell(cell: string): string {
  const quoted = QUOTED_AFTER_SPACE.exec(cell);
  return (quoted === null ? cell : (quoted[1] ?? '').replaceAll('""', '"')).trim();
}

/** `text` (without a byte order mark: the offsets are of the text as given) as rows. */
export function sheetRows(text: string, separator: Separator): SheetRow[] {
  const rows: SheetRow[] = [];
  let start = 0;
  let line = 1;
  parse<string[]>(text, {
    delimiter: separator,
    quoteChar: '"',
    escapeChar: '"',
    step: (result) => {
      const end = result.meta.cursor;
      const written = text.slice(start, end).replace(TRAILING_BREAK, '');
      rows.push({
        line,
        lastLine: line + breaksIn(written),
        text: written,
        cells: result.data.map(cleanCell),
        unclosedQuote: result.errors.some((error) => error.code === 'MissingQuotes'),
        strayQuote: result.errors.some((error) => error.code === 'InvalidQuotes'),
      });
      line += breaksIn(text.slice(start, end));
      start = end;
    },
  });
  return rows;
}
