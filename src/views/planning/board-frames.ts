import type { Plan } from '../../domain/plan';

/**
 * The plan as the board shows it now: a room whose frame was listed on the board and no longer
 * is counts as missing at once, before the controller has recorded it, so Start is blocked with
 * the reason right away. A frame the list has never shown (just created, and the list not read
 * again yet) is not missing: the next read brings it.
 */
export function withBoardFrames(
  plan: Plan,
  listed: ReadonlySet<string> | null,
  everListed: ReadonlySet<string>,
): Plan {
  if (listed === null) return plan;
  const gone = (frameId: string) => everListed.has(frameId) && !listed.has(frameId);
  if (!plan.rooms.some((room) => !room.frameMissing && gone(room.frameId))) return plan;
  return {
    ...plan,
    rooms: plan.rooms.map((room) => (gone(room.frameId) ? { ...room, frameMissing: true } : room)),
  };
}
