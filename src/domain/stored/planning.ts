/**
 * The stored shapes of the planning tools (planning/plan-fields.ts has their bounds). These fields
 * came after plan version 1 without a new version (other fields are added at the same time), so a
 * plan without them reads as "none of these tools in use"; a plan with them damaged is damaged
 * like any other field. Rules that need the plan's rooms (a pre-assignment's room) are checked
 * with the plan.
 */

import * as v from 'valibot';
import {
  MAX_CAPACITY,
  MAX_ITEM_COUNT,
  MAX_PRE_ASSIGNMENTS,
  MAX_ROTATION_PEOPLE_STORED,
  MAX_ROTATION_ROUNDS_STORED,
} from '../planning/plan-fields';
import { PersonRefSchema } from './shapes';
import { count, id, list, name, record, rule, wholeNumber } from './valid';

const MAX_ROOMS_LISTED = 200;

/** Participants pick their room; `capacity` null means no limit per room. */
export const SelfSelectSchema = record({
  capacity: v.nullable(count({ min: 1, max: MAX_CAPACITY, integer: true })),
});

/** One row of an imported list: a display name (never an email, D11) and the room it goes to. */
export const PreAssignmentSchema = record({ name: name(), roomId: id() });

const groupSchema = list(wholeNumber(), MAX_ROTATION_PEOPLE_STORED);

/**
 * Rotation rounds: `people` once, and each round as room → indexes into `people`, so a schedule of
 * 100 people × 10 rounds costs a few KB. Room i of a round goes to `roomIds[i]`.
 */
export const RotationSchema = v.pipe(
  record({
    people: list(PersonRefSchema, MAX_ROTATION_PEOPLE_STORED),
    roomIds: list(id(), MAX_ROOMS_LISTED),
    rounds: list(list(groupSchema, MAX_ROOMS_LISTED), MAX_ROTATION_ROUNDS_STORED),
    /** The round the next "Start round" applies (0-based); `rounds.length` once all have run. */
    next: wholeNumber(),
    repeatPairs: wholeNumber(),
    lowerBound: wholeNumber(),
  }),
  rule((rotation) => {
    for (const [r, round] of rotation.rounds.entries()) {
      if (round.length !== rotation.roomIds.length) {
        return { at: ['rounds', r], problem: 'should list one group per room' };
      }
      for (const [i, group] of round.entries()) {
        const bad = group.findIndex((index) => index >= rotation.people.length);
        if (bad >= 0) return { at: ['rounds', r, i, bad], problem: "should be a person's number" };
      }
    }
    if (rotation.next > rotation.rounds.length) {
      const problem = `should be a whole number from 0 to ${rotation.rounds.length}`;
      return { at: ['next'], problem };
    }
    return null;
  }),
);

const itemCount = () => wholeNumber(0, MAX_ITEM_COUNT);

export const FrameItemCountSchema = record({
  roomId: id(),
  atStart: itemCount(),
  atEnd: v.nullable(itemCount()),
});

/** Items in each room's frame at start and end of one run, for the report-back summary. */
export const FrameItemsSchema = record({
  runId: id(),
  rooms: list(FrameItemCountSchema, MAX_ROOMS_LISTED),
});

/** -1 before the first room; the room order is `reportBackOrder` of the ended plan. */
export const ReportBackSchema = record({
  runId: id(),
  index: count({ min: -1, max: MAX_ROOMS_LISTED, integer: true }),
});

/** The planning fields as entries of the plan (absent or null = that tool is not in use). */
export const PLANNING_ENTRIES = {
  /** Null: rooms are not open for participants to pick. */
  selfSelect: v.nullish(SelfSelectSchema, null),
  /** Names from an imported list, placed into their room when that person comes online. */
  preAssignments: v.nullish(list(PreAssignmentSchema, MAX_PRE_ASSIGNMENTS), () => []),
  rotation: v.nullish(RotationSchema, null),
  frameItems: v.nullish(FrameItemsSchema, null),
  /** Where the report-back walk is; only meaningful for its own run, after the end. */
  reportBack: v.nullish(ReportBackSchema, null),
};

export type SelfSelect = v.InferOutput<typeof SelfSelectSchema>;
export type PreAssignment = v.InferOutput<typeof PreAssignmentSchema>;
export type Rotation = v.InferOutput<typeof RotationSchema>;
export type FrameItemCount = v.InferOutput<typeof FrameItemCountSchema>;
export type FrameItems = v.InferOutput<typeof FrameItemsSchema>;
export type ReportBackPosition = v.InferOutput<typeof ReportBackSchema>;
