import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom, randomIndex, shuffle } from '../../src/domain/random';
import { propertyOptions } from './fixtures';

describe('createRandom', () => {
  it('gives the same sequence for the same seed, so a split can be replayed', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
  });

  it('accepts a text seed such as a run id', () => {
    const a = createRandom('run-42');
    const b = createRandom('run-42');
    const c = createRandom('run-43');
    const first = a();
    expect(b()).toBe(first);
    expect(c()).not.toBe(first);
  });

  it('stays within [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const random = createRandom(seed);
        for (let i = 0; i < 50; i++) {
          const value = random();
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThan(1);
        }
      }),
      propertyOptions,
    );
  });
});

describe('randomIndex', () => {
  it('stays in range even for a Random that returns 1', () => {
    expect(randomIndex(() => 1, 3)).toBe(2);
    expect(randomIndex(() => 0, 3)).toBe(0);
  });
});

describe('shuffle', () => {
  it('returns a new array with the same items and leaves the input alone', () => {
    const items = Object.freeze([1, 2, 3, 4, 5]);
    const shuffled = shuffle(items, createRandom(1));
    expect(shuffled).not.toBe(items);
    expect([...shuffled].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('is a permutation for any input and seed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer(), (items, seed) => {
        const shuffled = shuffle(items, createRandom(seed));
        expect([...shuffled].sort()).toEqual([...items].sort());
      }),
      propertyOptions,
    );
  });

  it('reaches every order of three items', () => {
    const random = createRandom(99);
    const orders = new Set<string>();
    for (let i = 0; i < 200; i++) orders.add(shuffle(['a', 'b', 'c'], random).join(''));
    expect(orders.size).toBe(6);
  });
});
