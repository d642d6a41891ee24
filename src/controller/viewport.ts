import type { MainArea, Rect } from '../domain/plan';
import type { Board } from '../sdk/connect';

/** Room around a frame when someone is taken to it, as a share of its size. */
const PADDING = 0.08;

/**
 * Board items report their centre (miro-sdk.md 2.10) while a viewport is given by its top-left
 * corner (2.11): this turns a stored frame into the viewport that shows all of it.
 */
export function viewportAroundFrame(frame: Rect): Rect {
  const width = frame.width * (1 + 2 * PADDING);
  const height = frame.height * (1 + 2 * PADDING);
  return { x: frame.x - width / 2, y: frame.y - height / 2, width, height };
}

export function viewportOfMainArea(mainArea: MainArea): Rect {
  return mainArea.kind === 'frame' ? viewportAroundFrame(mainArea.frame) : mainArea.rect;
}

/**
 * This user's own viewport, moved by several parts of the app (into a room, back from a closed
 * room, back at the end, report-back). Moves go out one at a time, in the order they were asked
 * for, so the latest wish wins: a move into a room that is still on its way when the room closes
 * cannot land after the move back.
 */
export class ViewportMover {
  private last: Promise<unknown> = Promise.resolve();

  constructor(private readonly board: Board) {}

  move(viewport: Rect): Promise<void> {
    const next = this.last.then(() => this.board.viewport.set({ viewport }));
    this.last = next.catch(() => {});
    return next.then(() => {});
  }
}
