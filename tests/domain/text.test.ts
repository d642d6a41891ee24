import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clampNotification,
  cleanName,
  fitNotification,
  fitNotificationTo,
  formatRemaining,
  splitForNotifications,
} from '../../src/domain/text';
import { propertyOptions } from './fixtures';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const anyText = fc.string({ unit: 'binary', maxLength: 300 });
const codePoints = (text: string) => Array.from(text).length;

describe('cleanName', () => {
  it('keeps an ordinary name as it is', () => {
    expect(cleanName('Ada Lovelace')).toBe('Ada Lovelace');
    expect(cleanName('Zoë 👩‍💻 Ünal')).toBe('Zoë 👩‍💻 Ünal');
  });

  it('turns line breaks and tabs into single spaces and trims the ends', () => {
    expect(cleanName('  Ada\n\tLovelace\r\n ')).toBe('Ada Lovelace');
  });

  it('removes bidi overrides so a name cannot reorder the text around it', () => {
    expect(cleanName('evil\u202Egnp.exe')).toBe('evilgnp.exe');
    expect(cleanName('a\u2066b\u2069c\u200Fd')).toBe('abcd');
  });

  it('removes zero-width spaces so two names cannot look identical', () => {
    expect(cleanName('Bo\u200Bb')).toBe('Bob');
  });

  it('falls back to "Unnamed" (or a given fallback) when nothing visible is left', () => {
    expect(cleanName('')).toBe('Unnamed');
    expect(cleanName(' \u0000\u202E\n')).toBe('Unnamed');
    expect(cleanName('   ', '')).toBe('');
  });

  it('caps at 80 code points without splitting an emoji made of a surrogate pair', () => {
    const name = `${'a'.repeat(79)}😀😀`;
    const cleaned = cleanName(name);
    expect(cleaned).toBe(`${'a'.repeat(79)}😀`);
    expect(codePoints(cleaned)).toBe(80);
  });

  it('cuts a long name between graphemes, never inside an emoji ZWJ sequence', () => {
    const family = '👨‍👩‍👧‍👦'; // 7 code points, one character on screen
    const cleaned = cleanName(`${'a'.repeat(75)}${family}`);
    expect(cleaned).toBe('a'.repeat(75));
    expect(cleanName(`${'a'.repeat(73)}${family}b`)).toBe(`${'a'.repeat(73)}${family}`);
  });

  it('keeps a letter and its combining marks together at the cut', () => {
    const accented = 'e\u0301\u0323'; // é with a dot below, built from marks: 3 code points
    expect(cleanName(`${'a'.repeat(78)}${accented}`)).toBe('a'.repeat(78));
    expect(cleanName(`${'a'.repeat(77)}${accented}z`)).toBe(`${'a'.repeat(77)}${accented}`);
  });

  it('never cuts a flag into its two regional indicator letters', () => {
    const flag = '🇩🇪'; // 2 code points
    const cleaned = cleanName(`${'a'.repeat(79)}${flag}`);
    expect(cleaned).toBe('a'.repeat(79));
    expect(cleanName(`${flag.repeat(40)}${flag}`)).toBe(flag.repeat(40));
  });

  it('cuts one grapheme longer than the cap (a letter under hundreds of marks) between code points', () => {
    const zalgo = `Z${'\u0336'.repeat(300)}`;
    const cleaned = cleanName(zalgo);
    expect(codePoints(cleaned)).toBe(80);
    expect(cleaned.startsWith('Z')).toBe(true);
  });

  it('drops lone surrogates, which no font can show', () => {
    expect(cleanName('a\uD800b\uDC00c')).toBe('abc');
  });

  it('always gives one trimmed line of at most 80 code points with no lone surrogates', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const cleaned = cleanName(raw);
        expect(codePoints(cleaned)).toBeLessThanOrEqual(80);
        expect(cleaned).not.toMatch(LONE_SURROGATE);
        expect(cleaned).not.toMatch(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/u);
        expect(cleaned).toBe(cleaned.trim());
        expect(cleaned).not.toMatch(/\s\s/);
        expect(cleaned.length).toBeGreaterThan(0);
      }),
      propertyOptions,
    );
  });

  it('keeps only whole graphemes of the cleaned line when it cuts', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const graphemesOf = (text: string) => Array.from(segmenter.segment(text), (s) => s.segment);
    const emojiText = fc.array(
      fc.constantFrom('a', ' ', '👨‍👩‍👧‍👦', '🇩🇪', 'e\u0301', '👍🏽', '🏳️‍🌈', 'ñ'),
      { minLength: 20, maxLength: 120 },
    );
    fc.assert(
      fc.property(emojiText, (parts) => {
        const raw = parts.join('');
        const cleaned = cleanName(raw, '');
        const whole = graphemesOf(raw.trim().replace(/\s+/g, ' '));
        const kept = graphemesOf(cleaned);
        expect(kept).toEqual(whole.slice(0, kept.length));
      }),
      propertyOptions,
    );
  });

  it('is idempotent, so cleaning on every read and write never changes a stored name', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const once = cleanName(raw);
        expect(cleanName(once)).toBe(once);
      }),
      propertyOptions,
    );
  });
});

