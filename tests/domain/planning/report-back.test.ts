import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../../src/domain/planning/duration';
import {
  nextReportBackStep,
  previousReportBackStep,
  reportBackOrder,
  roomSummary,
  startReportBack,
} from '../../../src/domain/planning/report-back';

const rooms = [
  { id: 'r1', name: 'Blue', people: ['a'] },
  { id: 'r2', name: 'Green', people: [] },
  { id: 'r3', name: 'Red', people: ['b', 'c'] },
];

describe('reportBackOrder', () => {
  it('keeps room order and skips empty rooms', () => {
    expect(reportBackOrder(rooms)).toEqual(['r1', 'r3']);
  });

  it('lists a room given twice once', () => {
    expect(reportBackOrder([...rooms, rooms[0] as (typeof rooms)[number]])).toEqual(['r1', 'r3']);
  });
});

describe('nextReportBackStep', () => {
  it('walks through the rooms, then says it is done and stays done', () => {
    let step = nextReportBackStep(startReportBack(rooms));
    expect(step).toMatchObject({ roomId: 'r1', position: 1, total: 2, done: false });
    step = nextReportBackStep(step.state);
    expect(step).toMatchObject({ roomId: 'r3', position: 2, done: false });
    step = nextReportBackStep(step.state);
    expect(step).toMatchObject({ roomId: null, done: true });
    expect(nextReportBackStep(step.state)).toMatchObject({ roomId: null, done: true });
  });

  it('is done at once when every room is empty', () => {
    expect(nextReportBackStep(startReportBack([rooms[1] as (typeof rooms)[number]]))).toMatchObject(
      { done: true, total: 0 },
    );
  });

  it('goes back a room, never before the first', () => {
    const second = nextReportBackStep(nextReportBackStep(startReportBack(rooms)).state);
    expect(previousReportBackStep(second.state).roomId).toBe('r1');
    expect(previousReportBackStep(previousReportBackStep(second.state).state).roomId).toBe('r1');
  });
});

describe('roomSummary', () => {
  const base = {
    room: { id: 'r1', name: 'Blue' },
    people: [
      { id: 'a', name: 'Ada', status: 'joined' as const },
      { id: 'b', name: 'Bo', status: 'left' as const },
      { id: 'c', name: 'Cy', status: 'declined' as const },
    ],
    startedAt: 0,
    endedAt: 15 * 60_000,
    itemsAddedInFrame: 12,
  };

  it('says who came, who did not, how long and how much was added', () => {
    expect(roomSummary(base)).toEqual({
      roomId: 'r1',
      roomName: 'Blue',
      attended: [
        { id: 'a', name: 'Ada' },
        { id: 'b', name: 'Bo' },
      ],
      absent: [{ id: 'c', name: 'Cy' }],
      durationMs: 15 * 60_000,
      durationText: '15 min',
      itemsAdded: 12,
      itemsText: '12 items added',
    });
  });

  it('says "1 item" and "No items", and nothing when items were not counted', () => {
    expect(roomSummary({ ...base, itemsAddedInFrame: 1 }).itemsText).toBe('1 item added');
    expect(roomSummary({ ...base, itemsAddedInFrame: 0 }).itemsText).toBe('No items added');
    expect(roomSummary({ ...base, itemsAddedInFrame: null }).itemsText).toBeNull();
  });

  it('has no duration before the run ends, and never a negative one', () => {
    expect(roomSummary({ ...base, endedAt: null }).durationText).toBeNull();
    expect(roomSummary({ ...base, startedAt: 10, endedAt: 5 }).durationMs).toBe(0);
  });
});

describe('formatDuration', () => {
  it.each([
    [45_000, '45 s'],
    [15 * 60_000, '15 min'],
    [65 * 60_000, '1 h 5 min'],
    [120 * 60_000, '2 h'],
    [-1, '0 s'],
  ])('formats %i ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
