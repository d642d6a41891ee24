import { describe, expect, it } from 'vitest';
import {
  changesBetween,
  forgetOld,
  observe,
  quietFirst,
  RECENT_MS,
  resumeActivity,
  roomActivity,
  snapshotOf,
  startActivity,
  summariesOf,
} from '../../../src/domain/rooms/activity';

const T0 = 1_000_000;
const MIN = 60_000;

describe('room activity', () => {
  it('counts items added or changed in the last five minutes and the last change', () => {
    let activity = startActivity('run', T0);
    activity = observe(activity, [
      { roomId: 'r1', itemId: 'a', kind: 'added', at: T0 + MIN },
      { roomId: 'r1', itemId: 'b', kind: 'added', at: T0 + 2 * MIN },
      { roomId: 'r1', itemId: 'a', kind: 'changed', at: T0 + 3 * MIN },
    ]);
    const view = roomActivity(snapshotOf(activity, T0 + 4 * MIN), 'r1', 2, T0 + 4 * MIN);
    expect(view).toMatchObject({ recentItems: 2, lastChangeAt: T0 + 3 * MIN, added: 2 });
    expect(
      roomActivity(
        snapshotOf(activity, T0 + 2 * MIN + RECENT_MS),
        'r1',
        2,
        T0 + 2 * MIN + RECENT_MS,
      ).recentItems,
    ).toBe(1);
    expect(roomActivity(snapshotOf(activity, T0 + 4 * MIN), 'r2', 2, T0 + 4 * MIN)).toMatchObject({
      recentItems: 0,
      lastChangeAt: null,
      added: 0,
    });
  });

  it('an item reported by an event and again by a poll counts once', () => {
    let activity = startActivity('run', T0);
    activity = observe(activity, [{ roomId: 'r1', itemId: 'a', kind: 'added', at: T0 + MIN }]);
    activity = observe(activity, [{ roomId: 'r1', itemId: 'a', kind: 'added', at: T0 + MIN + 5 }]);
    expect(roomActivity(snapshotOf(activity, T0 + 2 * MIN), 'r1', 1, T0 + 2 * MIN)).toMatchObject({
      recentItems: 1,
      added: 1,
    });
  });

  it('ignores what happened before the start (the material copied in) and nonsense times', () => {
    const activity = observe(startActivity('run', T0), [
      { roomId: 'r1', itemId: 'a', kind: 'added', at: T0 - 1 },
      { roomId: 'r1', itemId: 'b', kind: 'added', at: Number.NaN },
    ]);
    expect(roomActivity(snapshotOf(activity, T0 + MIN), 'r1', 1, T0 + MIN).added).toBe(0);
  });

  it('time active counts the minutes in which something changed', () => {
    const activity = observe(startActivity('run', T0), [
      { roomId: 'r1', itemId: 'a', kind: 'added', at: T0 + 10 },
      { roomId: 'r1', itemId: 'b', kind: 'added', at: T0 + 20 },
      { roomId: 'r1', itemId: 'c', kind: 'removed', at: T0 + 5 * MIN },
    ]);
    expect(
      roomActivity(snapshotOf(activity, T0 + 6 * MIN), 'r1', 1, T0 + 6 * MIN).activeMinutes,
    ).toBe(2);
  });

  it('a watcher restarted from its summary keeps the totals, counting a minute once', () => {
    let activity = observe(startActivity('run', T0), [
      { roomId: 'r1', itemId: 'a', kind: 'added', at: T0 + 10 },
      { roomId: 'r1', itemId: 'b', kind: 'added', at: T0 + 2 * MIN },
    ]);
    let again = resumeActivity('run', T0, summariesOf(activity));
    again = observe(again, [{ roomId: 'r1', itemId: 'c', kind: 'changed', at: T0 + 2 * MIN + 5 }]);
    expect(roomActivity(snapshotOf(again, T0 + 3 * MIN), 'r1', 1, T0 + 3 * MIN)).toMatchObject({
      added: 2,
      activeMinutes: 2,
      lastChangeAt: T0 + 2 * MIN + 5,
    });
    activity = forgetOld(activity, T0 + 10 * MIN);
    expect(activity.rooms.get('r1')?.recent.size).toBe(0);
  });
});

describe('room activity: polls of the rooms frames', () => {
  const poll = (childIds: string[], times: Record<string, [number | null, number | null]> = {}) => [
    {
      roomId: 'r1',
      childIds,
      children: childIds.map((id) => ({
        id,
        createdAt: times[id]?.[0] ?? null,
        modifiedAt: times[id]?.[1] ?? null,
      })),
    },
  ];

  it('the first poll is the baseline; later ones report children added, removed and changed', () => {
    expect(changesBetween(null, poll(['a']), T0, T0)).toEqual([]);
    const seen = changesBetween(
      poll(['a', 'b'], { a: [T0, T0], b: [T0, T0] }),
      poll(['a', 'c'], { a: [T0, T0 + 20_000], c: [T0 + 10_000, T0 + 10_000] }),
      T0,
      T0 + 30_000,
    );
    expect(seen).toEqual([
      { roomId: 'r1', itemId: 'a', kind: 'changed', at: T0 + 20_000 },
      { roomId: 'r1', itemId: 'c', kind: 'added', at: T0 + 10_000 },
      { roomId: 'r1', itemId: 'b', kind: 'removed', at: T0 + 30_000 },
    ]);
  });

  it('a time Miro reports outside (previous poll, now] is taken as now: a skewed clock cannot move a change', () => {
    const seen = changesBetween(
      poll([]),
      poll(['f', 'p'], { f: [T0 + 999_999, null], p: [T0 - 999_999, null] }),
      T0,
      T0 + 30_000,
    );
    expect(seen.map((s) => s.at)).toEqual([T0 + 30_000, T0 + 30_000]);
  });
});

describe('quiet room', () => {
  it('is flagged when people are in it and nothing changed for the configured time', () => {
    const activity = observe(startActivity('run', T0), [
      { roomId: 'busy', itemId: 'a', kind: 'added', at: T0 + 4 * MIN },
    ]);
    const at = T0 + 6 * MIN;
    expect(roomActivity(snapshotOf(activity, at), 'still', 3, at).quiet).toBe(true);
    expect(roomActivity(snapshotOf(activity, at), 'busy', 3, at).quiet).toBe(false);
    expect(roomActivity(snapshotOf(activity, at), 'still', 0, at).quiet).toBe(false);
    expect(roomActivity(snapshotOf(activity, T0 + 4 * MIN), 'still', 3, T0 + 4 * MIN).quiet).toBe(
      false,
    );
    expect(roomActivity(snapshotOf(activity, at), 'busy', 3, at, MIN).quiet).toBe(true);
  });

  it('sorts quiet rooms first, keeping the order within each group', () => {
    const rooms = [
      { id: 'a', quiet: false },
      { id: 'b', quiet: true },
      { id: 'c', quiet: false },
      { id: 'd', quiet: true },
    ];
    expect(quietFirst(rooms).map((room) => room.id)).toEqual(['b', 'd', 'a', 'c']);
  });
});
