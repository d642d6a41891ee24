/** Where a viewport is, as the checks see it: by its centre. */
import { viewportOfMainArea } from '../src/controller/viewport';
import type { MainArea, Rect } from '../src/domain/plan';

/** Viewports are top-left based; `area` is centre based, like a frame. */
export const centreIn = (viewport: Rect, area: Rect): boolean => {
  const x = viewport.x + viewport.width / 2;
  const y = viewport.y + viewport.height / 2;
  return Math.abs(x - area.x) <= area.width / 2 && Math.abs(y - area.y) <= area.height / 2;
};

/** "Back in the main area": the centre within half the main area's size of its centre. */
export function isInMainArea(viewport: Rect, mainArea: MainArea): boolean {
  const home = viewportOfMainArea(mainArea);
  return centreIn(viewport, {
    x: home.x + home.width / 2,
    y: home.y + home.height / 2,
    width: home.width,
    height: home.height,
  });
}
