/**
 * The planning tools' part of the plan: self-select, pre-assignments, rotation rounds, frame item
 * counts and the report-back position; their bounds and their "not in use" state. Their stored
 * shapes are stored/planning.ts.
 */

import type { FrameItems, PreAssignment, ReportBackPosition, Rotation, SelfSelect } from '../plan';

/** An imported list is a workshop's worth of names; more would crowd out the people list. */
export const MAX_PRE_ASSIGNMENTS = 500;
export const MAX_ROTATION_ROUNDS_STORED = 20;
export const MAX_ROTATION_PEOPLE_STORED = 300;
export const MAX_CAPACITY = 2000;
/** Items in a frame are counted, not listed; a count beyond this is damage. */
export const MAX_ITEM_COUNT = 1_000_000;

export type PlanningFields = {
  selfSelect: SelfSelect | null;
  preAssignments: PreAssignment[];
  rotation: Rotation | null;
  frameItems: FrameItems | null;
  reportBack: ReportBackPosition | null;
};

export const emptyPlanningFields = (): PlanningFields => ({
  selfSelect: null,
  preAssignments: [],
  rotation: null,
  frameItems: null,
  reportBack: null,
});
