import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8ByteLength } from '../../../src/domain/bytes';
import {
  appendHistory,
  emptyHistory,
  groupsOf,
  type HistoryEntry,
  historyBytes,
  historyEntryOf,
  parseHistory,
} from '../../../src/domain/planning/history';
import { person, propertyOptions, runningPlan } from '../fixtures';

const entry = (runId: string, people = 3): HistoryEntry => ({
  runId,
  startedAt: 1000,
  endedAt: 2000,
  rooms: [
    {
      name: 'Room 1',
      people: Array.from({ length: people }, (_, index) => person(`${runId}-p${index}`)),
    },
    { name: 'Room 2', people: [] },
  ],
});

describe('appendHistory', () => {
  it('adds the newest entry last', () => {
    const { history } = appendHistory(
      appendHistory(emptyHistory(), entry('a')).history,
      entry('b'),
    );
    expect(history.entries.map((e) => e.runId)).toEqual(['a', 'b']);
  });

  it('replaces an entry recorded twice for the same run', () => {
    const first = appendHistory(emptyHistory(), entry('a', 1)).history;
    expect(appendHistory(first, entry('a', 2)).history.entries).toEqual([entry('a', 2)]);
  });

  it('drops the oldest entries to stay within the byte budget and says which', () => {
    let history = emptyHistory();
    for (const runId of ['a', 'b', 'c']) history = appendHistory(history, entry(runId, 20)).history;
    const budget = historyBytes(history) - 1;
    const result = appendHistory(history, entry('d', 20), budget);
    expect(result.dropped).toEqual(['a', 'b']);
    expect(result.history.entries.map((e) => e.runId)).toEqual(['c', 'd']);
  });

  it('keeps the history unchanged when the new entry alone is too large', () => {
    const history = appendHistory(emptyHistory(), entry('a')).history;
    const result = appendHistory(history, entry('b', 5000), 60_000);
    expect(result).toEqual({ history, dropped: [], tooLarge: true });
  });

  it('always stays within the budget, keeps the newest entry and drops only the oldest', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            people: fc.integer({ min: 0, max: 60 }),
            name: fc.string({ maxLength: 30 }),
          }),
          { maxLength: 30 },
        ),
        fc.integer({ min: 200, max: 20_000 }),
        (entries, maxBytes) => {
          let history = emptyHistory();
          entries.forEach((spec, index) => {
            const next: HistoryEntry = {
              ...entry(`run-${index}`, spec.people),
              rooms: [{ name: spec.name, people: entry('x', spec.people).rooms[0]?.people ?? [] }],
            };
            const result = appendHistory(history, next, maxBytes);
            expect(utf8ByteLength(JSON.stringify(result.history))).toBeLessThanOrEqual(maxBytes);
            if (!result.tooLarge) expect(result.history.entries.at(-1)).toEqual(next);
            const kept = result.history.entries.map((e) => e.runId);
            const before = history.entries.map((e) => e.runId);
            expect(before.slice(before.length - (kept.length - (result.tooLarge ? 0 : 1)))).toEqual(
              result.tooLarge ? kept : kept.slice(0, -1),
            );
            history = result.history;
          });
        },
      ),
      propertyOptions,
    );
  });
});

describe('parseHistory', () => {
  it('reads back what was stored', () => {
    const history = appendHistory(emptyHistory(), entry('a')).history;
    expect(parseHistory(JSON.parse(JSON.stringify(history)))).toEqual({
      status: 'ok',
      history,
      skipped: 0,
    });
  });

  it('reports nothing stored as empty', () => {
    expect(parseHistory(undefined)).toEqual({ status: 'empty' });
  });

  it('skips a damaged entry and keeps the others', () => {
    const raw = { version: 1, entries: [entry('a'), { runId: 'b', rooms: 'nope' }, entry('c')] };
    const result = parseHistory(raw);
    expect(result.status === 'ok' && result.history.entries.map((e) => e.runId)).toEqual([
      'a',
      'c',
    ]);
    expect(result.status === 'ok' && result.skipped).toBe(1);
  });

  it('cleans names on the way in', () => {
    const raw = {
      version: 1,
      entries: [
        { ...entry('a'), rooms: [{ name: 'Blue\u202E\n', people: [{ id: 'u1', name: ' Ada ' }] }] },
      ],
    };
    const result = parseHistory(raw);
    expect(result.status === 'ok' && result.history.entries[0]?.rooms[0]).toEqual({
      name: 'Blue',
      people: [{ id: 'u1', name: 'Ada' }],
    });
  });

  it('says when a newer app version wrote it', () => {
    expect(parseHistory({ version: 2, entries: [] })).toMatchObject({
      status: 'future',
      version: 2,
    });
  });

  it.each([
    ['a list', []],
    ['text', 'history'],
    ['no version', { entries: [] }],
    ['entries that are not a list', { version: 1, entries: {} }],
  ])('reports %s as corrupt', (_, raw) => {
    expect(parseHistory(raw).status).toBe('corrupt');
  });

  it('never throws on anything', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        expect(() => parseHistory(raw)).not.toThrow();
        expect(() => parseHistory({ version: 1, entries: [raw] })).not.toThrow();
      }),
      propertyOptions,
    );
  });
});

describe('groupsOf', () => {
  it('returns the non-empty rooms with their people, to run again', () => {
    expect(groupsOf(entry('a', 2))).toEqual([
      { name: 'Room 1', people: [person('a-p0'), person('a-p1')] },
    ]);
  });

  it('keeps a person recorded in two rooms in the first only', () => {
    const twice: HistoryEntry = {
      ...entry('a'),
      rooms: [
        { name: 'A', people: [person('u1')] },
        { name: 'B', people: [person('u1'), person('u2')] },
      ],
    };
    expect(groupsOf(twice).map((room) => room.people.map((p) => p.id))).toEqual([['u1'], ['u2']]);
  });
});

describe('historyEntryOf', () => {
  it('records a started plan room by room', () => {
    const recorded = historyEntryOf(runningPlan());
    expect(recorded?.startedAt).toBe(2000);
    expect(recorded?.rooms.map((room) => room.people.map((p) => p.id))).toEqual([
      ['p1', 'p2'],
      ['p3'],
    ]);
  });
});
