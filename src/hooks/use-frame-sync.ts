import { useEffect } from 'react';
import { goodPlanOf, type PlanSnapshot } from '../controller/plan-snapshot';
import type { FrameInfo } from '../domain/actions';
// The rooms' own reducer, not the whole reducePlan (framesSeen applies in every phase): this hook
// runs in the panel's first load, which need not carry every other action's reducer.
import { framesSeen as framesSeenIn } from '../domain/reduce-rooms';
import type { FrameRef } from '../sdk/surface';
import { sameFields, usePlanSelector, usePlanStore } from './plan-store';
import { usePlanEdits } from './use-plan-edits';

const infoOf = ({ id, title, x, y, width, height }: FrameInfo): FrameInfo => ({
  id,
  title,
  x,
  y,
  width,
  height,
});

// Only rooms and the main area matter here: a join elsewhere in the plan does not run this.
const frameUsersOf = (snapshot: PlanSnapshot) => {
  const plan = goodPlanOf(snapshot);
  return { rooms: plan?.rooms ?? null, mainArea: plan?.mainArea ?? null };
};

/**
 * Keeps rooms in step with their frames while the facilitator's panel is open: a frame renamed
 * or moved on the board updates its room, a deleted one marks it. Only a change the reducer
 * would actually make is sent, so nothing is written in a loop.
 */
export function useFrameSync(frames: readonly FrameRef[] | null): void {
  const { framesSeen } = usePlanEdits();
  const store = usePlanStore();
  const slice = usePlanSelector(frameUsersOf, sameFields);
  useEffect(() => {
    const plan = goodPlanOf(store.get());
    if (!plan || !frames || slice.rooms === null) return;
    const seen = frames.map(infoOf);
    if (framesSeenIn(plan, { type: 'framesSeen', frames: seen }) === plan) return;
    void framesSeen(frames);
  }, [slice, frames, framesSeen, store]);
}
