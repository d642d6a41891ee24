import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  planRotation,
  type RotationPlan,
  type RotationResult,
  rotationQuality,
} from '../../../src/domain/planning/rotation';
import { createRandom } from '../../../src/domain/random';
import { propertyOptions } from '../fixtures';

const ids = (count: number) => Array.from({ length: count }, (_, index) => `p${index + 1}`);

function ok(result: RotationResult): RotationPlan {
  if (result.status !== 'ok') throw new Error(`expected a plan, got: ${result.message}`);
  return result;
}

const sizesOf = (round: readonly string[][]) => round.map((room) => room.length);
const spread = (sizes: number[]) => Math.max(...sizes) - Math.min(...sizes);
const together = (round: readonly string[][], a: string, b: string) =>
  round.some((room) => room.includes(a) && room.includes(b));

describe('planRotation: zero repeats whenever a perfect schedule is known to exist', () => {
  it.each([
    // n people, rooms, rounds: each a resolvable design (K4, K6, K8 one-factorisations, the
    // 3×3 and 4×4 affine planes, rows/columns/diagonals of a 10×10 grid).
    [4, 2, 3],
    [6, 3, 5],
    [8, 4, 7],
    [9, 3, 4],
    [16, 4, 3],
    [30, 6, 3],
    [100, 10, 3],
  ])('%i people in %i rooms for %i rounds never meet twice', (people, rooms, rounds) => {
    const plan = ok(
      planRotation({ people: ids(people), roomCount: rooms, rounds, random: createRandom(1) }),
    );
    expect(plan.lowerBound).toBe(0);
    expect(plan.repeatPairs).toBe(0);
  });
});

describe('planRotation: shape of every round', () => {
  it('places 7 people in 3 rooms as 3, 2, 2 in every round', () => {
    const plan = ok(
      planRotation({ people: ids(7), roomCount: 3, rounds: 4, random: createRandom(3) }),
    );
    expect(plan.rounds).toHaveLength(4);
    for (const round of plan.rounds) expect(sizesOf(round)).toEqual([3, 2, 2]);
  });

  it('uses the exact room sizes asked for', () => {
    const plan = ok(
      planRotation({ people: ids(10), roomSizes: [5, 3, 2], rounds: 3, random: createRandom(2) }),
    );
    for (const round of plan.rounds) expect(sizesOf(round)).toEqual([5, 3, 2]);
  });

  it('places a person listed twice once per round', () => {
    const plan = ok(
      planRotation({
        people: ['a', 'b', 'a', 'c'],
        roomCount: 2,
        rounds: 2,
        random: createRandom(1),
      }),
    );
    for (const round of plan.rounds) expect(round.flat().sort()).toEqual(['a', 'b', 'c']);
  });

  it('returns no rounds for zero rounds and empty rooms for nobody', () => {
    expect(
      ok(planRotation({ people: ids(5), roomCount: 2, rounds: 0, random: createRandom(1) })).rounds,
    ).toEqual([]);
    expect(
      ok(planRotation({ people: [], roomCount: 2, rounds: 2, random: createRandom(1) })).rounds,
    ).toEqual([
      [[], []],
      [[], []],
    ]);
  });

  it('gives the same schedule for the same seed', () => {
    const make = () =>
      planRotation({ people: ids(20), roomCount: 4, rounds: 3, random: createRandom(9) });
    expect(make()).toEqual(make());
  });

  it('places everyone exactly once per round in balanced rooms, with repeats never below the bound', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer(),
        (people, rooms, rounds, seed) => {
          const plan = ok(
            planRotation({
              people: ids(people),
              roomCount: rooms,
              rounds,
              random: createRandom(seed),
            }),
          );
          expect(plan.rounds).toHaveLength(rounds);
          for (const round of plan.rounds) {
            expect(round).toHaveLength(rooms);
            expect(round.flat().sort()).toEqual(ids(people).sort());
            expect(spread(sizesOf(round))).toBeLessThanOrEqual(1);
          }
          expect(plan.repeatPairs).toBeGreaterThanOrEqual(plan.lowerBound);
        },
      ),
      { ...propertyOptions, numRuns: 80 },
    );
  });
});

describe('planRotation: quality reported against the best possible', () => {
  it('reaches the pigeonhole bound for 12 people in 3 rooms over 3 rounds', () => {
    // Four people drawn from three earlier rooms always bring two old partners together.
    expect(rotationQuality(12, 3, 3, 1)).toEqual({ repeatPairs: 6, lowerBound: 6 });
  });

  it('reaches the counting bound when there are more rounds than fresh partners', () => {
    // 4 people, 2 rooms of 2: only 3 rounds of new partners exist, so rounds 4 and 5 repeat.
    expect(rotationQuality(4, 2, 5, 1)).toEqual({ repeatPairs: 4, lowerBound: 4 });
  });
});

