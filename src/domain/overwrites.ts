/**
 * What the facilitator is shown of values other apps wrote over their plan (issue #15): each one
 * was put back by their app at once and acted on by nobody, so this is news, not a problem to
 * solve. Only what the facilitator's app can tell from the value itself: never a name from it
 * (anyone can write any name), never the value (it is data).
 */

/** What an overwrite was, judged against the plan the facilitator's app held (plan-defence.ts). */
export const OVERWRITE_KINDS = [
  /** This facilitator's plan at a higher revision than the app wrote. */
  'later',
  /** This facilitator's plan at the revision held or below it. */
  'older',
  /** A value that says a newer version of the app wrote it. */
  'future',
  /** A value no version of the app writes. */
  'damaged',
  /** The plan's key emptied. */
  'removed',
  /** A plan naming someone else as facilitator, which the rule of the hand-over refuses. */
  'other facilitator',
] as const;
export type OverwriteKind = (typeof OVERWRITE_KINDS)[number];

/** The overwrites since the facilitator last dismissed them. */
export type Overwrites = {
  /** Each kind seen, once, in the order first seen. */
  kinds: OverwriteKind[];
  count: number;
  firstAt: number;
  lastAt: number;
};

/** `seen` with one more overwrite of `kind` at `at`; null `seen` starts afresh. */
export function overwriteSeen(
  seen: Overwrites | null,
  kind: OverwriteKind,
  at: number,
): Overwrites {
  if (seen === null) return { kinds: [kind], count: 1, firstAt: at, lastAt: at };
  return {
    kinds: seen.kinds.includes(kind) ? seen.kinds : [...seen.kinds, kind],
    count: seen.count + 1,
    firstAt: seen.firstAt,
    lastAt: Math.max(seen.lastAt, at),
  };
}

/** Short: the panel is 368 px wide, and several kinds may be listed. */
const KIND_WORDS: Record<OverwriteKind, string> = {
  later: 'a later revision',
  older: 'an older plan',
  future: 'a future version',
  damaged: 'damaged data',
  removed: 'a deletion',
  'other facilitator': 'another facilitator without hand-over',
};

/** "a, b and c". */
function listed(words: string[]): string {
  const last = words.at(-1) ?? '';
  return words.length < 2 ? last : `${words.slice(0, -1).join(', ')} and ${last}`;
}

/**
 * The sentence the facilitator reads, with times as `clock` writes them ("14:02"): what was
 * written, when, how often, and that nothing came of it.
 */
export function overwritesText(seen: Overwrites, clock: (at: number) => string): string {
  const what = `Someone's app wrote over the breakout's plan (${listed(seen.kinds.map((kind) => KIND_WORDS[kind]))})`;
  if (seen.count === 1) {
    return `${what} at ${clock(seen.firstAt)}. It was put back; nobody was moved.`;
  }
  const [first, last] = [clock(seen.firstAt), clock(seen.lastAt)];
  const when = first === last ? `since ${first}` : `since ${first}, last at ${last}`;
  return `${what} ${seen.count} times ${when}. Each time it was put back; nobody was moved.`;
}
