/**
 * Splitting pasted spreadsheet lines into cells: comma, semicolon or tab separated, with
 * "quoted" fields that may hold the separator and "" for a quote. Cells are trimmed: spaces at
 * the edges of a name or room never matter here. One line is one row: a quoted
 * field spanning lines (rare in lists of names) is reported as an unclosed quote.
 */

export type Separator = ',' | ';' | '\t';

export type SplitLine = { cells: string[] } | { error: string };

export function splitDelimitedLine(line: string, separator: Separator): SplitLine {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  let wasQuoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index] as string;
    if (quoted) {
      if (char !== '"') cell += char;
      else if (line[index + 1] === '"') {
        cell += '"';
        index++;
      } else quoted = false;
    } else if (char === '"' && cell.trim() === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
      cell = '';
    } else if (char === separator) {
      cells.push(cell.trim());
      cell = '';
      wasQuoted = false;
    } else {
      // Text after a closing quote is kept: `"Ada" Lovelace` reads as a name, not an error.
      cell += char;
    }
  }
  if (quoted) return { error: 'A quote (") is opened but never closed.' };
  cells.push(cell.trim());
  return { cells };
}

const SEPARATORS: readonly Separator[] = ['\t', ';', ','];

/**
 * The separator the lines use: the one that splits the most lines into two or more cells. On a
 * tie tab beats semicolon beats comma, because names hold commas ("Lovelace, Ada") far more
 * often than semicolons or tabs.
 */
export function detectSeparator(lines: readonly string[]): Separator | null {
  let best: Separator | null = null;
  let bestCount = 0;
  for (const separator of SEPARATORS) {
    const count = lines.filter((line) => {
      const split = splitDelimitedLine(line, separator);
      return 'cells' in split && split.cells.length >= 2;
    }).length;
    if (count > bestCount) {
      best = separator;
      bestCount = count;
    }
  }
  return best;
}
