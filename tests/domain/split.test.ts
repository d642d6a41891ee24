import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/domain/random';
import { assignBalanced, fillBalanced } from '../../src/domain/split';
import { propertyOptions } from './fixtures';

const ids = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, index) => `${prefix}${index + 1}`);

function roomSizes(assignment: ReadonlyMap<string, string>, roomIds: readonly string[]) {
  const sizes = new Map(roomIds.map((roomId) => [roomId, 0]));
  for (const roomId of assignment.values()) sizes.set(roomId, (sizes.get(roomId) ?? 0) + 1);
  return [...sizes.values()];
}

const spread = (sizes: number[]) => Math.max(...sizes) - Math.min(...sizes);

const peopleArb = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 60 });
const roomsArb = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 12 });

describe('assignBalanced', () => {
  it('places the 7th of 7 people in 3 rooms (D10 regression)', () => {
    const assignment = assignBalanced(ids('p', 7), ids('r', 3), createRandom(1));
    expect(assignment.size).toBe(7);
    expect(roomSizes(assignment, ids('r', 3)).sort()).toEqual([2, 2, 3]);
  });

  it('does not throw for 2 people and 5 rooms and leaves three rooms empty (D10 regression)', () => {
    const assignment = assignBalanced(['p1', 'p2'], ids('r', 5), createRandom(1));
    expect(assignment.size).toBe(2);
    expect(roomSizes(assignment, ids('r', 5)).sort()).toEqual([0, 0, 0, 1, 1]);
  });

  it('leaves everyone unassigned when there are no rooms, without throwing', () => {
    expect(assignBalanced(['p1', 'p2'], [], createRandom(1)).size).toBe(0);
  });

  it('places a person listed twice only once', () => {
    const assignment = assignBalanced(['p1', 'p1', 'p2'], ['r1', 'r2'], createRandom(3));
    expect([...assignment.keys()].sort()).toEqual(['p1', 'p2']);
  });

  it('varies which room gets the extra person', () => {
    const extraRooms = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const assignment = assignBalanced(ids('p', 4), ids('r', 3), createRandom(seed));
      const sizes = ids('r', 3).map(
        (roomId) => [...assignment.values()].filter((r) => r === roomId).length,
      );
      extraRooms.add(`r${sizes.indexOf(2) + 1}`);
    }
    expect(extraRooms.size).toBe(3);
  });

  it('places everyone exactly once, in the given rooms, with sizes differing by at most one', () => {
    fc.assert(
      fc.property(peopleArb, roomsArb, fc.integer(), (people, rooms, seed) => {
        const assignment = assignBalanced(people, rooms, createRandom(seed));
        if (rooms.length === 0) {
          expect(assignment.size).toBe(0);
          return;
        }
        expect([...assignment.keys()].sort()).toEqual([...people].sort());
        for (const roomId of assignment.values()) expect(rooms).toContain(roomId);
        expect(spread(roomSizes(assignment, rooms))).toBeLessThanOrEqual(1);
      }),
      propertyOptions,
    );
  });

  it('leaves rooms empty, never overfilling any, when rooms outnumber people', () => {
    fc.assert(
      fc.property(peopleArb, roomsArb, fc.integer(), (people, rooms, seed) => {
        fc.pre(rooms.length > people.length);
        const sizes = roomSizes(assignBalanced(people, rooms, createRandom(seed)), rooms);
        expect(Math.max(...sizes)).toBeLessThanOrEqual(1);
        expect(sizes.filter((size) => size === 0).length).toBe(rooms.length - people.length);
      }),
      propertyOptions,
    );
  });

  it('gives the same split for the same seed', () => {
    fc.assert(
      fc.property(peopleArb, roomsArb, fc.integer(), (people, rooms, seed) => {
        const first = assignBalanced(people, rooms, createRandom(seed));
        const second = assignBalanced(people, rooms, createRandom(seed));
        expect([...first.entries()]).toEqual([...second.entries()]);
      }),
      propertyOptions,
    );
  });
});

describe('fillBalanced', () => {
  it('puts late joiners into the smallest rooms and moves nobody', () => {
    const existing = new Map([
      ['a', 'r1'],
      ['b', 'r1'],
      ['c', 'r2'],
    ]);
    const placements = fillBalanced(existing, ['x', 'y'], ['r1', 'r2', 'r3'], createRandom(5));
    expect(placements.get('x')).not.toBe('r1');
    expect(placements.get('y')).not.toBe('r1');
    expect(new Set(placements.values())).toEqual(new Set(['r2', 'r3']));
    expect(placements.has('a')).toBe(false);
  });

  it('skips people who are already placed in one of the rooms', () => {
    const placements = fillBalanced(
      new Map([['a', 'r1']]),
      ['a', 'b'],
      ['r1', 'r2'],
      createRandom(1),
    );
    expect([...placements.entries()]).toEqual([['b', 'r2']]);
  });

  it('places people whose room is no longer among the rooms', () => {
    const placements = fillBalanced(new Map([['a', 'gone']]), ['a'], ['r1'], createRandom(1));
    expect(placements.get('a')).toBe('r1');
  });

  it('returns no placements when there are no rooms', () => {
    expect(fillBalanced(new Map(), ['a'], [], createRandom(1)).size).toBe(0);
  });

  const existingArb = fc
    .tuple(peopleArb, roomsArb, fc.integer())
    .map(([people, rooms, seed]) => ({ people, rooms, seed }));

  it('places each unplaced person once, into the rooms given, keeping a balanced split balanced', () => {
    fc.assert(
      fc.property(
        existingArb,
        fc.uniqueArray(fc.string({ minLength: 7, maxLength: 9 }), { maxLength: 30 }),
        ({ people, rooms, seed }, newcomers) => {
          const random = createRandom(seed);
          const existing = assignBalanced(people, rooms, random);
          const placements = fillBalanced(existing, newcomers, rooms, random);
          if (rooms.length === 0) {
            expect(placements.size).toBe(0);
            return;
          }
          expect([...placements.keys()].sort()).toEqual([...newcomers].sort());
          for (const roomId of placements.values()) expect(rooms).toContain(roomId);
          const all = new Map([...existing, ...placements]);
          expect(spread(roomSizes(all, rooms))).toBeLessThanOrEqual(1);
        },
      ),
      propertyOptions,
    );
  });

  it('never widens the gap between the fullest and emptiest room beyond what it was (or one)', () => {
    const unbalancedArb = fc.array(
      fc.tuple(fc.string({ minLength: 1, maxLength: 4 }), fc.constantFrom('r1', 'r2', 'r3', 'r4')),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(unbalancedArb, fc.nat({ max: 40 }), fc.integer(), (pairs, count, seed) => {
        const rooms = ['r1', 'r2', 'r3', 'r4'];
        const existing = new Map(pairs);
        const newcomers = ids('new', count);
        const before = spread(roomSizes(existing, rooms));
        const placements = fillBalanced(existing, newcomers, rooms, createRandom(seed));
        const after = spread(roomSizes(new Map([...existing, ...placements]), rooms));
        expect(after).toBeLessThanOrEqual(Math.max(before, 1));
      }),
      propertyOptions,
    );
  });
});
