import { useEffect } from 'react';
import { goodPlanOf, type PlanSnapshot } from '../controller/plan-reader';
import type { FrameInfo } from '../domain/actions';
import { reducePlan } from '../domain/reducer';
import { sameFields, usePlanSelector, usePlanStore } from '../hooks/plan-store';
import { useRunCommand } from '../hooks/use-commands';
import type { FrameRef } from '../sdk/surface';

type Props = { frames: readonly FrameRef[] | null };

const infoOf = ({ id, title, x, y, width, height }: FrameRef): FrameInfo => ({
  id,
  title,
  x,
  y,
  width,
  height,
});

/**
 * Keeps rooms in step with their frames: a frame renamed or moved on the board updates its room.
 * Only a change the reducer would actually make is sent, so nothing is written in a loop.
 * Renders nothing.
 */
const selectFrameUsers = (snapshot: PlanSnapshot) => {
  const plan = goodPlanOf(snapshot);
  return { rooms: plan?.rooms ?? null, mainArea: plan?.mainArea ?? null };
};

export function FrameSync({ frames }: Props) {
  const run = useRunCommand();
  const store = usePlanStore();
  // Only rooms and the main area matter here: a join elsewhere in the plan does not re-render this.
  const slice = usePlanSelector(selectFrameUsers, sameFields);
  useEffect(() => {
    const plan = goodPlanOf(store.get());
    if (!plan || !frames || slice.rooms === null) return;
    const seen = frames.map(infoOf);
    if (reducePlan(plan, { type: 'framesSeen', frames: seen }) === plan) return;
    void run({ type: 'edit', actions: [{ type: 'framesSeen', frames: seen }] });
  }, [slice, frames, run, store]);
  return null;
}
