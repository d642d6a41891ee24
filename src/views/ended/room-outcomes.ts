import { closureOf } from '../../domain/facilitation';
import type { Plan } from '../../domain/plan';
import { formatDuration } from '../../domain/planning/duration';
import { reportBackView } from '../shared/report-back-view';

/** One room after the end, as the facilitator reads it: who came, for how long, who did not. */
export type RoomOutcome = {
  roomId: string;
  roomName: string;
  attended: readonly Named[];
  declined: readonly Named[];
  /** Invited, and never said yes or no (closed the invitation, or it ran out). */
  neverAnswered: readonly Named[];
  /** Placed, but never invited (offline at the start, or added too late). */
  notInvited: readonly Named[];
  /** "15 min"; the room's own time when it was closed early; null when unknown. */
  durationText: string | null;
  itemsText: string | null;
};

type Named = { id: string; name: string };

/** The rooms that had people, in report-back order, each told apart by what people did. */
export function roomOutcomes(plan: Plan): RoomOutcome[] {
  return reportBackView(plan).summaries.map((summary) => {
    const absentIds = new Set(summary.absent.map((person) => person.id));
    const absent = plan.people.filter((person) => absentIds.has(person.id));
    const closedAt = closureOf(plan, summary.roomId)?.at ?? null;
    const durationText =
      closedAt !== null && plan.startedAt !== null
        ? formatDuration(Math.max(0, closedAt - plan.startedAt))
        : summary.durationText;
    return {
      roomId: summary.roomId,
      roomName: summary.roomName,
      attended: summary.attended,
      declined: absent.filter((person) => person.status === 'declined'),
      neverAnswered: absent.filter(
        (person) =>
          person.status === 'invited' ||
          person.status === 'dismissed' ||
          person.status === 'timed-out',
      ),
      notInvited: absent.filter((person) => person.status === 'assigned'),
      durationText,
      itemsText: summary.itemsText,
    };
  });
}
