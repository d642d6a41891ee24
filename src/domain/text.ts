/**
 * Text that reaches people: names from the board and from other users, and Miro notifications,
 * which must stay within 80 characters (miro-sdk.md 2.7; the simulator rejects longer ones, N1).
 */

import { MAX_NAME_CODE_POINTS } from './limits';

export const NOTIFICATION_LIMIT = 80;
const ELLIPSIS = '…';
/** How far back from the cut we look for a space, so a word is not chopped in the middle. */
const WORD_BOUNDARY_WINDOW = 15;

// Control characters would break layout; bidi overrides and isolates let a name reorder the text
// around it ("Trojan Source"); zero-width space and BOM make two names look identical.
const INVISIBLE = /[\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF]/g;
const CONTROL = /\p{Cc}/gu;
// Lone halves of surrogate pairs are not text; JSON keeps them but nothing can display them.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const WHITESPACE_RUN = /\s+/g;
// A cut inside one over-long character (a base with hundreds of combining marks) can leave a
// joiner with nothing to join, which renders as a stray glyph on some systems.
const TRAILING_SPACE_OR_JOINER = /[\s\u200D]+$/u;

/** What a person sees as one character: an emoji ZWJ sequence, a flag, a letter with its marks. */
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The longest prefix of `text` made of whole graphemes whose size (as `sizeOf` measures it) stays
 * within `max`. A first grapheme that alone is larger (a letter under hundreds of marks, abuse
 * rather than text) is cut at a code point instead, so the prefix is empty only when `max` is 0.
 */
function prefixOfWholeGraphemes(
  text: string,
  max: number,
  sizeOf: (piece: string) => number,
): string {
  let end = 0;
  let used = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    used += sizeOf(segment);
    if (used > max) {
      if (index > 0) return text.slice(0, end);
      return takeCodePoints(segment, max, sizeOf);
    }
    end = index + segment.length;
  }
  return text;
}

function takeCodePoints(text: string, max: number, sizeOf: (piece: string) => number): string {
  let taken = '';
  let used = 0;
  for (const codePoint of text) {
    used += sizeOf(codePoint);
    if (used > max) break;
    taken += codePoint;
  }
  return taken;
}

const codePointCount = (piece: string) => Array.from(piece).length;
const unitCount = (piece: string) => piece.length;

/** Removes characters that are not safe or not meaningful in one line of displayed text. */
export function toSingleLine(raw: string): string {
  return raw
    .replace(LONE_SURROGATE, '')
    .replace(INVISIBLE, '')
    .replace(CONTROL, ' ')
    .replace(WHITESPACE_RUN, ' ')
    .trim();
}

/**
 * A name as the app stores and shows it: one line, no invisible tricks, at most 80 code points,
 * cut between graphemes (never inside a family emoji, a flag or a letter and its accent).
 * Idempotent, so cleaning on every read and write never drifts.
 */
export function cleanName(raw: string, fallback = 'Unnamed'): string {
  const line = toSingleLine(raw);
  const capped =
    codePointCount(line) > MAX_NAME_CODE_POINTS
      ? prefixOfWholeGraphemes(line, MAX_NAME_CODE_POINTS, codePointCount).replace(
          TRAILING_SPACE_OR_JOINER,
          '',
        )
      : line;
  return capped === '' ? fallback : capped;
}

/**
 * The longest prefix of at most `maxUnits` UTF-16 units that ends between graphemes, so no emoji,
 * flag or accented letter is cut in two (one grapheme longer than `maxUnits` is cut between code
 * points, never inside a surrogate pair).
 */
export function cutWithoutSplitting(text: string, maxUnits: number): string {
  if (maxUnits <= 0) return '';
  if (text.length <= maxUnits) return text;
  return prefixOfWholeGraphemes(text, maxUnits, unitCount);
}

/** Shortens `text` to `maxUnits` with an ellipsis, hard cut (for names inside a sentence). */
function shortenHard(text: string, maxUnits: number): string {
  if (text.length <= maxUnits) return text;
  if (maxUnits <= 0) return '';
  return cutWithoutSplitting(text, maxUnits - 1).replace(TRAILING_SPACE_OR_JOINER, '') + ELLIPSIS;
}

/**
 * Fits a notification into `limit` characters. JS string length counts UTF-16 units, which is
 * never fewer than the characters a person sees, so staying within it is safe whatever way the
 * platform counts. Prefers to cut at a space near the end and marks the cut with '…'.
 */
