import type { MainArea, Rect } from '../domain/plan';

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