describe('clampNotification', () => {
  it('leaves a message that fits untouched', () => {
    expect(clampNotification('Breakout started: 3 rooms')).toBe('Breakout started: 3 rooms');
    const exactly80 = 'x'.repeat(80);
    expect(clampNotification(exactly80)).toBe(exactly80);
  });

  it('cuts a long message at a word boundary near the end and adds an ellipsis', () => {
    const text = `${'word '.repeat(20)}end`;
    const clamped = clampNotification(text);
    expect(clamped.length).toBeLessThanOrEqual(80);
    expect(clamped.endsWith('word…')).toBe(true);
  });

  it('cuts inside a word when no space is near the end rather than losing most of the text', () => {
    const text = `Hi ${'x'.repeat(100)}`;
    const clamped = clampNotification(text);
    expect(clamped).toBe(`Hi ${'x'.repeat(76)}…`);
    expect(clamped.length).toBe(80);
  });

  it('never splits a surrogate pair at the cut', () => {
    const text = `${'a'.repeat(78)}😀😀😀`;
    const clamped = clampNotification(text);
    expect(clamped).toBe(`${'a'.repeat(78)}…`);
  });

  it('never cuts inside an emoji ZWJ sequence, a flag or a letter with its marks', () => {
    const family = '👩‍👩‍👧'; // 8 UTF-16 units
    expect(clampNotification(`${'a'.repeat(75)}${family}b`)).toBe(`${'a'.repeat(75)}…`);
    expect(clampNotification(`${'a'.repeat(78)}🇫🇷🇫🇷`)).toBe(`${'a'.repeat(78)}…`);
    expect(clampNotification(`${'a'.repeat(78)}o\u0308\u0304 and more`)).toBe(`${'a'.repeat(78)}…`);
  });

  it('respects a custom limit', () => {
    expect(clampNotification('one two three four', 10)).toBe('one two…');
    expect(clampNotification('anything', 1)).toBe('…');
    expect(clampNotification('anything', 0)).toBe('');
  });

  it('fits any text within the limit and never leaves a lone surrogate', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 0, max: 120 }), (text, limit) => {
        const clamped = clampNotification(text, limit);
        expect(clamped.length).toBeLessThanOrEqual(limit);
        expect(clamped).not.toMatch(LONE_SURROGATE);
      }),
      propertyOptions,
    );
  });
});

