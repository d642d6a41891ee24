/**
 * A record of past breakouts, kept in board storage so a facilitator can see who met whom and run
 * the same groups again. Storage keys hold at most 64 KB (limits.ts), so the history drops its
 * oldest entries to stay within a byte budget; and, like everything read from storage, it is
 * validated on the way in and never throws.
 */

import * as v from 'valibot';
import { utf8ByteLength } from '../bytes';
import type { Person, Plan } from '../plan';
import { PersonRefSchema } from '../stored/shapes';
import { field, id, isRecord, list, name, readStored, record, timestamp } from '../stored/valid';

export const HISTORY_VERSION = 1;
export const HISTORY_MAX_BYTES = 60_000;
/** A sanity bound for the reader; the byte budget bites long before. */
const MAX_ENTRIES = 1000;
const MAX_ROOMS_PER_ENTRY = 200;
const MAX_PEOPLE_PER_ROOM = 2000;

const HistoryRoomSchema = record({
  name: name(),
  people: list(PersonRefSchema, MAX_PEOPLE_PER_ROOM),
});

export const HistoryEntrySchema = record({
  runId: id(),
  startedAt: timestamp(),
  /** Null while the breakout still runs. */
  endedAt: v.nullable(timestamp()),
  rooms: list(HistoryRoomSchema, MAX_ROOMS_PER_ENTRY),
});

export type HistoryRoom = v.InferOutput<typeof HistoryRoomSchema>;
export type HistoryEntry = v.InferOutput<typeof HistoryEntrySchema>;
export type History = { version: typeof HISTORY_VERSION; entries: HistoryEntry[] };

/** The envelope is read first; each entry on its own, so damage costs one entry. */
const HistoryListSchema = record({ entries: list(v.unknown(), MAX_ENTRIES) });

export const emptyHistory = (): History => ({ version: HISTORY_VERSION, entries: [] });

export function historyBytes(history: History): number {
  return utf8ByteLength(JSON.stringify(history));
}

export type AppendResult = {
  history: History;
  /** Run ids of the old entries dropped to make room, oldest first. */
  dropped: string[];
  /** The new entry alone is larger than the budget: the history is returned unchanged. */
  tooLarge: boolean;
};

/**
 * Adds `entry` as the newest entry (replacing an entry with the same run id, so recording a run
 * twice is harmless) and drops the oldest entries until the stored JSON fits `maxBytes`.
 */
export function appendHistory(
  history: History,
  entry: HistoryEntry,
  maxBytes = HISTORY_MAX_BYTES,
): AppendResult {
  const older = history.entries.filter((existing) => existing.runId !== entry.runId);
  const overhead = historyBytes(emptyHistory());
  const entryBytes = (value: HistoryEntry) => utf8ByteLength(JSON.stringify(value));
  const newest = entryBytes(entry);
  if (overhead + newest > maxBytes) return { history, dropped: [], tooLarge: true };
  // Sizes add up exactly: the entries are joined by one comma each inside the fixed wrapper.
  const sizes = older.map(entryBytes);
  let total = overhead + newest + sizes.reduce((sum, size) => sum + size + 1, 0);
  let firstKept = 0;
  while (total > maxBytes && firstKept < older.length) {
    total -= (sizes[firstKept] as number) + 1;
    firstKept++;
  }
  return {
    history: { version: HISTORY_VERSION, entries: [...older.slice(firstKept), entry] },
    dropped: older.slice(0, firstKept).map((dropped) => dropped.runId),
    tooLarge: false,
  };
}

export type HistoryReadResult =
  | { status: 'ok'; history: History /** Damaged entries left out. */; skipped: number }
  | { status: 'empty' }
  | { status: 'corrupt'; message: string }
  | { status: 'future'; version: number; message: string };

/** Reads stored history. One damaged entry costs that entry, not the whole history. */
export function parseHistory(raw: unknown): HistoryReadResult {
  try {
    if (raw === undefined || raw === null) return { status: 'empty' };
    if (!isRecord(raw)) return { status: 'corrupt', message: 'The breakout history is damaged.' };
    const version = field(raw, 'version');
    if (typeof version === 'number' && version > HISTORY_VERSION) {
      return {
        status: 'future',
        version,
        message: 'The breakout history was saved by a newer version of the app. Reload to update.',
      };
    }
    if (version !== HISTORY_VERSION) {
      return { status: 'corrupt', message: 'The breakout history is damaged: unknown version.' };
    }
    const read = readStored(HistoryListSchema, raw);
    if (!read.ok) {
      return { status: 'corrupt', message: `The breakout history is damaged: ${read.detail}.` };
    }
    const entries: HistoryEntry[] = [];
    let skipped = 0;
    for (const entry of read.value.entries) {
      const one = readStored(HistoryEntrySchema, entry);
      if (one.ok) entries.push(one.value);
      else skipped++;
    }
    return { status: 'ok', history: { version: HISTORY_VERSION, entries }, skipped };
  } catch {
    return { status: 'corrupt', message: 'The breakout history is damaged.' };
  }
}

/** The groups of a past run, to place the same people together again. Empty rooms are left out. */
export function groupsOf(entry: HistoryEntry): HistoryRoom[] {
  const placed = new Set<string>();
  const groups: HistoryRoom[] = [];
  for (const room of entry.rooms) {
    // A person recorded in two rooms (moved mid-run) goes with the first.
    const people = room.people.filter((person) => !placed.has(person.id));
    for (const person of people) placed.add(person.id);
    if (people.length > 0) groups.push({ name: room.name, people });
  }
  return groups;
}

/** The entry for a started breakout, rooms in plan order; null if it never started. */
export function historyEntryOf(plan: Plan): HistoryEntry | null {
  if (plan.startedAt === null) return null;
  const byRoom = new Map<string, Person[]>();
  for (const person of plan.people) {
    if (person.roomId !== null)
      byRoom.set(person.roomId, [...(byRoom.get(person.roomId) ?? []), person]);
  }
  return {
    runId: plan.runId,
    startedAt: plan.startedAt,
    endedAt: plan.endedAt,
    rooms: plan.rooms.map((room) => ({
      name: room.name,
      people: (byRoom.get(room.id) ?? []).map(({ id, name }) => ({ id, name })),
    })),
  };
}
