import { useCallback } from 'react';
import type { SimIframe } from '../simulator/api';
import { usePlayground } from './use-board';

/**
 * A DOM <iframe> running one of the app's real pages, bound to its simulated iframe so that the
 * page's `connect(window)` call finds its own `miro`. Key it by `sim.id`: a new simulated iframe
 * (reload, reopened panel) must be a new element, which reloads the page.
 */
export function AppIframe({
  sim,
  src,
  title,
  className,
  hidden = false,
}: {
  sim: SimIframe;
  src: string;
  title: string;
  className?: string;
  hidden?: boolean;
}) {
  const { registry } = usePlayground();
  const bind = useCallback(
    (element: HTMLIFrameElement | null) => (element ? registry.register(element, sim) : undefined),
    [registry, sim],
  );
  return (
    <iframe
      ref={bind}
      src={src}
      title={title}
      className={className}
      data-kind={sim.kind}
      // The headless page has no UI; keep it out of the tab order and the accessibility tree.
      tabIndex={hidden ? -1 : undefined}
      aria-hidden={hidden || undefined}
    />
  );
}
