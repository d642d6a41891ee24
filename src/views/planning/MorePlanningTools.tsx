import { lazy, memo, Suspense, useCallback, useState } from 'react';
import type { FrameRef, OnlineUserInfo } from '../../sdk/surface';

/**
 * Loaded only when opened: the rotation search and the list parser are most of the tools' code,
 * and most breakouts never need them, so the panel's first load does not pay for them.
 */
const PlanningTools = lazy(() => import('./PlanningTools'));

type Props = {
  meId: string;
  onlineUsers: readonly OnlineUserInfo[];
  frames: readonly FrameRef[] | null;
};

/** Self-select, pre-assignment, rotation, room frames and history, folded away by default. */
export const MorePlanningTools = memo(function MorePlanningTools(props: Props) {
  const [open, setOpen] = useState(false);
  const toggle = useCallback(
    (event: React.SyntheticEvent<HTMLDetailsElement>) => setOpen(event.currentTarget.open),
    [],
  );
  return (
    <details className="section planning-tools" onToggle={toggle}>
      <summary className="h4">More planning tools</summary>
      {open && (
        <Suspense fallback={<p role="status">Loading the planning tools…</p>}>
          <PlanningTools {...props} />
        </Suspense>
      )}
    </details>
  );
});
