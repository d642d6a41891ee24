import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseRoomPicked,
  pickRoom,
  placeUnchosen,
  roomPicked,
  roomsWithSpace,
  type SelfSelectState,
  selfSelectState,
} from '../../../src/domain/planning/self-select';
import { createRandom } from '../../../src/domain/random';
import { propertyOptions } from '../fixtures';

const rooms = [
  { id: 'r1', name: 'Room 1' },
  { id: 'r2', name: 'Room 2' },
  { id: 'r3', name: 'Room 3' },
];
const people = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ id: `p${index + 1}`, name: `P${index + 1}` }));

function picked(state: SelfSelectState, personId: string, roomId: string | null, capacity = 2) {
  const result = pickRoom(state, personId, roomId, capacity);
  if (!result.ok) throw new Error(result.reason);
  return result.state;
}

const sizes = (state: SelfSelectState) =>
  rooms.map((room) => [...state.picks.values()].filter((roomId) => roomId === room.id).length);

describe('pickRoom', () => {
  it('places a person in the room they pick', () => {
    expect(picked(selfSelectState(rooms), 'p1', 'r2').picks.get('p1')).toBe('r2');
  });

  it('refuses a full room, naming it and the count', () => {
    const state = picked(picked(selfSelectState(rooms), 'p1', 'r2'), 'p2', 'r2');
    expect(pickRoom(state, 'p3', 'r2', 2)).toEqual({
      ok: false,
      reason: 'Room 2 is full (2 of 2 places taken). Pick another room.',
    });
  });

  it('lets someone already in a full room pick it again without change', () => {
    const state = picked(picked(selfSelectState(rooms), 'p1', 'r2'), 'p2', 'r2');
    expect(pickRoom(state, 'p1', 'r2', 2)).toEqual({ ok: true, state });
  });

  it('moves a person, freeing their old place', () => {
    const state = picked(picked(selfSelectState(rooms), 'p1', 'r1'), 'p1', 'r2');
    expect(sizes(state)).toEqual([0, 1, 0]);
  });

  it('withdraws a pick with null', () => {
    expect(picked(picked(selfSelectState(rooms), 'p1', 'r1'), 'p1', null).picks.size).toBe(0);
  });

  it('refuses a room that no longer exists', () => {
    expect(pickRoom(selfSelectState(rooms), 'p1', 'gone', 2)).toMatchObject({ ok: false });
  });

  it('leaves the old state untouched', () => {
    const state = selfSelectState(rooms);
    picked(state, 'p1', 'r1');
    expect(state.picks.size).toBe(0);
  });

  it('never lets a room exceed its capacity, whatever the picks', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'),
            fc.constantFrom('r1', 'r2', 'r3', null),
          ),
          {
            maxLength: 40,
          },
        ),
        fc.integer({ min: 0, max: 3 }),
        (moves, capacity) => {
          let state = selfSelectState(rooms);
          for (const [personId, roomId] of moves) {
            const result = pickRoom(state, personId, roomId, capacity);
            if (result.ok) state = result.state;
          }
          for (const size of sizes(state)) expect(size).toBeLessThanOrEqual(capacity);
        },
      ),
      propertyOptions,
    );
  });
});

describe('roomsWithSpace', () => {
  it('lists open rooms in room order with free places', () => {
    const state = picked(picked(selfSelectState(rooms), 'p1', 'r1'), 'p2', 'r1');
    expect(roomsWithSpace(state, 2).map(({ room, free }) => [room.id, free])).toEqual([
      ['r2', 2],
      ['r3', 2],
    ]);
  });
});