describe('fitNotification', () => {
  it('keeps the whole sentence when it fits', () => {
    expect(fitNotification`${'Ada'} asks for help in ${'Room 1'}`).toBe(
      'Ada asks for help in Room 1',
    );
  });

  it('shrinks the long name and keeps the fixed words and the short name whole', () => {
    const room = 'The very long room name that somebody typed into the frame title'.repeat(2);
    const text = fitNotification`${'Ada'} asks for help in ${room}`;
    expect(text.length).toBeLessThanOrEqual(80);
    expect(text.startsWith('Ada asks for help in The very long')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
  });

  it('shares the room between two long names so both stay recognisable', () => {
    const name = 'Bartholomew Montgomery-Featherstonehaugh the Third of Wherever';
    const room = 'Brainstorming corner for the quarterly planning of everything';
    const text = fitNotification`${name} asks for help in ${room}`;
    expect(text.length).toBeLessThanOrEqual(80);
    expect(text).toContain(' asks for help in ');
    expect(text.startsWith('Bartholomew')).toBe(true);
    expect(text).toContain('Brainstorming');
  });

  it('cleans values so a name cannot break the toast across lines', () => {
    expect(fitNotification`${'Ada\nLovelace'} joined`).toBe('Ada Lovelace joined');
  });

  it('fits any values within any limit', () => {
    fc.assert(
      fc.property(anyText, anyText, fc.integer({ min: 0, max: 100 }), (a, b, limit) => {
        const text = fitNotificationTo(limit)`${a} asks for help in ${b}`;
        expect(text.length).toBeLessThanOrEqual(limit);
        expect(text).not.toMatch(LONE_SURROGATE);
      }),
      propertyOptions,
    );
  });
});

describe('splitForNotifications', () => {
  it('gives one piece for a short message and none for a blank one', () => {
    expect(splitForNotifications('Five minutes left')).toEqual(['Five minutes left']);
    expect(splitForNotifications('  \n ')).toEqual([]);
  });

  it('splits between words so every piece fits', () => {
    const pieces = splitForNotifications('one two three four five six', 10);
    expect(pieces).toEqual(['one two', 'three four', 'five six']);
  });

  it('cuts a word longer than the limit without splitting a surrogate pair', () => {
    const pieces = splitForNotifications(`ab${'😀'.repeat(5)}`, 5);
    expect(pieces.every((piece) => piece.length <= 5)).toBe(true);
    expect(pieces.join('')).toBe(`ab${'😀'.repeat(5)}`);
    expect(pieces.some((piece) => LONE_SURROGATE.test(piece))).toBe(false);
  });

  it('cuts a word longer than the limit between graphemes', () => {
    const pieces = splitForNotifications('🇯🇵🇯🇵🇯🇵', 5);
    expect(pieces).toEqual(['🇯🇵', '🇯🇵', '🇯🇵']);
    const marks = splitForNotifications('a\u0301b\u0301c\u0301', 5);
    expect(marks).toEqual(['a\u0301b\u0301', 'c\u0301']);
  });

  it('loses no words and keeps every piece within the limit', () => {
    const word = fc.string({ minLength: 1, maxLength: 30 }).filter((w) => !/\s/.test(w));
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 40 }),
        fc.integer({ min: 2, max: 90 }),
        (words, limit) => {
          const text = words.join(' ');
          const pieces = splitForNotifications(text, limit);
          expect(pieces.every((piece) => piece.length <= limit && piece.length > 0)).toBe(true);
          expect(pieces.join('').replace(/\s/g, '')).toBe(
            text.replace(/\s/g, '').replace(/\p{Cc}/gu, ''),
          );
        },
      ),
      propertyOptions,
    );
  });
});

describe('formatRemaining', () => {
  it('shows minutes and seconds under an hour', () => {
    expect(formatRemaining(245_000)).toBe('4:05');
    expect(formatRemaining(59_000)).toBe('0:59');
  });

  it('shows hours when there is an hour or more', () => {
    expect(formatRemaining(3_723_000)).toBe('1:02:03');
    expect(formatRemaining(3_600_000)).toBe('1:00:00');
  });

  it('rounds up, so 0:00 appears only when time is up', () => {
    expect(formatRemaining(1)).toBe('0:01');
    expect(formatRemaining(59_500)).toBe('1:00');
  });

  it('shows 0:00 for no time left or nonsense input', () => {
    expect(formatRemaining(0)).toBe('0:00');
    expect(formatRemaining(-5000)).toBe('0:00');
    expect(formatRemaining(Number.NaN)).toBe('0:00');
  });
});
