/**
 * Text of board items. Sticky notes, text, shapes and cards hold HTML (`<p>…</p>`, miro-sdk.md
 * 2.10a), written by whoever edits the board: untrusted markup. The app reads it as plain text,
 * shows that text as text, and writes copies from that text, never from the markup.
 */

const BREAKS = /<br\s*\/?>|<\/(?:p|div|li|h[1-6])\s*>/gi;
const TAGS = /<[^>]*>?/g;
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};
const ENTITY = /&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi;

const decode = (entity: string): string | null => {
  if (entity.startsWith('#')) {
    const hex = entity[1] === 'x' || entity[1] === 'X';
    const code = Number.parseInt(entity.slice(hex ? 2 : 1), hex ? 16 : 10);
    const valid = Number.isInteger(code) && code > 0 && code <= 0x10ffff;
    const surrogate = code >= 0xd800 && code <= 0xdfff;
    return valid && !surrogate ? String.fromCodePoint(code) : null;
  }
  return ENTITIES[entity.toLowerCase()] ?? null;
};

/** The text a person reads in an item: tags dropped, entities decoded, one line per paragraph. */
export function plainTextOf(markup: unknown): string {
  if (typeof markup !== 'string') return '';
  return markup
    .replace(BREAKS, '\n')
    .replace(TAGS, '')
    .replace(ENTITY, (whole, entity: string) => decode(entity) ?? whole)
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Markup that shows exactly `text`: each line a paragraph, every special character escaped. */
export function contentOf(text: string): string {
  if (text === '') return '';
  return text
    .split('\n')
    .map((line) => `<p>${line.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char)}</p>`)
    .join('');
}
