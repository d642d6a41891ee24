/**
 * How good a rotation is, and how good it could possibly be. Kept apart from the search so the
 * benchmark and the tests judge the search with numbers it did not compute itself.
 */

/** A schedule: round → room → person ids. */
export type RotationRounds = readonly (readonly (readonly string[])[])[];

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/**
 * Repeated pairings: every meeting of two people after their first one counts once, so a pair
 * together in three rounds counts 2. A person listed twice in one room meets nobody twice.
 */
export function repeatPairings(rounds: RotationRounds): number {
  const meetings = new Map<string, number>();
  let repeats = 0;
  for (const round of rounds) {
    for (const room of round) {
      const members = Array.from(new Set(room));
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          const key = pairKey(members[i] as string, members[j] as string);
          const seen = meetings.get(key) ?? 0;
          if (seen > 0) repeats++;
          meetings.set(key, seen + 1);
        }
      }
    }
  }
  return repeats;
}

const pairsIn = (size: number) => (size * (size - 1)) / 2;

/** Fewest pairs a room of `size` people must share with a round of `rooms` rooms: even spread. */
function pigeonholePairs(size: number, rooms: number): number {
  const share = Math.floor(size / rooms);
  const extra = size % rooms;
  return extra * pairsIn(share + 1) + (rooms - extra) * pairsIn(share);
}

/**
 * A lower bound on repeated pairings for any schedule with these room sizes every round. It is the
 * best of three arguments, each valid on its own:
 *
 * - Counting: the rounds hold K·Σ C(s,2) pair meetings but only C(n,2) distinct pairs exist.
 * - Per person: everyone meets at least K·(smallest room − 1) people and only n − 1 exist; each
 *   extra meeting is seen by both people in it, hence the halving.
 * - Pigeonhole (social-golfer style): repeats = Σ over rounds t ≥ 2 of pairs in round t that met
 *   earlier. A room of s people drawn from the g rooms of round 1 holds at least the pairs of an
 *   even spread of s over g, so every later round repeats at least that many pairs.
 *
 * `forcedPairs` is the number of pairs kept together by constraint: they repeat every round.
 */
export function rotationLowerBound(
  roomSizes: readonly number[],
  rounds: number,
  forcedPairs = 0,
): number {
  const sizes = roomSizes.filter((size) => size > 0);
  const people = sizes.reduce((sum, size) => sum + size, 0);
  if (rounds < 2 || sizes.length === 0) return 0;
  const meetingsPerRound = sizes.reduce((sum, size) => sum + pairsIn(size), 0);
  const counting = rounds * meetingsPerRound - pairsIn(people);
  const smallest = Math.min(...sizes);
  const perPerson = Math.ceil((people * (rounds * (smallest - 1) - (people - 1))) / 2);
  const perRound = sizes.reduce((sum, size) => sum + pigeonholePairs(size, sizes.length), 0);
  const pigeonhole = (rounds - 1) * perRound;
  const forced = (rounds - 1) * forcedPairs;
  return Math.max(0, counting, perPerson, pigeonhole, forced);
}

/** Sizes of `rooms` rooms holding `people`, differing by at most one, larger rooms first. */
export function balancedRoomSizes(people: number, rooms: number): number[] {
  if (rooms <= 0) return [];
  const base = Math.floor(people / rooms);
  const extra = people % rooms;
  return Array.from({ length: rooms }, (_, index) => base + (index < extra ? 1 : 0));
}
