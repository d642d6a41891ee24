/**
 * The stored shape of facilitation (facilitation.ts has its bounds and what is derived from it).
 * The field came after plan version 1 without a new version (other fields are added at the same
 * time), so a plan without it reads as "nothing happened yet"; a plan with it damaged is damaged
 * like any other field.
 */

import * as v from 'valibot';
import {
  MAX_ANNOUNCEMENT_LENGTH,
  MAX_ANNOUNCEMENTS,
  MAX_HELP_ON_THE_WAY,
  MAX_WARNING_MS,
  MIN_WARNING_MS,
} from '../facilitation';
import { MAX_ROOMS } from '../limits';
import { count, id, list, record, text, timestamp } from './valid';

/** A message from the facilitator to every room; each participant's own app shows it once. */
export const AnnouncementSchema = record({
  id: id(),
  text: text(MAX_ANNOUNCEMENT_LENGTH),
  at: timestamp(),
});

/** A room closed before the end: its session is over and its people are back in the main area. */
export const RoomClosureSchema = record({ roomId: id(), at: timestamp() });

/**
 * What the facilitator changes while rooms run. Reset at every new run except `warningMs`, which
 * is a setting. Lists are bounded so the plan stays far below 64 KB. Which rooms the lists may
 * name is a rule of the whole plan (schema.ts).
 */
export const FacilitationSchema = record({
  /** How long before the end everyone is warned (30-120 s). */
  warningMs: count({ min: MIN_WARNING_MS, max: MAX_WARNING_MS, integer: true }),
  /** Set while the countdown is paused: time left is `endsAt - pausedAt`. */
  pausedAt: v.nullable(timestamp()),
  /** Newest last; at most MAX_ANNOUNCEMENTS. */
  announcements: list(AnnouncementSchema, MAX_ANNOUNCEMENTS),
  /** Rooms that take nobody new: no invitations, no rejoin requests. */
  lockedRoomIds: list(id(), MAX_ROOMS),
  closedRooms: list(RoomClosureSchema, MAX_ROOMS),
  /**
   * Help requests the facilitator is on the way to, identified by person and the request's time,
   * so a request made again later is a new one and is not shown as answered.
   */
  helpOnTheWay: list(record({ personId: id(), at: timestamp() }), MAX_HELP_ON_THE_WAY),
});
