import type { Plan } from '../domain/plan';
import { reportBackOrder } from '../domain/planning/report-back';
import { roomsOf } from '../domain/reduce-planning';
import type { Board } from '../sdk/connect';
import { type ItemRef, isFrame } from '../sdk/surface';
import { type ViewportMover, viewportAroundFrame } from './viewport';

/** The room the report-back walk is at, or null (not walking, another run, before or after). */
export function reportBackRoom(plan: Plan) {
  const position = plan.reportBack;
  if (plan.phase !== 'ended' || position === null || position.runId !== plan.runId) return null;
  const roomId = reportBackOrder(roomsOf(plan))[position.index];
  return plan.rooms.find((room) => room.id === roomId) ?? null;
}

/**
 * Every user's own part of report-back: when the facilitator moves the walk to the next room,
 * each headless app moves its own user's viewport there (one call per person per room, and
 * nobody else's viewport, as in the rest of the app).
 */
export class ReportBackFollower {
  private shown: string | null = null;

  constructor(private readonly viewport: ViewportMover) {}

  planChanged(plan: Plan): void {
    const room = reportBackRoom(plan);
    if (room === null) {
      this.shown = null;
      return;
    }
    const step = `${plan.runId}:${plan.reportBack?.index}`;
    if (this.shown === step) return;
    this.shown = step;
    this.viewport.move(viewportAroundFrame(room.frame)).catch(() => {
      // Not moved: the next step tries again; the room is named in the panel meanwhile.
      if (this.shown === step) this.shown = null;
    });
  }
}

/** Items inside each room's frame, by room id, from frames read off the board. */
export function itemCounts(plan: Plan, items: readonly ItemRef[]): Record<string, number> {
  const byFrame = new Map(items.filter(isFrame).map((frame) => [frame.id, frame]));
  const counts: Record<string, number> = {};
  for (const room of plan.rooms) {
    const frame = byFrame.get(room.frameId);
    if (frame && Array.isArray(frame.childrenIds)) counts[room.id] = frame.childrenIds.length;
  }
  return counts;
}

/** One `board.get` for all room frames; nothing when the lookup fails (the summary says so). */
export async function countFrameItems(board: Board, plan: Plan): Promise<Record<string, number>> {
  const ids = plan.rooms.filter((room) => !room.frameMissing).map((room) => room.frameId);
  if (ids.length === 0) return {};
  try {
    return itemCounts(plan, await board.get({ id: ids }));
  } catch {
    return {};
  }
}