describe('planRotation: keep apart', () => {
  // Edges of the path p1–p2–…–p12: any subset can be kept apart in 2 to 5 balanced rooms
  // (number the path's people round the rooms), so a failure here is the search's fault.
  const pathEdges = ids(11).map((id, index): [string, string] => [id, `p${index + 2}`]);

  it('never puts a keep-apart pair in the same room', () => {
    fc.assert(
      fc.property(
        fc.subarray(pathEdges),
        fc.integer({ min: 2, max: 5 }),
        fc.integer(),
        (keepApart, rooms, seed) => {
          const plan = ok(
            planRotation({
              people: ids(12),
              roomCount: rooms,
              rounds: 3,
              random: createRandom(seed),
              keepApart,
            }),
          );
          for (const round of plan.rounds) {
            for (const [a, b] of keepApart) expect(together(round, a, b)).toBe(false);
          }
        },
      ),
      { ...propertyOptions, numRuns: 60 },
    );
  });

  it('reports three people who must all be apart in two rooms as impossible, naming the pairs', () => {
    const result = planRotation({
      people: ids(6),
      roomCount: 2,
      rounds: 2,
      random: createRandom(1),
      keepApart: [
        ['p1', 'p2'],
        ['p2', 'p3'],
        ['p1', 'p3'],
      ],
    });
    expect(result.status).toBe('impossible');
    if (result.status !== 'impossible') return;
    expect(result.reason).toBe('keep-apart-unsatisfiable');
    expect(result.pairs.length).toBeGreaterThan(0);
    expect(result.message).toMatch(/apart/);
  });

  it('reports a keep-apart pair with only one room', () => {
    const result = planRotation({
      people: ids(4),
      roomCount: 1,
      rounds: 1,
      random: createRandom(1),
      keepApart: [['p1', 'p2']],
    });
    expect(result).toMatchObject({ status: 'impossible', reason: 'keep-apart-unsatisfiable' });
  });

  it('reports a person kept apart from themselves', () => {
    const result = planRotation({
      people: ids(4),
      roomCount: 2,
      rounds: 1,
      random: createRandom(1),
      keepApart: [['p1', 'p1']],
    });
    expect(result).toMatchObject({ status: 'impossible', reason: 'apart-from-self' });
  });

  it('reports a pair that is both kept apart and kept together', () => {
    const result = planRotation({
      people: ids(6),
      roomCount: 2,
      rounds: 1,
      random: createRandom(1),
      keepApart: [['p1', 'p3']],
      keepTogether: [
        ['p1', 'p2'],
        ['p2', 'p3'],
      ],
    });
    expect(result).toMatchObject({
      status: 'impossible',
      reason: 'apart-and-together',
      pairs: [['p1', 'p3']],
    });
  });

  it('ignores rules about people who are not in the rotation', () => {
    const result = planRotation({
      people: ids(4),
      roomCount: 2,
      rounds: 2,
      random: createRandom(1),
      keepApart: [['p1', 'gone']],
    });
    expect(result.status).toBe('ok');
  });
});

describe('planRotation: keep together', () => {
  it('keeps each group in one room in every round while rooms stay balanced', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const groups = [
          ['p1', 'p2', 'p3'],
          ['p4', 'p5'],
          ['p6', 'p7'],
        ];
        const plan = ok(
          planRotation({
            people: ids(15),
            roomCount: 3,
            rounds: 4,
            random: createRandom(seed),
            keepTogether: groups,
          }),
        );
        for (const round of plan.rounds) {
          expect(spread(sizesOf(round))).toBeLessThanOrEqual(1);
          for (const group of groups) {
            expect(round.some((room) => group.every((id) => room.includes(id)))).toBe(true);
          }
        }
        expect(plan.splitGroups).toEqual([]);
      }),
      { ...propertyOptions, numRuns: 25 },
    );
  });

  it('counts the pairs a group must repeat in the lower bound', () => {
    const plan = ok(
      planRotation({
        people: ids(12),
        roomCount: 4,
        rounds: 3,
        random: createRandom(1),
        keepTogether: [['p1', 'p2']],
      }),
    );
    expect(plan.lowerBound).toBeGreaterThanOrEqual(2);
    expect(plan.repeatPairs).toBeGreaterThanOrEqual(2);
  });

  it('splits a group larger than any room and says so', () => {
    const group = ['p1', 'p2', 'p3', 'p4', 'p5'];
    const plan = ok(
      planRotation({
        people: ids(8),
        roomCount: 2,
        rounds: 1,
        random: createRandom(1),
        keepTogether: [group],
      }),
    );
    expect(plan.splitGroups).toEqual([group]);
    expect(sizesOf(plan.rounds[0] ?? [])).toEqual([4, 4]);
  });
});

describe('planRotation: clear problems instead of throwing', () => {
  it.each([
    ['no rooms', { roomCount: 0 }, 'no-rooms'],
    ['sizes that do not add up', { roomSizes: [2, 2] }, 'room-sizes-mismatch'],
    ['fractional sizes', { roomSizes: [2.5, 2.5] }, 'room-sizes-mismatch'],
  ] as const)('reports %s', (_, shape, reason) => {
    const result = planRotation({ people: ids(5), rounds: 1, random: createRandom(1), ...shape });
    expect(result).toMatchObject({ status: 'impossible', reason });
  });

  it('reports too many rounds', () => {
    expect(
      planRotation({ people: ids(5), roomCount: 2, rounds: 51, random: createRandom(1) }),
    ).toMatchObject({
      status: 'impossible',
      reason: 'too-many-rounds',
    });
  });

  it('says how the sizes and the people differ', () => {
    const result = planRotation({
      people: ids(5),
      roomSizes: [2, 2],
      rounds: 1,
      random: createRandom(1),
    });
    expect(result.status === 'impossible' && result.message).toBe(
      'The room sizes add up to 4 but there are 5 people.',
    );
  });
});