describe('placeUnchosen', () => {
  it('places everyone without a pick into the emptiest rooms', () => {
    const state = picked(picked(selfSelectState(rooms), 'p1', 'r1'), 'p2', 'r1', 10);
    const result = placeUnchosen(state, people(7), 10, createRandom(1));
    expect(result.unplaced).toEqual([]);
    expect(sizes(result.state).sort()).toEqual([2, 2, 3]);
    expect(result.state.picks.get('p1')).toBe('r1');
  });

  it('reports who could not be placed when capacity is short', () => {
    const result = placeUnchosen(selfSelectState(rooms), people(8), 2, createRandom(1));
    expect(result.placed).toHaveLength(6);
    expect(result.unplaced).toHaveLength(2);
    expect(result.message).toBe(
      '2 people could not be placed: every room is full. Add a room or allow more people per room.',
    );
  });

  it('moves someone whose picked room was removed', () => {
    const state: SelfSelectState = { rooms, picks: new Map([['p1', 'gone']]) };
    expect(placeUnchosen(state, people(1), 2, createRandom(1)).placed).toEqual([
      { personId: 'p1', roomId: expect.any(String) },
    ]);
  });

  it('respects capacity, places each person once and keeps rooms as even as the picks allow', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('p1', 'p2', 'p3'), fc.constantFrom('r1', 'r2', 'r3')),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer(),
        (initial, count, capacity, seed) => {
          const start = selfSelectState(rooms);
          let state = start;
          for (const [personId, roomId] of Object.entries(initial)) {
            const result = pickRoom(state, personId, roomId, capacity);
            if (result.ok) state = result.state;
          }
          const before = sizes(state);
          const result = placeUnchosen(state, people(count), capacity, createRandom(seed));
          const after = sizes(result.state);
          for (const size of after) expect(size).toBeLessThanOrEqual(capacity);
          expect(result.placed.length + result.unplaced.length).toBe(
            people(count).filter((person) => !state.picks.has(person.id)).length,
          );
          // Each placement went to a smallest open room, so a room that received someone ends at
          // most one above every room still open.
          const grew = after.filter((size, index) => size > (before[index] ?? 0));
          const smallestOpen = Math.min(...after.filter((size) => size < capacity));
          for (const size of grew) expect(size).toBeLessThanOrEqual(smallestOpen + 1);
          if (result.unplaced.length > 0)
            expect(after.every((size) => size >= capacity)).toBe(true);
        },
      ),
      propertyOptions,
    );
  });
});

describe('parseRoomPicked', () => {
  const from = { id: 'u1', name: 'Ada' };

  it('reads back what roomPicked builds, with null for a withdrawn pick', () => {
    expect(parseRoomPicked(roomPicked('run-1', 'r1', from))).toEqual({
      type: 'room-picked',
      runId: 'run-1',
      roomId: 'r1',
      from,
    });
    expect(parseRoomPicked(roomPicked('run-1', null, from))?.roomId).toBeNull();
  });

  it('sends only id and name, never an email (D11)', () => {
    expect(
      JSON.stringify(roomPicked('run-1', 'r1', { ...from, email: 'a@b.c' } as typeof from)),
    ).not.toContain('a@b.c');
  });

  it.each([
    ['a missing room id', { type: 'room-picked', runId: 'run-1', from }],
    ['a numeric room id', { type: 'room-picked', runId: 'run-1', roomId: 3, from }],
    ['another type', { type: 'help-requested', runId: 'run-1', roomId: 'r1', from }],
    ['an extra field', { type: 'room-picked', runId: 'run-1', roomId: 'r1', from, x: 1 }],
    [
      'a huge name',
      {
        type: 'room-picked',
        runId: 'run-1',
        roomId: 'r1',
        from: { id: 'u1', name: 'x'.repeat(1001) },
      },
    ],
    [
      'a throwing getter',
      Object.defineProperty({}, 'type', {
        enumerable: true,
        get: () => {
          throw new Error('boom');
        },
      }),
    ],
  ])('rejects %s', (_, raw) => {
    expect(parseRoomPicked(raw)).toBeNull();
  });

  it('never throws on anything', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        expect(() => parseRoomPicked(raw)).not.toThrow();
      }),
      propertyOptions,
    );
  });
});
