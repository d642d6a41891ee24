/** The plan a facilitator starts from: no rooms, nobody assigned, nothing running. */

import { emptyCoFacilitation } from './co-facilitation';
import { emptyFacilitation } from './facilitation';
import { DEFAULT_DURATION_MS, isValidId } from './limits';
import { type PersonRef, PLAN_SCHEMA_VERSION, type Plan } from './plan';
import { emptyPlanningFields } from './planning/plan-fields';
import { cleanName } from './text';

export type CreatePlanOptions = {
  runId: string;
  facilitator: PersonRef;
  /** Accepted for symmetry with other time-stamped events; a new plan records no time yet. */
  now?: number;
};

/** Throws on an empty or overlong id: that is a programming error, and such a plan could not be read back. */
export function createPlan({ runId, facilitator }: CreatePlanOptions): Plan {
  if (!isValidId(runId) || !isValidId(facilitator.id)) {
    throw new RangeError('createPlan needs a run id and a facilitator id of 1-200 characters');
  }
  return {
    schema: PLAN_SCHEMA_VERSION,
    revision: 0,
    runId,
    facilitator: { id: facilitator.id, name: cleanName(facilitator.name) },
    epoch: 0,
    phase: 'planning',
    rooms: [],
    people: [],
    mainArea: null,
    durationMs: DEFAULT_DURATION_MS,
    includeFacilitator: false,
    startedAt: null,
    endsAt: null,
    endedAt: null,
    timer: null,
    helpRequests: [],
    ...emptyPlanningFields(),
    facilitation: emptyFacilitation(),
    coFacilitation: emptyCoFacilitation(),
  };
}
