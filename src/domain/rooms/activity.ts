/**
 * Which rooms are working: for each room, the items added or changed in its frame lately, when
 * it last changed, and whether it has gone quiet while people are in it. Fed by item events
 * where Miro sends them (whom it sends them to is undocumented, I1) and by a slow poll of the
 * rooms' frames; both may report the same change, which counts once.
 */

import type { ActivitySnapshot } from './snapshot';

export const RECENT_MS = 5 * 60_000;
export const DEFAULT_QUIET_AFTER_MS = 5 * 60_000;
const MINUTE = 60_000;

export type ChangeKind = 'added' | 'changed' | 'removed';

/** One thing seen happening in a room's frame. */
export type Observation = {
  readonly roomId: string;
  readonly itemId: string;
  readonly kind: ChangeKind;
  readonly at: number;
};

export type RoomActivity = {
  /** Item → when it last changed, for items changed within `RECENT_MS` (older ones drop out). */
  readonly recent: ReadonlyMap<string, number>;
  /** Items added during the run (each counted once). */
  readonly added: number;
  readonly lastChangeAt: number | null;
  /** Minutes since the start (0-based) in which something changed: "time active". */
  readonly activeMinutes: ReadonlySet<number>;
  /** Active minutes a restarted watcher was told of, besides those in `activeMinutes`. */
  readonly earlierMinutes: number;
};

export type Activity = {
  readonly runId: string;
  readonly startedAt: number;
  readonly rooms: ReadonlyMap<string, RoomActivity>;
  /** Items counted as added, so an event and a poll reporting the same item count it once. */
  readonly addedIds: ReadonlySet<string>;
};

const EMPTY_ROOM: RoomActivity = {
  recent: new Map(),
  added: 0,
  lastChangeAt: null,
  activeMinutes: new Set(),
  earlierMinutes: 0,
};

export const startActivity = (runId: string, startedAt: number): Activity => ({
  runId,
  startedAt,
  rooms: new Map(),
  addedIds: new Set(),
});

/** What a restarted watcher keeps from before (the recent items are not kept). */
export type ActivitySummary = {
  roomId: string;
  added: number;
  lastChangeAt: number | null;
  activeMinutes: number;
  /** The latest active minute, so a change after a restart in that minute counts once. */
  lastActiveMinute: number | null;
};

export function resumeActivity(
  runId: string,
  startedAt: number,
  summaries: readonly ActivitySummary[],
): Activity {
  const rooms = new Map<string, RoomActivity>();
  for (const summary of summaries) {
    const last = summary.lastActiveMinute;
    rooms.set(summary.roomId, {
      recent: new Map(),
      added: summary.added,
      lastChangeAt: summary.lastChangeAt,
      activeMinutes: new Set(last === null ? [] : [last]),
      earlierMinutes: Math.max(0, summary.activeMinutes - (last === null ? 0 : 1)),
    });
  }
  return { runId, startedAt, rooms, addedIds: new Set() };
}

/** Takes in what was seen; an older report of a change already counted changes nothing. */
export function observe(activity: Activity, seen: readonly Observation[]): Activity {
  if (seen.length === 0) return activity;
  const rooms = new Map(activity.rooms);
  const addedIds = new Set(activity.addedIds);
  for (const { roomId, itemId, kind, at } of seen) {
    if (!Number.isFinite(at) || at < activity.startedAt) continue;
    const room = rooms.get(roomId) ?? EMPTY_ROOM;
    const recent = new Map(room.recent);
    const known = recent.get(itemId);
    const newlyAdded = kind === 'added' && !addedIds.has(itemId);
    if (newlyAdded) addedIds.add(itemId);
    if (kind !== 'removed' && (known === undefined || at > known)) recent.set(itemId, at);
    if (kind === 'removed') recent.delete(itemId);
    const minutes = new Set(room.activeMinutes);
    minutes.add(Math.floor((at - activity.startedAt) / MINUTE));
    rooms.set(roomId, {
      ...room,
      recent,
      added: room.added + (newlyAdded ? 1 : 0),
      lastChangeAt: Math.max(room.lastChangeAt ?? at, at),
      activeMinutes: minutes,
    });
  }
  return { ...activity, rooms, addedIds };
}

/** A poll of one room frame: its children and, where read, when each was made and changed. */
export type FramePoll = {
  readonly roomId: string;
  readonly childIds: readonly string[];
  readonly children: readonly { id: string; createdAt: number | null; modifiedAt: number | null }[];
};

