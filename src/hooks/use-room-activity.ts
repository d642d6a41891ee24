import { useEffect, useState } from 'react';
import type { RoomsWork } from '../controller/rooms-work';
import type { Plan } from '../domain/plan';
import { quietFirst, type RoomActivityView, roomActivity } from '../domain/rooms/activity';
import { usePlanValue } from './plan-store';
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

const activityOf = (work: RoomsWork | null) => work?.activity ?? null;

/** People who joined, per room. */
const joinedCounts = (plan: Plan | null): ReadonlyMap<string, number> => {
  const counts = new Map<string, number>();
  for (const person of plan?.people ?? []) {
    if (person.roomId !== null && person.status === 'joined') {
      counts.set(person.roomId, (counts.get(person.roomId) ?? 0) + 1);
    }
  }
  return counts;
};

const sameCounts = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>) =>
  a.size === b.size && [...a].every(([id, count]) => b.get(id) === count);

/** A running room's activity as its card shows it, with the panel's clock; null before any. */
export function useRoomActivity(roomId: string, peopleIn: number): RoomActivityView | null {
  const activity = useRoomsWork(activityOf);
  const now = useCoarseNow();
  if (!activity) return null;
  return roomActivity(activity.snapshot, roomId, peopleIn, now, activity.quietAfterMs);
}

/** Minutes after which a room with people and no change is quiet, as the watcher holds it. */
export function useQuietAfterMinutes(): number | null {
  const activity = useRoomsWork(activityOf);
  return activity ? Math.round(activity.quietAfterMs / 60_000) : null;
}

/** Whether anyone has joined a room: before that no room can be quiet. */
export function useAnyoneInRooms(): boolean {
  return usePlanValue(anyoneIn);
}

const anyoneIn = (plan: Plan | null) =>
  plan?.people.some((person) => person.roomId !== null && person.status === 'joined') ?? false;

/** The rooms' ids with the quiet ones first when `enabled`, the plan's order kept otherwise. */
export function useRoomOrder(roomIds: readonly string[], enabled: boolean): readonly string[] {
  const activity = useRoomsWork(activityOf);
  const counts = usePlanValue(joinedCounts, sameCounts);
  const now = useCoarseNow();
  if (!enabled || !activity) return roomIds;
  const rooms = roomIds.map((id) => ({
    id,
    quiet: roomActivity(activity.snapshot, id, counts.get(id) ?? 0, now, activity.quietAfterMs)
      .quiet,
  }));
  return quietFirst(rooms).map((room) => room.id);
}
