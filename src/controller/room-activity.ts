import type { Plan } from '../domain/plan';
import { PLAN_COLLECTION } from '../domain/plan';
import {
  type Activity,
  changesBetween,
  DEFAULT_QUIET_AFTER_MS,
  type FramePoll,
  forgetOld,
  type Observation,
  observe,
  resumeActivity,
  snapshotOf,
  startActivity,
  summariesOf,
} from '../domain/rooms/activity';
import { standsIn } from '../domain/rooms/make-plan';
import {
  encodeRoomsActivity,
  ROOMS_ACTIVITY_KEY,
  type RoomsActivity,
  readRoomsActivity,
} from '../domain/rooms/stored';
import type { Board } from '../sdk/connect';
import type { BoardItem, ItemsEvent, Json } from '../sdk/surface';
import type { RoomsWork } from './rooms-work';

/** One poll a minute, of two calls (the rooms' frames, then all their children): 2 calls a minute. */
export const ACTIVITY_POLL_MS = 60_000;
/** The summary (totals per room, for the after-the-end summary) is stored this often, if changed. */
const STORE_EVERY_POLLS = 5;

export type ActivityDeps = {
  board: Board;
  isFacilitator: (plan?: Plan | null) => boolean;
  runsHere: () => boolean;
  now: () => number;
  changed: () => void;
};

const time = (value: unknown): number | null => {
  const at = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isFinite(at) ? at : null;
};

/**
 * Watches the rooms while they run, in the facilitator's headless app: item events where Miro
 * sends them (whether it sends them to this app is undocumented, I1) and a slow poll of the
 * rooms' frames, which works without any event, for any number of rooms at 2 calls a minute.
 * Nothing is sent to participants.
 */
export class RoomActivityWatcher {
  private activity: Activity | null = null;
  private plan: Plan | null = null;
  private polls: FramePoll[] | null = null;
  private polledAt = 0;
  private pollCount = 0;
  private storedSummary = '';
  private timer: ReturnType<typeof setTimeout> | null = null;
  private quietAfterMs = DEFAULT_QUIET_AFTER_MS;
  private watching = false;

  constructor(private readonly deps: ActivityDeps) {}

  /** The rooms' activity for the panel; after the end, the run's totals. */
  work(): RoomsWork['activity'] {
    if (!this.activity) return null;
    return {
      snapshot: snapshotOf(this.activity, this.deps.now()),
      quietAfterMs: this.quietAfterMs,
    };
  }

  async setQuietAfter(ms: number): Promise<void> {
    this.quietAfterMs = Math.min(24 * 60 * 60_000, Math.max(60_000, Math.round(ms)));
    this.deps.changed();
    await this.store(true);
  }

  planChanged(plan: Plan | null): void {
    const ours = plan !== null && this.deps.isFacilitator(plan) && this.deps.runsHere();
    if (!ours || !plan) {
      this.stopWatching();
      return;
    }
    this.plan = plan;
    if (plan.phase === 'running' && (!this.watching || this.activity?.runId !== plan.runId)) {
      void this.watch(plan);
    } else if (plan.phase !== 'running' && plan.phase !== 'starting' && this.watching) {
      // The end: one last look, then the totals are kept for the summary.
      void this.poll().then(() => this.store(true));
      this.stopWatching();
    } else if (plan.phase === 'ended' && !this.activity) {
      void this.readStored(plan);
    }
  }

  stop(): void {
    this.stopWatching();
  }

  private async watch(plan: Plan): Promise<void> {
    this.stopWatching();
    this.watching = true;
    const startedAt = plan.startedAt ?? this.deps.now();
    const stored = await this.readSummary();
    this.activity =
      stored?.runId === plan.runId
        ? resumeActivity(plan.runId, startedAt, stored.rooms.map(toSummary))
        : startActivity(plan.runId, startedAt);
    if (stored) this.quietAfterMs = stored.quietAfterMs;
    this.polls = null;
    this.pollCount = 0;
    await Promise.all([
      this.deps.board.ui.on('items:create', this.onCreate),
      this.deps.board.ui.on('experimental:items:update', this.onUpdate),
      this.deps.board.ui.on('items:delete', this.onDelete),
    ]).catch(() => {});
    await this.poll();
    this.deps.changed();
  }

  private stopWatching(): void {
    if (this.timer !== null) globalThis.clearTimeout(this.timer);
    this.timer = null;
    if (!this.watching) return;
    this.watching = false;
    void this.deps.board.ui.off('items:create', this.onCreate);
    void this.deps.board.ui.off('experimental:items:update', this.onUpdate);
    void this.deps.board.ui.off('items:delete', this.onDelete);
  }

  private async readStored(plan: Plan): Promise<void> {
    const stored = await this.readSummary();
    if (stored?.runId !== plan.runId) return;
    this.quietAfterMs = stored.quietAfterMs;
    this.activity = resumeActivity(plan.runId, stored.startedAt, stored.rooms.map(toSummary));
    this.deps.changed();
  }

