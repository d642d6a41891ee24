/**
 * What the panel is told of the rooms' activity (activity.ts computes it): plain data sent over
 * the panel link, read there with this definition. Its own file, so the panel's first load
 * carries this and not the activity's bookkeeping.
 */

import * as v from 'valibot';
import { anyText, finiteNumber } from '../stored/valid';

/** What a panel needs of a room's activity: plain data, computed into a view with its own clock. */
const RoomSnapshotSchema = v.object({
  roomId: anyText(),
  /** When each recently changed item last changed. */
  recentTimes: v.array(finiteNumber(), 'should be a list'),
  lastChangeAt: v.nullable(finiteNumber()),
  added: finiteNumber(),
  activeMinutes: finiteNumber(),
});

/** Sent from the headless app to its panel, which reads it with this definition. */
export const ActivitySnapshotSchema = v.object({
  runId: anyText(),
  startedAt: finiteNumber(),
  rooms: v.array(RoomSnapshotSchema, 'should be a list'),
});

export type RoomSnapshot = v.InferOutput<typeof RoomSnapshotSchema>;
export type ActivitySnapshot = v.InferOutput<typeof ActivitySnapshotSchema>;
