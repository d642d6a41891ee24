/**
 * Report-back after a breakout: the facilitator walks through the rooms one by one and each room
 * shares what it did. The order is the plan's room order (what everyone saw), rooms nobody was
 * in are skipped, and each room's summary is plain data for the view to show.
 */

import type { PersonStatus } from '../plan';
import { formatDuration } from './duration';

export type ReportBackRoom = { id: string; name: string; people: readonly unknown[] };

/** Room ids to visit, in room order, without empty rooms. */
export function reportBackOrder(rooms: readonly ReportBackRoom[]): string[] {
  const order: string[] = [];
  for (const room of rooms) {
    // A room listed twice reports once.
    if (room.people.length > 0 && !order.includes(room.id)) order.push(room.id);
  }
  return order;
}

export type ReportBackState = {
  order: readonly string[];
  /** -1 before the first room, `order.length` once every room has reported. */
  index: number;
};

export function startReportBack(rooms: readonly ReportBackRoom[]): ReportBackState {
  return { order: reportBackOrder(rooms), index: -1 };
}

export type ReportBackStep = {
  state: ReportBackState;
  /** The room to report now; null when every room has reported. */
  roomId: string | null;
  /** 1-based position of `roomId`, for "Room 2 of 5". */
  position: number;
  total: number;
  done: boolean;
};

function stepAt(state: ReportBackState): ReportBackStep {
  const total = state.order.length;
  const roomId = state.order[state.index] ?? null;
  return {
    state,
    roomId,
    position: roomId === null ? 0 : state.index + 1,
    total,
    done: state.index >= total,
  };
}

/** Moves to the next room; past the last room it stays done. */
export function nextReportBackStep(state: ReportBackState): ReportBackStep {
  const index = Math.min(Math.max(state.index, -1) + 1, state.order.length);
  return stepAt({ ...state, index });
}

/** Back to the previous room, for "go back, they were not finished"; never before the first. */
export function previousReportBackStep(state: ReportBackState): ReportBackStep {
  const index = Math.max(Math.min(state.index, state.order.length) - 1, 0);
  return stepAt({ ...state, index: state.order.length === 0 ? -1 : index });
}

export type SummaryPerson = { id: string; name: string; status: PersonStatus };

export type RoomSummaryInput = {
  room: { id: string; name: string };
  people: readonly SummaryPerson[];
  startedAt: number | null;
  endedAt: number | null;
  /** Items created inside the room's frame during the run; null when not counted. */
  itemsAddedInFrame: number | null;
};

export type RoomSummaryView = {
  roomId: string;
  roomName: string;
  /** People who were in the room at some point (joined, or joined and left). */
  attended: { id: string; name: string }[];
  /** People placed in the room who never came. */
  absent: { id: string; name: string }[];
  durationMs: number | null;
  /** "15 min", "1 h 5 min"; null when the run has no start or end yet. */
  durationText: string | null;
  itemsAdded: number | null;
  /** "12 items added", "1 item added", "No items added"; null when not counted. */
  itemsText: string | null;
};

const ATTENDED: ReadonlySet<PersonStatus> = new Set(['joined', 'left']);

export function roomSummary(input: RoomSummaryInput): RoomSummaryView {
  const durationMs =
    input.startedAt !== null && input.endedAt !== null
      ? Math.max(0, input.endedAt - input.startedAt)
      : null;
  const items =
    input.itemsAddedInFrame !== null && Number.isFinite(input.itemsAddedInFrame)
      ? Math.max(0, Math.floor(input.itemsAddedInFrame))
      : null;
  const ref = ({ id, name }: SummaryPerson) => ({ id, name });
  return {
    roomId: input.room.id,
    roomName: input.room.name,
    attended: input.people.filter((person) => ATTENDED.has(person.status)).map(ref),
    absent: input.people.filter((person) => !ATTENDED.has(person.status)).map(ref),
    durationMs,
    durationText: durationMs === null ? null : formatDuration(durationMs),
    itemsAdded: items,
    itemsText:
      items === null
        ? null
        : items === 0
          ? 'No items added'
          : `${items} ${items === 1 ? 'item' : 'items'} added`,
  };
}
