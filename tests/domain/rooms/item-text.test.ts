import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentOf, plainTextOf } from '../../../src/domain/rooms/item-text';
import { propertyOptions } from '../fixtures';

describe('item text: board content is untrusted markup, read and written as text', () => {
  it('reads the words a person sees: paragraphs as lines, tags dropped, entities decoded', () => {
    expect(plainTextOf('<p>Risks</p><p>Costs &amp; <strong>time</strong></p>')).toBe(
      'Risks\nCosts & time',
    );
    expect(plainTextOf('one<br>two<br/>three')).toBe('one\ntwo\nthree');
    expect(plainTextOf('&lt;script&gt;alert(1)&lt;/script&gt; &#128075; &#x41;')).toBe(
      '<script>alert(1)</script> 👋 A',
    );
    expect(plainTextOf('<img src=x onerror=alert(1)>Hi')).toBe('Hi');
    expect(plainTextOf('&bogus; &#xD800;')).toBe('&bogus; &#xD800;');
    expect(plainTextOf(undefined)).toBe('');
    expect(plainTextOf(42)).toBe('');
  });

  it('writes markup that shows exactly the text: every special character escaped, one paragraph a line', () => {
    expect(contentOf('a <b> & "c"\nd')).toBe('<p>a &lt;b&gt; &amp; &quot;c&quot;</p><p>d</p>');
    expect(contentOf('')).toBe('');
  });

  it('a copy reads back as the text it was made from, whatever the text', () => {
    const line = fc.string({ unit: 'grapheme' }).map((s) => s.replace(/\s+/g, ' ').trim());
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), (lines) => {
        const text = lines.filter((l) => l !== '').join('\n');
        expect(plainTextOf(contentOf(text))).toBe(text);
      }),
      propertyOptions,
    );
  });
});
