import type { Plan } from '../../domain/plan';
import {
  type RoomSummaryView,
  reportBackOrder,
  roomSummary,
} from '../../domain/planning/report-back';
import { roomsOf } from '../../domain/reduce-planning';

export type ReportBackView = {
  /** Rooms that had people, in the order they report. */
  summaries: RoomSummaryView[];
  /** Null: the walk has not started for this run. */
  index: number | null;
};

/** The ended run's rooms as report-back shows them: who, how long, items added in the frame. */
export function reportBackView(plan: Plan): ReportBackView {
  const order = reportBackOrder(roomsOf(plan));
  const counts =
    plan.frameItems?.runId === plan.runId
      ? new Map(plan.frameItems.rooms.map((room) => [room.roomId, room]))
      : new Map();
  const summaries = order.flatMap((roomId) => {
    const room = plan.rooms.find((candidate) => candidate.id === roomId);
    if (!room) return [];
    const count = counts.get(roomId);
    return [
      roomSummary({
        room,
        people: plan.people.filter((person) => person.roomId === roomId),
        startedAt: plan.startedAt,
        endedAt: plan.endedAt,
        itemsAddedInFrame: count && count.atEnd !== null ? count.atEnd - count.atStart : null,
      }),
    ];
  });
  const index = plan.reportBack?.runId === plan.runId ? plan.reportBack.index : null;
  return { summaries, index };
}
