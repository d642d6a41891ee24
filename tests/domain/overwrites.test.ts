import { describe, expect, it } from 'vitest';
import { type Overwrites, overwriteSeen, overwritesText } from '../../src/domain/overwrites';

const MINUTE = 60_000;
/** Minutes after 14:00, as the panel's clock would write them. */
const clock = (at: number) => `14:${String(at / MINUTE).padStart(2, '0')}`;

describe('overwrites seen', () => {
  it('start with the first one: its kind, once, at its time', () => {
    expect(overwriteSeen(null, 'later', 2 * MINUTE)).toEqual({
      kinds: ['later'],
      count: 1,
      firstAt: 2 * MINUTE,
      lastAt: 2 * MINUTE,
    });
  });

  it('count each repeat, keep the first time and each kind once, in the order seen', () => {
    let seen: Overwrites | null = null;
    for (const [kind, at] of [
      ['later', 2],
      ['damaged', 3],
      ['later', 5],
    ] as const) {
      seen = overwriteSeen(seen, kind, at * MINUTE);
    }
    expect(seen).toEqual({
      kinds: ['later', 'damaged'],
      count: 3,
      firstAt: 2 * MINUTE,
      lastAt: 5 * MINUTE,
    });
  });

  it('never move the last time back for one reported late', () => {
    const seen = overwriteSeen(overwriteSeen(null, 'older', 5 * MINUTE), 'older', 4 * MINUTE);
    expect(seen.lastAt).toBe(5 * MINUTE);
  });
});

describe('what the facilitator reads', () => {
  it('says what was written, when, and that it came to nothing', () => {
    expect(overwritesText(overwriteSeen(null, 'later', 2 * MINUTE), clock)).toBe(
      "Someone's app wrote over the breakout's plan (a later revision) at 14:02. " +
        'It was put back; nobody was moved.',
    );
  });

  it('counts repeats since the first, with the last time and every kind', () => {
    const seen: Overwrites = {
      kinds: ['future', 'other facilitator', 'removed'],
      count: 3,
      firstAt: 2 * MINUTE,
      lastAt: 5 * MINUTE,
    };
    expect(overwritesText(seen, clock)).toBe(
      "Someone's app wrote over the breakout's plan (a future version, " +
        'another facilitator without hand-over and a deletion) ' +
        '3 times since 14:02, last at 14:05. Each time it was put back; nobody was moved.',
    );
  });

  it('leaves the last time out when it reads as the first', () => {
    const seen = overwriteSeen(overwriteSeen(null, 'damaged', 2 * MINUTE), 'damaged', 2 * MINUTE);
    expect(overwritesText(seen, clock)).toContain('(damaged data) 2 times since 14:02. Each time');
  });

  it('names each kind in words', () => {
    const words = (['older', 'damaged'] as const).map((kind) =>
      overwritesText(overwriteSeen(null, kind, 0), clock),
    );
    expect(words[0]).toContain('(an older plan)');
    expect(words[1]).toContain('(damaged data)');
  });
});
