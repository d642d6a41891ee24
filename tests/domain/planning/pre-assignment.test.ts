import { describe, expect, it } from 'vitest';
import { parseAssignmentList } from '../../../src/domain/planning/assignment-list';
import {
  EMAIL_ONLY_MESSAGE,
  matchPreAssignments,
} from '../../../src/domain/planning/pre-assignment';

const online = [
  { id: 'u1', name: 'José Álvarez' },
  { id: 'u2', name: 'Ada Lovelace' },
  { id: 'u3', name: 'Sam Lee' },
  { id: 'u4', name: 'sam  lee' },
];
const rooms = [
  { id: 'r1', name: 'Blue' },
  { id: 'r2', name: 'Green' },
  { id: 'r3', name: 'Café' },
];

const match = (text: string) => matchPreAssignments(parseAssignmentList(text).rows, online, rooms);

describe('matchPreAssignments: people', () => {
  it('matches names ignoring case, accents and extra spaces', () => {
    const result = match('jose   alvarez → Blue\nADA LOVELACE → green');
    expect(result.matched.map(({ personId, roomId }) => [personId, roomId])).toEqual([
      ['u1', 'r1'],
      ['u2', 'r2'],
    ]);
  });

  it('lists every candidate when several people online share the name', () => {
    const result = match('Sam Lee → Blue');
    expect(result.ambiguous).toHaveLength(1);
    expect(result.ambiguous[0]?.candidates.map((person) => person.id)).toEqual(['u3', 'u4']);
    expect(result.ambiguous[0]?.message).toBe(
      'Line 1: 2 people online are called Sam Lee. Place them by hand.',
    );
  });

  it('keeps rows for people not online yet, to match again later', () => {
    const result = match('Grace Hopper → Blue');
    expect(result.unmatched).toEqual([
      expect.objectContaining({
        reason: 'not-online',
        message: 'Line 1: nobody called Grace Hopper is online yet.',
      }),
    ]);
  });

  it('explains that emails cannot be matched (the app never sees emails, D11)', () => {
    const result = match('ada@example.com, Blue');
    expect(result.matched).toEqual([]);
    expect(result.unmatched[0]).toMatchObject({ reason: 'email-only' });
    expect(result.unmatched[0]?.message).toContain(EMAIL_ONLY_MESSAGE);
  });

  it('matches by the name when a row gives both name and email', () => {
    expect(match('Name,Email,Room\nAda Lovelace,ada@example.com,Blue').matched[0]?.personId).toBe(
      'u2',
    );
  });

  it('keeps the first row for a person listed twice and reports the later one', () => {
    const result = match('Ada Lovelace → Blue\nada lovelace → Green');
    expect(result.matched.map(({ roomId }) => roomId)).toEqual(['r1']);
    expect(result.duplicates[0]?.message).toBe(
      'Line 2: Ada Lovelace is already placed in Blue by line 1.',
    );
  });

  it('counts a user online in two tabs once', () => {
    const twice = [
      { id: 'u2', name: 'Ada Lovelace' },
      { id: 'u2', name: 'Ada Lovelace' },
    ];
    const result = matchPreAssignments(parseAssignmentList('Ada Lovelace → 1').rows, twice, rooms);
    expect(result.matched).toHaveLength(1);
  });
});

describe('matchPreAssignments: rooms', () => {
  it.each([
    ['a name in any case', 'BLUE', 'r1'],
    ['a name without accents', 'cafe', 'r3'],
    ['a number', '2', 'r2'],
    ['"Room n"', 'Room 3', 'r3'],
    ['"#n"', '#1', 'r1'],
  ])('finds a room by %s', (_, room, roomId) => {
    expect(match(`Ada Lovelace → ${room}`).matched[0]?.roomId).toBe(roomId);
  });

  it('prefers a room named like a number over the room at that position', () => {
    const numbered = [
      { id: 'a', name: 'Intro' },
      { id: 'b', name: '1' },
    ];
    const result = matchPreAssignments(
      parseAssignmentList('Ada Lovelace → 1').rows,
      online,
      numbered,
    );
    expect(result.matched[0]?.roomId).toBe('b');
  });

  it('reports a number past the last room', () => {
    expect(match('Ada Lovelace → Room 9').unknownRooms[0]?.message).toBe(
      'Line 1: There is no room 9: the plan has 3 rooms.',
    );
  });

  it('reports a room name that does not exist', () => {
    expect(match('Ada Lovelace → Purple').unknownRooms[0]?.message).toBe(
      'Line 1: No room is called "Purple".',
    );
  });

  it('reports a name shared by two rooms instead of guessing', () => {
    const twins = [
      { id: 'a', name: 'Blue' },
      { id: 'b', name: 'blue' },
    ];
    const result = matchPreAssignments(
      parseAssignmentList('Ada Lovelace → Blue').rows,
      online,
      twins,
    );
    expect(result.unknownRooms[0]?.message).toMatch(/2 rooms are called "Blue"/);
  });
});
