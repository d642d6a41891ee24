import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  balancedRoomSizes,
  repeatPairings,
  rotationLowerBound,
} from '../../../src/domain/planning/rotation-metrics';
import { propertyOptions } from '../fixtures';

describe('repeatPairings', () => {
  it('is zero when nobody meets twice', () => {
    expect(
      repeatPairings([
        [
          ['a', 'b'],
          ['c', 'd'],
        ],
        [
          ['a', 'c'],
          ['b', 'd'],
        ],
      ]),
    ).toBe(0);
  });

  it('counts a pair once per extra meeting', () => {
    const round = [['a', 'b'], ['c']];
    expect(repeatPairings([round, round])).toBe(1);
    expect(repeatPairings([round, round, round])).toBe(2);
  });

  it('counts every repeated pair of a room met twice', () => {
    expect(repeatPairings([[['a', 'b', 'c']], [['a', 'b', 'c']]])).toBe(3);
  });

  it('does not count a person listed twice in a room as meeting themselves', () => {
    expect(repeatPairings([[['a', 'a', 'b']]])).toBe(0);
  });
});

describe('rotationLowerBound', () => {
  it('is zero for one round', () => {
    expect(rotationLowerBound([4, 4, 4], 1)).toBe(0);
  });

  it('uses the pigeonhole argument: 12 people in rooms of 4 repeat 3 pairs per extra round', () => {
    expect(rotationLowerBound([4, 4, 4], 2)).toBe(3);
    expect(rotationLowerBound([4, 4, 4], 3)).toBe(6);
  });

  it('uses counting: 4 people in pairs have only 3 rounds of new partners', () => {
    expect(rotationLowerBound([2, 2], 3)).toBe(0);
    expect(rotationLowerBound([2, 2], 4)).toBe(2);
  });

  it('is at least the pairs forced together in every later round', () => {
    expect(rotationLowerBound([5, 5, 5, 5], 3, 4)).toBe(8);
  });

  it('never exceeds the repeats of an actual schedule (the same rooms every round)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 6 }),
        (sizes, rounds) => {
          let next = 0;
          const round = sizes.map((size) => Array.from({ length: size }, () => `p${next++}`));
          const schedule = Array.from({ length: rounds }, () => round);
          expect(rotationLowerBound(sizes, rounds)).toBeLessThanOrEqual(repeatPairings(schedule));
        },
      ),
      propertyOptions,
    );
  });
});

describe('balancedRoomSizes', () => {
  it('puts the extra people in the first rooms', () => {
    expect(balancedRoomSizes(7, 3)).toEqual([3, 2, 2]);
    expect(balancedRoomSizes(2, 4)).toEqual([1, 1, 0, 0]);
    expect(balancedRoomSizes(5, 0)).toEqual([]);
  });
});
