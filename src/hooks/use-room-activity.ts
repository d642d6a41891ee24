import { useCallback, useEffect, useState } from 'react';
import type { RoomsWork } from '../controller/rooms-work';
import type { Plan } from '../domain/plan';
import { quietFirst, type RoomActivityView, roomActivity } from '../domain/rooms/activity';
import { sameFields, sameItems, usePlanValue } from './plan-store';
import { useRoomsWork } from './use-rooms-work';

/** "3 min ago" changes once a minute: a clock of that grain, so room cards re-render rarely. */
const TICK_MS = 15_000;

function useCoarseNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = globalThis.setInterval(() => setNow(Date.now()), TICK_MS);
    return () => globalThis.clearInterval(timer);
  }, []);
  return now;
}

type Watched = NonNullable<RoomsWork['activity']>;

const activityOf = (work: RoomsWork | null) => work?.activity ?? null;

const NO_COUNTS: ReadonlyMap<string, number> = new Map();
let counted: { plan: Plan; counts: ReadonlyMap<string, number> } | null = null;

/**
 * People who joined, per room. Every room card asks on every plan change, so the counts are
 * made once per plan (the last plan's are kept) rather than once per card.
 */
function joinedCounts(plan: Plan | null): ReadonlyMap<string, number> {
  if (!plan) return NO_COUNTS;
  if (counted?.plan === plan) return counted.counts;
  const counts = new Map<string, number>();
  for (const person of plan.people) {
    if (person.roomId !== null && person.status === 'joined') {
      counts.set(person.roomId, (counts.get(person.roomId) ?? 0) + 1);
    }
  }
  counted = { plan, counts };
  return counts;
}

const viewOf = (watched: Watched, plan: Plan | null, roomId: string, now: number) =>
  roomActivity(
    watched.snapshot,
    roomId,
    joinedCounts(plan).get(roomId) ?? 0,
    now,
    watched.quietAfterMs,
  );

type Figures = Pick<RoomActivityView, 'recentItems' | 'lastChangeAt'>;

const figuresOf = ({ recentItems, lastChangeAt }: RoomActivityView): Figures => ({
  recentItems,
  lastChangeAt,
});
const quietOf = (view: RoomActivityView) => view.quiet;
const sameFigures = (a: Figures | null, b: Figures | null) =>
  a === b || (a !== null && b !== null && sameFields(a, b));

/**
 * A part of a running room's activity, with the panel's clock; null before the watcher reports.
 * Selected with the plan (whether people are in the room decides "quiet") and compared by
 * value, so a join re-renders only what it changes. `pick` keeps its identity.
 */
function useRoomView<T>(
  roomId: string,
  pick: (view: RoomActivityView) => T,
  equal: (a: T | null, b: T | null) => boolean,
): T | null {
  const watched = useRoomsWork(activityOf);
  const now = useCoarseNow();
  const select = useCallback(
    (plan: Plan | null) => (watched ? pick(viewOf(watched, plan, roomId, now)) : null),
    [watched, roomId, now, pick],
  );
  return usePlanValue(select, equal);
}

/** A running room's items changed in the last 5 minutes and its last change; null before any. */
export function useRoomActivity(roomId: string): Figures | null {
  return useRoomView(roomId, figuresOf, sameFigures);
}

/** Whether a running room is quiet: people in it and no change for the threshold. */
export function useRoomQuiet(roomId: string): boolean {
  return useRoomView(roomId, quietOf, Object.is) ?? false;
}

/** Minutes after which a room with people and no change is quiet, as the watcher holds it. */
export function useQuietAfterMinutes(): number | null {
  const watched = useRoomsWork(activityOf);
  return watched ? Math.round(watched.quietAfterMs / 60_000) : null;
}

/**
 * The rooms' ids with the quiet ones first when `enabled`, the plan's order kept otherwise.
 * Compared id by id: a join re-renders the board only when it changes the order.
 */
export function useRoomOrder(roomIds: readonly string[], enabled: boolean): readonly string[] {
  const watched = useRoomsWork(activityOf);
  const now = useCoarseNow();
  const select = useCallback(
    (plan: Plan | null): readonly string[] => {
      if (!enabled || !watched) return roomIds;
      const rooms = roomIds.map((id) => ({ id, quiet: viewOf(watched, plan, id, now).quiet }));
      return quietFirst(rooms).map((room) => room.id);
    },
    [roomIds, enabled, watched, now],
  );
  return usePlanValue(select, sameItems);
}
