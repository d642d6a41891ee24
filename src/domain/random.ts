/**
 * Seeded randomness, so a split can be replayed in a test or a bug report from its seed.
 * Not for anything secret.
 */

/** Returns numbers in [0, 1). */
export type Random = () => number;

/** FNV-1a: turns a text seed (e.g. a run id) into 32 bits. */
function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < seed.length; index++) {
    hash ^= seed.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: tiny, fast, and good enough to shuffle people into rooms. */
export function createRandom(seed: number | string): Random {
  let state = typeof seed === 'string' ? hashSeed(seed) : Math.trunc(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, bound). Guards against a Random that returns exactly 1 or more. */
export function randomIndex(random: Random, bound: number): number {
  const index = Math.floor(random() * bound);
  return Math.min(Math.max(index, 0), bound - 1);
}

/** Fisher-Yates on a copy: every order equally likely, the input untouched. */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const result = items.slice();
  for (let index = result.length - 1; index > 0; index--) {
    const other = randomIndex(random, index + 1);
    const held = result[index] as T;
    result[index] = result[other] as T;
    result[other] = held;
  }
  return result;
}
