/**
 * Rotation rounds: several breakouts in a row with new groups each time, so people meet as many
 * different people as the room sizes allow. Every round is balanced (room sizes differ by at most
 * one, or exactly the sizes asked for), keep-apart pairs never share a room, keep-together groups
 * share one whenever a room is large enough, and repeated pairings are kept near the lower bound
 * that no schedule can beat.
 */

import { createRandom, type Random } from '../random';
import {
  type ConstraintProblem,
  isConstraintProblem,
  type PersonPair,
  readConstraints,
} from './rotation-constraints';
import { balancedRoomSizes, repeatPairings, rotationLowerBound } from './rotation-metrics';
import { searchRotation } from './rotation-search';

export type { PersonPair } from './rotation-constraints';
export { balancedRoomSizes, repeatPairings, rotationLowerBound } from './rotation-metrics';

/** Beyond this a rotation is a typo, and the pair matrices would only grow for nothing. */
export const MAX_ROTATION_ROUNDS = 50;
/** The plan cannot hold more people (limits.ts MAX_PEOPLE). */
export const MAX_ROTATION_PEOPLE = 2000;

type RotationShape =
  | { roomCount: number; roomSizes?: never }
  | { roomSizes: readonly number[]; roomCount?: never };

export type RotationRequest = RotationShape & {
  people: readonly string[];
  rounds: number;
  random: Random;
  keepApart?: readonly PersonPair[];
  keepTogether?: readonly (readonly string[])[];
  /** Multiplies the search effort; 1 keeps 100 people × 5 rounds well under a second. */
  effort?: number;
};

export type RotationPlan = {
  status: 'ok';
  /** round → room → person ids, rooms in the order of `roomSizes` (or balanced sizes). */
  rounds: string[][][];
  repeatPairs: number;
  /** No schedule with these sizes and constraints can have fewer repeats. */
  lowerBound: number;
  /** Keep-together groups larger than the largest room: kept in as few rooms as possible. */
  splitGroups: string[][];
};

export type RotationProblem = {
  status: 'impossible';
  reason:
    | 'no-rooms'
    | 'room-sizes-mismatch'
    | 'too-many-rounds'
    | 'too-many-people'
    | ConstraintProblem['reason'];
  message: string;
  /** The keep-apart pairs involved, when the problem is about them. */
  pairs: [string, string][];
};

export type RotationResult = RotationPlan | RotationProblem;

const problem = (
  reason: RotationProblem['reason'],
  message: string,
  pairs: [string, string][] = [],
): RotationProblem => ({ status: 'impossible', reason, message, pairs });

function roomSizesFor(request: RotationRequest, people: number): number[] | RotationProblem {
  if (request.roomSizes === undefined) {
    const count = request.roomCount;
    if (!Number.isInteger(count) || count < 1) {
      return problem('no-rooms', 'Choose at least one room.');
    }
    return balancedRoomSizes(people, count);
  }
  const sizes = request.roomSizes;
  if (sizes.length === 0) return problem('no-rooms', 'Choose at least one room.');
  if (sizes.some((size) => !Number.isInteger(size) || size < 0)) {
    return problem('room-sizes-mismatch', 'Room sizes must be whole numbers of people.');
  }
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total !== people) {
    return problem(
      'room-sizes-mismatch',
      `The room sizes add up to ${total} but there are ${people} people.`,
    );
  }
  return sizes.slice();
}

const pairsIn = (size: number) => (size * (size - 1)) / 2;

export function planRotation(request: RotationRequest): RotationResult {
  const people = Array.from(new Set(request.people));
  const roundCount = Math.max(0, Math.floor(request.rounds));
  if (roundCount > MAX_ROTATION_ROUNDS) {
    return problem('too-many-rounds', `Plan at most ${MAX_ROTATION_ROUNDS} rounds.`);
  }
  if (people.length > MAX_ROTATION_PEOPLE) {
    return problem('too-many-people', `A rotation can hold at most ${MAX_ROTATION_PEOPLE} people.`);
  }
  const sizes = roomSizesFor(request, people.length);
  if (!Array.isArray(sizes)) return sizes;

  const constraints = readConstraints(
    people,
    request.keepApart ?? [],
    request.keepTogether ?? [],
    Math.max(...sizes),
    sizes.filter((size) => size > 0).length,
  );
  if (isConstraintProblem(constraints)) {
    return problem(constraints.reason, constraints.message, constraints.pairs);
  }

  const forcedPairs = constraints.together.reduce((sum, block) => sum + pairsIn(block.length), 0);
  const lowerBound = rotationLowerBound(sizes, roundCount, forcedPairs);
  const effort = Math.max(0, request.effort ?? 1);
  const indexRounds = searchRotation({
    people: people.length,
    sizes,
    rounds: roundCount,
    apart: constraints.apart,
    together: constraints.together,
    random: request.random,
    swapsPerRound: Math.round(effort * (8000 + 600 * people.length)),
    passes: Math.ceil(effort * 6),
    target: lowerBound,
  });
  const rounds = indexRounds.map((roomOf) => {
    const rooms: string[][] = sizes.map(() => []);
    roomOf.forEach((room, person) => {
      rooms[room]?.push(people[person] as string);
    });
    return rooms;
  });

  const broken = constraints.apart.filter(([p, q]) =>
    indexRounds.some((roomOf) => roomOf[p] === roomOf[q]),
  );
  if (broken.length > 0) {
    const pairs = broken.map(([p, q]): [string, string] => [
      people[p] as string,
      people[q] as string,
    ]);
    return problem(
      'keep-apart-unsatisfiable',
      `No rooms were found that keep ${pairs.length === 1 ? 'this pair' : 'these pairs'} apart: ${pairs
        .map(([a, b]) => `${a} and ${b}`)
        .join('; ')}. Add rooms or drop a keep-apart rule.`,
      pairs,
    );
  }
  return {
    status: 'ok',
    rounds,
    repeatPairs: repeatPairings(rounds),
    lowerBound,
    splitGroups: constraints.splitGroups,
  };
}

/** For the benchmark: repeats and their lower bound for `people` people p1…pn. */
export function rotationQuality(
  people: number,
  rooms: number,
  rounds: number,
  seed: number,
): { repeatPairs: number; lowerBound: number } {
  const result = planRotation({
    people: Array.from({ length: people }, (_, index) => `p${index + 1}`),
    roomCount: rooms,
    rounds,
    random: createRandom(seed),
  });
  if (result.status !== 'ok') throw new Error(result.message);
  return { repeatPairs: result.repeatPairs, lowerBound: result.lowerBound };
}