export function clampNotification(text: string, limit = NOTIFICATION_LIMIT): string {
  const line = toSingleLine(text);
  const max = Math.floor(limit);
  if (line.length <= max) return line;
  if (max <= 0) return '';
  const budget = max - ELLIPSIS.length;
  const cut = cutWithoutSplitting(line, budget);
  const space = cut.lastIndexOf(' ');
  const atWord =
    space > 0 && space >= cut.length - WORD_BOUNDARY_WINDOW ? cut.slice(0, space) : cut;
  return atWord.replace(TRAILING_SPACE_OR_JOINER, '') + ELLIPSIS;
}

/**
 * Gives each value a share of `budget` units: short values keep their full length and what they
 * do not use goes to the longer ones, so "Jo asks for help in <long room name>" keeps "Jo".
 */
function shareBudget(lengths: readonly number[], budget: number): number[] {
  const order = lengths
    .map((length, index) => ({ length, index }))
    .sort((a, b) => a.length - b.length);
  const shares = new Array<number>(lengths.length).fill(0);
  let remaining = budget;
  order.forEach(({ length, index }, position) => {
    const fair = Math.floor(remaining / (order.length - position));
    const share = Math.min(length, fair);
    shares[index] = share;
    remaining -= share;
  });
  return shares;
}

/**
 * Builds a notification from fixed words and variable values (names, room titles), shrinking the
 * values rather than the fixed words. Used as a tag:
 * fitNotification`${name} asks for help in ${room}`.
 */
export function fitNotification(
  fixed: TemplateStringsArray | readonly string[],
  ...values: readonly string[]
): string {
  return fitNotificationTo(NOTIFICATION_LIMIT)(fixed, ...values);
}

/** `fitNotification` with another limit. */
export function fitNotificationTo(limit: number) {
  return (
    fixed: TemplateStringsArray | readonly string[],
    ...values: readonly string[]
  ): string => {
    // Fixed words keep their edge spaces: they separate the words from the values.
    const words = Array.from(fixed, (part) => part.replace(WHITESPACE_RUN, ' '));
    const cleanValues = values.map(toSingleLine);
    const fixedLength = words.reduce((sum, word) => sum + word.length, 0);
    const valuesLength = cleanValues.reduce((sum, value) => sum + value.length, 0);
    const budget = Math.floor(limit) - fixedLength;
    const join = (parts: readonly string[]) =>
      words.reduce((text, word, index) => text + word + (parts[index] ?? ''), '');
    // Everything fits, or the fixed words alone leave no room: then only a plain clamp can help.
    if (valuesLength <= budget || budget < cleanValues.length) {
      return clampNotification(join(cleanValues), limit);
    }
    const shares = shareBudget(
      cleanValues.map((value) => value.length),
      budget,
    );
    return clampNotification(
      join(cleanValues.map((value, index) => shortenHard(value, shares[index] ?? 0))),
      limit,
    );
  };
}

/**
 * Splits a long message into pieces of at most `limit` characters, breaking between words; a word
 * longer than `limit` is cut (never inside a surrogate pair). Blank text gives no pieces.
 */
export function splitForNotifications(text: string, limit = NOTIFICATION_LIMIT): string[] {
  const max = Math.max(2, Math.floor(limit));
  const chunks: string[] = [];
  let current = '';
  for (const word of toSingleLine(text).split(' ')) {
    if (word === '') continue;
    const candidate = current === '' ? word : `${current} ${word}`;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    if (current !== '') chunks.push(current);
    let rest = word;
    while (rest.length > max) {
      const piece = cutWithoutSplitting(rest, max);
      chunks.push(piece);
      rest = rest.slice(piece.length);
    }
    current = rest;
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

const pad2 = (value: number) => String(value).padStart(2, '0');

/**
 * A countdown: '4:05', '1:02:03', '0:00'. Rounds up, so '0:00' appears only when time is up and
 * a breakout with 59.5 s left still reads '1:00' rather than already '0:59'.
 */
export function formatRemaining(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '0:00';
  const totalSeconds = Math.ceil(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return hours > 0 ? `${hours}:${pad2(minutes)}:${pad2(seconds)}` : `${minutes}:${pad2(seconds)}`;
}
