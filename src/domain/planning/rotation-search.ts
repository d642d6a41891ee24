/**
 * The search behind rotation rounds, over person indices. Each round is built greedily (blocks
 * of people kept together first, everyone into the room where they meet the fewest old
 * partners), then improved by swapping two people between rooms. Swaps keep every room's size,
 * so balance holds by construction; the cost decides only who goes where.
 *
 * Cost of a round = Σ over pairs sharing a room of the pair's weight, where the weight is large
 * for a keep-apart pair, very negative for a keep-together pair, and for everyone else a repeat
 * price when they met in another round. Later passes re-optimise each round against all the
 * others, so early rounds are not stuck with choices made before later rounds existed.
 */

import { type Random, randomIndex, shuffle } from '../random';

/** Dominates any sum of repeat prices (≤ 2000 people × REPEAT_CEILING), so apart always wins. */
const APART = 1e9;
/** Dominates repeat prices too, but never an apart pair: keeping apart is the hard rule. */
const TOGETHER = 1e7;
/**
 * Meeting an old partner again costs REPEAT plus how often they already met. The small extra
 * spreads unavoidable repeats over different pairs, and REPEAT is large enough that one repeat of
 * a well-worn pair still costs less than two fresh repeats (rounds are capped at 50).
 */
const REPEAT = 64;
/** How often a swap that changes nothing is taken anyway, to wander across plateaus. */
const SIDEWAYS = 0.3;
/** How often the best swap is taken even when it makes things worse, to leave a local minimum. */
const NOISE = 0.02;

export type SearchInput = {
  people: number;
  sizes: readonly number[];
  rounds: number;
  apart: readonly (readonly [number, number])[];
  together: readonly (readonly number[])[];
  random: Random;
  swapsPerRound: number;
  passes: number;
  /** Stop early once repeats reach this: nothing better exists. */
  target: number;
};

type Space = {
  n: number;
  g: number;
  /** Rule weights by pair index p·n + q. Sparse: rules are few, people up to 2000. */
  rules: Map<number, number>;
  /** Whether a person is in any rule, so most weight lookups skip the map. */
  ruled: Uint8Array;
  /** Meetings of each pair in the rounds other than the one being searched (≤ 50 rounds). */
  meetings: Uint8Array;
};

const weight = (space: Space, p: number, q: number) => {
  const at = p * space.n + q;
  const met = space.meetings[at] as number;
  const repeat = met === 0 ? 0 : REPEAT + met;
  return space.ruled[p] === 1 && space.ruled[q] === 1
    ? repeat + (space.rules.get(at) ?? 0)
    : repeat;
};

/** `array[index] += value` for typed arrays, which strict index checks do not allow directly. */
const addAt = (array: Float64Array | Uint8Array, index: number, value: number) => {
  array[index] = (array[index] as number) + value;
};

function membersByRoom(roomOf: Int32Array, g: number): number[][] {
  const rooms: number[][] = Array.from({ length: g }, () => []);
  roomOf.forEach((room, person) => {
    rooms[room]?.push(person);
  });
  return rooms;
}

function countMeetings(space: Space, roomOf: Int32Array, change: 1 | -1): void {
  for (const members of membersByRoom(roomOf, space.g)) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const p = members[i] as number;
        const q = members[j] as number;
        addAt(space.meetings, p * space.n + q, change);
        addAt(space.meetings, q * space.n + p, change);
      }
    }
  }
}

/** sums[p·g + r] = Σ weight(p, x) over the people x in room r other than p. */
function roomSums(space: Space, roomOf: Int32Array): Float64Array {
  const sums = new Float64Array(space.n * space.g);
  for (let p = 0; p < space.n; p++) {
    for (let x = 0; x < space.n; x++) {
      if (x !== p) addAt(sums, p * space.g + (roomOf[x] as number), weight(space, p, x));
    }
  }
  return sums;
}

/** Greedy first placement of one round; `sums` is filled in as people arrive. */
function buildRound(space: Space, input: SearchInput): Int32Array {
  const { n, g } = space;
  const roomOf = new Int32Array(n).fill(-1);
  const sums = new Float64Array(n * g);
  const free = input.sizes.slice();
  const inBlock = new Set(input.together.flat());
  const singles = Array.from({ length: n }, (_, index) => [index]).filter(
    ([index]) => !inBlock.has(index as number),
  );
  // Largest blocks first, while the rooms still have space for them.
  const units = [...shuffle(input.together, input.random), ...shuffle(singles, input.random)];
  units.sort((a, b) => b.length - a.length);

  const place = (person: number, room: number) => {
    roomOf[person] = room;
    free[room] = (free[room] as number) - 1;
    for (let p = 0; p < n; p++) addAt(sums, p * g + room, weight(space, p, person));
  };
  const bestRoom = (unit: readonly number[]): number => {
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    for (const room of shuffle(
      Array.from({ length: g }, (_, index) => index),
      input.random,
    )) {
      const space = free[room] as number;
      if (space < unit.length) continue;
      const cost = unit.reduce((sum, person) => sum + (sums[person * g + room] as number), 0);
      // Among equal costs the emptiest room, so later blocks still find space.
      if (cost < bestCost || (cost === bestCost && space > (free[best] as number))) {
        best = room;
        bestCost = cost;
      }
    }
    return best;
  };
  for (const unit of units) {
    const room = bestRoom(unit);
    if (room >= 0) {
      for (const person of unit) place(person, room);
      continue;
    }
    // The rooms left cannot take the block whole: place its people one by one.
    for (const person of unit) place(person, bestRoom([person]));
  }
  return roomOf;
}