  private async readSummary(): Promise<RoomsActivity | null> {
    const raw = await this.deps.board.storage
      .collection(PLAN_COLLECTION)
      .get(ROOMS_ACTIVITY_KEY)
      .catch(() => undefined);
    if (raw === undefined) return null;
    const read = readRoomsActivity(raw);
    return read.ok ? read.value : null;
  }

  private readonly onCreate = (event: ItemsEvent) => this.heard(event, 'added');
  private readonly onUpdate = (event: ItemsEvent) => this.heard(event, 'changed');
  private readonly onDelete = (event: ItemsEvent) => this.heard(event, 'removed');

  /** An item event: each item counts for the room whose frame holds it. */
  private heard(event: ItemsEvent, kind: Observation['kind']): void {
    const plan = this.plan;
    if (!this.activity || !plan || !Array.isArray(event?.items)) return;
    const at = this.deps.now();
    const seen: Observation[] = [];
    for (const item of event.items) {
      const room = roomOf(plan, item);
      if (room) seen.push({ roomId: room, itemId: item.id, kind, at });
    }
    if (seen.length === 0) return;
    this.activity = observe(this.activity, seen);
    this.deps.changed();
  }

  /** The rooms' frames, then all their children: two calls, whatever the number of rooms. */
  private async poll(): Promise<void> {
    const plan = this.plan;
    if (!plan || !this.activity) return;
    const rooms = plan.rooms.filter((room) => !room.frameMissing);
    try {
      const frames =
        rooms.length === 0 ? [] : await this.deps.board.get({ id: rooms.map((r) => r.frameId) });
      const childIds = frames.flatMap((frame) =>
        'childrenIds' in frame && Array.isArray(frame.childrenIds) ? frame.childrenIds : [],
      );
      const children = childIds.length === 0 ? [] : await this.deps.board.get({ id: childIds });
      const byId = new Map(children.map((child) => [child.id, child]));
      const now = this.deps.now();
      const polls: FramePoll[] = rooms.flatMap((room) => {
        const frame = frames.find((f) => f.id === room.frameId);
        if (!frame || !('childrenIds' in frame)) return [];
        return [
          {
            roomId: room.id,
            childIds: frame.childrenIds,
            children: frame.childrenIds.map((id) => {
              const child = byId.get(id);
              return { id, createdAt: time(child?.createdAt), modifiedAt: time(child?.modifiedAt) };
            }),
          },
        ];
      });
      const seen = changesBetween(this.polls, polls, this.polledAt, now);
      this.polls = polls;
      this.polledAt = now;
      if (this.activity) this.activity = forgetOld(observe(this.activity, seen), now);
      this.pollCount += 1;
      this.deps.changed();
      if (this.pollCount % STORE_EVERY_POLLS === 0) await this.store(false);
    } catch {
      // A failed poll is not final: the next one compares with the last good one.
    } finally {
      if (this.watching) {
        this.timer = globalThis.setTimeout(() => void this.poll(), ACTIVITY_POLL_MS);
      }
    }
  }

  private async store(force: boolean): Promise<void> {
    if (!this.activity) return;
    const record = {
      schema: 1 as const,
      kind: 'rooms-activity' as const,
      runId: this.activity.runId,
      startedAt: this.activity.startedAt,
      quietAfterMs: this.quietAfterMs,
      rooms: summariesOf(this.activity).map(
        (s) => [s.roomId, s.added, s.lastChangeAt, s.activeMinutes, s.lastActiveMinute] as const,
      ),
    };
    const encoded = encodeRoomsActivity(record as unknown as RoomsActivity);
    if (!encoded.ok) return;
    const text = JSON.stringify(encoded.value);
    if (!force && text === this.storedSummary) return;
    this.storedSummary = text;
    await this.deps.board.storage
      .collection(PLAN_COLLECTION)
      .set(ROOMS_ACTIVITY_KEY, encoded.value as unknown as Json)
      .catch(() => {
        this.storedSummary = '';
      });
  }
}

const toSummary = ([
  roomId,
  added,
  lastChangeAt,
  activeMinutes,
  lastActiveMinute,
]: RoomsActivity['rooms'][number]) => ({
  roomId,
  added,
  lastChangeAt,
  activeMinutes,
  lastActiveMinute,
});

/** The room an item belongs to: its frame's, or the room frame it stands in (not yet a child). */
function roomOf(plan: Plan, item: BoardItem): string | null {
  if (typeof item?.id !== 'string') return null;
  const rooms = plan.rooms;
  if (rooms.some((room) => room.frameId === item.id)) return null;
  const parent = item.parentId;
  if (typeof parent === 'string') return rooms.find((room) => room.frameId === parent)?.id ?? null;
  return rooms.find((room) => standsIn(room.frame, item))?.id ?? null;
}
