/**
 * Seeded PRNG (mulberry32). Every random choice of the simulator (jitter, faults, drops,
 * duplicates, opaque versions) comes from one instance, so a seed reproduces a run exactly.
 */
export type Random = {
  /** Uniform in [0, 1). */
  next(): number;
  /** True with probability p; consumes no randomness when p <= 0 or p >= 1. */
  chance(p: number): boolean;
  /** Uniform integer in [0, maxInclusive]. */
  int(maxInclusive: number): number;
  /** A short opaque token, e.g. for S5 'opaque' versions. */
  token(): string;
};

export const createRandom = (seed: number): Random => {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p) => (p <= 0 ? false : p >= 1 ? true : next() < p),
    int: (maxInclusive) => (maxInclusive <= 0 ? 0 : Math.floor(next() * (maxInclusive + 1))),
    token: () => Math.floor(next() * 2 ** 52).toString(36),
  };
};