/**
 * Min-conflicts local search: take someone who meets an old partner (or breaks a rule) in their
 * room, look at every swap with a person in another room, and take the best one unless it makes
 * things worse. Ties are broken at random and equal-cost swaps are taken at times, so the search
 * walks across plateaus instead of cycling. `swapsPerRound` bounds the swaps looked at.
 */
function improveRound(space: Space, roomOf: Int32Array, input: SearchInput): void {
  const { n, g } = space;
  const occupied = input.sizes.filter((size) => size > 0).length;
  if (occupied < 2) return;
  const sums = roomSums(space, roomOf);
  const { random } = input;
  const deltaOf = (a: number, b: number, ra: number, rb: number) => {
    const wab = weight(space, a, b);
    return (
      (sums[a * g + rb] as number) -
      (sums[a * g + ra] as number) +
      (sums[b * g + ra] as number) -
      (sums[b * g + rb] as number) -
      2 * wab
    );
  };
  let budget = input.swapsPerRound;
  let cost = 0;
  let bestCost = 0;
  const bestRoomOf = roomOf.slice();
  while (budget > 0) {
    let a = randomIndex(random, n);
    // Prefer someone in conflict; a few tries keep this cheap when conflicts are rare.
    for (
      let tries = 0;
      tries < 8 && (sums[a * g + (roomOf[a] as number)] as number) <= 0;
      tries++
    ) {
      a = randomIndex(random, n);
    }
    const ra = roomOf[a] as number;
    let best = -1;
    let bestDelta = Number.POSITIVE_INFINITY;
    let ties = 0;
    for (let b = 0; b < n; b++) {
      const rb = roomOf[b] as number;
      if (rb === ra) continue;
      const delta = deltaOf(a, b, ra, rb);
      if (delta < bestDelta) {
        best = b;
        bestDelta = delta;
        ties = 1;
      } else if (delta === bestDelta && randomIndex(random, ++ties) === 0) {
        best = b; // Reservoir sampling: each tied swap equally likely.
      }
    }
    budget -= n;
    if (best < 0) continue;
    const worse = bestDelta > 0;
    if (worse ? random() >= NOISE : bestDelta === 0 && random() >= SIDEWAYS) continue;
    const rb = roomOf[best] as number;
    for (let p = 0; p < n; p++) {
      const change = weight(space, p, best) - weight(space, p, a);
      addAt(sums, p * g + ra, change);
      addAt(sums, p * g + rb, -change);
    }
    roomOf[a] = rb;
    roomOf[best] = ra;
    cost += bestDelta;
    if (cost < bestCost) {
      bestCost = cost;
      bestRoomOf.set(roomOf);
    }
  }
  // Noise may have ended the walk above its best point: return to the best placement seen.
  roomOf.set(bestRoomOf);
}

/** Repeats over the whole schedule: Σ over pairs of max(0, meetings − 1). */
function totalRepeats(space: Space): number {
  let repeats = 0;
  for (let p = 0; p < space.n; p++) {
    for (let q = p + 1; q < space.n; q++) {
      const met = space.meetings[p * space.n + q] as number;
      if (met > 1) repeats += met - 1;
    }
  }
  return repeats;
}

function ruleWeights(input: SearchInput): Pick<Space, 'rules' | 'ruled'> {
  const n = input.people;
  const rules = new Map<number, number>();
  const ruled = new Uint8Array(n);
  const set = (p: number, q: number, value: number) => {
    rules.set(p * n + q, value);
    rules.set(q * n + p, value);
    ruled[p] = 1;
    ruled[q] = 1;
  };
  for (const block of input.together) {
    for (const p of block) for (const q of block) if (p !== q) set(p, q, -TOGETHER);
  }
  for (const [p, q] of input.apart) set(p, q, APART);
  return { rules, ruled };
}

function apartViolations(input: SearchInput, rounds: readonly Int32Array[]): number {
  let violations = 0;
  for (const roomOf of rounds) {
    for (const [p, q] of input.apart) if (roomOf[p] === roomOf[q]) violations++;
  }
  return violations;
}

/** One room index per person, per round. */
export function searchRotation(input: SearchInput): Int32Array[] {
  const n = input.people;
  const space: Space = {
    n,
    g: input.sizes.length,
    ...ruleWeights(input),
    meetings: new Uint8Array(n * n),
  };
  const rounds: Int32Array[] = [];
  for (let round = 0; round < input.rounds; round++) {
    const roomOf = buildRound(space, input);
    improveRound(space, roomOf, input);
    countMeetings(space, roomOf, 1);
    rounds.push(roomOf);
  }
  // Fewer keep-apart violations first, then fewer repeats.
  const score = () => apartViolations(input, rounds) * n * n * input.rounds + totalRepeats(space);
  let best = rounds.map((roomOf) => roomOf.slice());
  let bestScore = score();
  for (let pass = 0; pass < input.passes && bestScore > input.target; pass++) {
    for (const roomOf of rounds) {
      countMeetings(space, roomOf, -1);
      improveRound(space, roomOf, input);
      countMeetings(space, roomOf, 1);
    }
    const current = score();
    // Sideways swaps can drift upwards between passes; keep the best schedule seen.
    if (current < bestScore) {
      bestScore = current;
      best = rounds.map((roomOf) => roomOf.slice());
    }
  }
  return best;
}
