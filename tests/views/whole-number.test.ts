import { describe, expect, it } from 'vitest';
import { wholeNumberIn } from '../../src/views/shared/WholeNumberInput';

describe('wholeNumberIn', () => {
  it('reads a whole number typed within its bounds, both bounds included', () => {
    expect(wholeNumberIn('4', 1, 50)).toBe(4);
    expect(wholeNumberIn(' 1 ', 1, 50)).toBe(1);
    expect(wholeNumberIn('50', 1, 50)).toBe(50);
    expect(wholeNumberIn('7000', 1)).toBe(7000);
  });

  it('refuses an empty field, a fraction, words and numbers out of bounds', () => {
    for (const text of ['', '  ', '2.5', 'four', '0', '51', '-3']) {
      expect(wholeNumberIn(text, 1, 50)).toBeNull();
    }
  });
});
