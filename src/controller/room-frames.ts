import type { FrameInfo } from '../domain/actions';
import { MAX_ROOMS } from '../domain/limits';
import { layoutRoomFrames } from '../domain/planning/room-frames';
import type { Board } from '../sdk/connect';
import { errorMessage } from '../sdk/retry';
import { isFrame } from '../sdk/surface';

/** More at once is a typo; more rooms can be made with a second click. */
export const MAX_FRAMES_PER_CLICK = 50;

export type CreatedFrames = { frames: FrameInfo[]; problem: string | null };

/**
 * Draws `count` copies of the template frame in a grid beside it ("Room 1…K"), all at once. The
 * template is read from the board, not from the panel, so it is where it is now.
 */
export async function createRoomFrames(
  board: Board,
  templateFrameId: string,
  count: number,
  roomsInPlan: number,
): Promise<CreatedFrames> {
  const wanted = Math.floor(count);
  const room = Math.min(MAX_FRAMES_PER_CLICK, MAX_ROOMS - roomsInPlan);
  if (!Number.isFinite(wanted) || wanted < 1 || wanted > room) {
    return { frames: [], problem: `Choose between 1 and ${Math.max(1, room)} rooms.` };
  }
  // Every frame, in one call: the template is among them, and the new ones must keep clear of all.
  const frames = (await board.get({ type: 'frame' })).filter(isFrame);
  const template = frames.find((frame) => frame.id === templateFrameId);
  if (!template) {
    return { frames: [], problem: 'The template frame is no longer on the board. Choose another.' };
  }
  const layout = layoutRoomFrames({ template, count: wanted, obstacles: frames });
  const created = await Promise.allSettled(
    layout.map(({ title, x, y, width, height }) =>
      board.createFrame({ title, x, y, width, height }),
    ),
  );
  const made: FrameInfo[] = [];
  let failure: unknown = null;
  for (const result of created) {
    if (result.status === 'fulfilled') {
      const { id, title, x, y, width, height } = result.value;
      made.push({ id, title, x, y, width, height });
    } else failure ??= result.reason;
  }
  const problem =
    failure === null
      ? null
      : `${wanted - made.length} of ${wanted} frames could not be created. ${errorMessage(failure)}`;
  return { frames: made, problem };
}