/**
 * What changed between two polls of the rooms' frames. A new child was added, a missing one
 * removed, a child whose `modifiedAt` moved was changed. Times Miro reports are kept within
 * (previous poll, now], so a skewed clock cannot put a change in the future or before it was
 * possible to see.
 */
export function changesBetween(
  before: readonly FramePoll[] | null,
  after: readonly FramePoll[],
  previousAt: number,
  now: number,
): Observation[] {
  if (before === null) return [];
  const earlier = new Map(before.map((poll) => [poll.roomId, poll]));
  const within = (at: number | null) => (at === null || at <= previousAt || at > now ? now : at);
  const seen: Observation[] = [];
  for (const poll of after) {
    const old = earlier.get(poll.roomId);
    if (!old) continue;
    const oldIds = new Set(old.childIds);
    const newIds = new Set(poll.childIds);
    const oldTimes = new Map(old.children.map((child) => [child.id, child.modifiedAt]));
    const times = new Map(poll.children.map((child) => [child.id, child]));
    for (const id of poll.childIds) {
      const child = times.get(id);
      if (!oldIds.has(id)) {
        seen.push({
          roomId: poll.roomId,
          itemId: id,
          kind: 'added',
          at: within(child?.createdAt ?? null),
        });
      } else if (child?.modifiedAt != null && child.modifiedAt !== (oldTimes.get(id) ?? null)) {
        seen.push({
          roomId: poll.roomId,
          itemId: id,
          kind: 'changed',
          at: within(child.modifiedAt),
        });
      }
    }
    for (const id of old.childIds) {
      if (!newIds.has(id)) seen.push({ roomId: poll.roomId, itemId: id, kind: 'removed', at: now });
    }
  }
  return seen;
}

export function snapshotOf(activity: Activity, now: number): ActivitySnapshot {
  return {
    runId: activity.runId,
    startedAt: activity.startedAt,
    rooms: [...activity.rooms].map(([roomId, room]) => ({
      roomId,
      recentTimes: [...room.recent.values()].filter((at) => now - at < RECENT_MS),
      lastChangeAt: room.lastChangeAt,
      added: room.added,
      activeMinutes: activeMinutesOf(room),
    })),
  };
}

export type RoomActivityView = {
  /** Items added or changed in the last five minutes. */
  recentItems: number;
  lastChangeAt: number | null;
  quiet: boolean;
  added: number;
  activeMinutes: number;
};

/**
 * A room as its card shows it now. Quiet: people are in it, and nothing has changed for
 * `quietAfterMs` since the later of its last change and the start.
 */
export function roomActivity(
  snapshot: ActivitySnapshot,
  roomId: string,
  peopleIn: number,
  now: number,
  quietAfterMs = DEFAULT_QUIET_AFTER_MS,
): RoomActivityView {
  const room = snapshot.rooms.find((candidate) => candidate.roomId === roomId);
  const lastChangeAt = room?.lastChangeAt ?? null;
  const since = Math.max(lastChangeAt ?? snapshot.startedAt, snapshot.startedAt);
  return {
    recentItems: (room?.recentTimes ?? []).filter((at) => now - at < RECENT_MS).length,
    lastChangeAt,
    quiet: peopleIn > 0 && now - since >= quietAfterMs,
    added: room?.added ?? 0,
    activeMinutes: room?.activeMinutes ?? 0,
  };
}

const activeMinutesOf = (room: RoomActivity) => room.earlierMinutes + room.activeMinutes.size;

/** Forgets items that no longer count as recent, so a long run keeps memory bounded. */
export function forgetOld(activity: Activity, now: number): Activity {
  const rooms = new Map<string, RoomActivity>();
  for (const [roomId, room] of activity.rooms) {
    const recent = new Map([...room.recent].filter(([, at]) => now - at < RECENT_MS));
    rooms.set(roomId, { ...room, recent });
  }
  return { ...activity, rooms };
}

export const summariesOf = (activity: Activity): ActivitySummary[] =>
  [...activity.rooms].map(([roomId, room]) => ({
    roomId,
    added: room.added,
    lastChangeAt: room.lastChangeAt,
    activeMinutes: activeMinutesOf(room),
    lastActiveMinute: room.activeMinutes.size === 0 ? null : Math.max(...room.activeMinutes),
  }));

/** Rooms for the running screen: quiet ones first when the facilitator wants, order kept else. */
export function quietFirst<T extends { quiet: boolean }>(rooms: readonly T[]): T[] {
  return [...rooms.filter((room) => room.quiet), ...rooms.filter((room) => !room.quiet)];
}
