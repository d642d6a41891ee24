import type { PlanAction } from '../domain/actions';
import type { Plan } from '../domain/plan';
import { type FrameRef, type ItemRef, isFrame } from '../sdk/surface';

const roomFramesOf = (plan: Plan) => new Set(plan.rooms.map((room) => room.frameId));

/** Room frames deleted on the board: their rooms block the next start until removed (D8). */
export function deletedRoomFrames(plan: Plan, items: readonly ItemRef[]): PlanAction[] {
  const roomFrames = roomFramesOf(plan);
  return items
    .filter((item) => roomFrames.has(item.id))
    .map((item) => ({ type: 'frameDeleted', frameId: item.id }));
}

/** Room frames renamed or moved: room names (unless renamed by hand) and positions follow. */
export function changedRoomFrames(plan: Plan, items: readonly ItemRef[]): PlanAction[] {
  const roomFrames = roomFramesOf(plan);
  const frames = items.filter((item): item is FrameRef => isFrame(item) && roomFrames.has(item.id));
  if (frames.length === 0) return [];
  return [
    {
      type: 'framesSeen',
      frames: frames.map(({ id, title, x, y, width, height }) => ({
        id,
        title,
        x,
        y,
        width,
        height,
      })),
    },
  ];
}
