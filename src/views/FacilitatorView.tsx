import { lazy, memo, Suspense } from 'react';
import type { PersonRef, Phase } from '../domain/plan';
import { useFrameSync } from '../hooks/use-frame-sync';
import { useFrames } from '../hooks/use-frames';
import type { FrameRef, OnlineUserInfo } from '../sdk/surface';
import { loading } from './shared/Loading';

// Each phase's controls load when the breakout reaches that phase: a participant's panel never
// downloads them, and a facilitator only what the current phase needs (panel JS ≤ 90 KB gzip).
const PlanningView = lazy(() =>
  import('./planning/PlanningView').then((module) => ({ default: module.PlanningView })),
);
const RunningBoard = lazy(() =>
  import('./running/RunningBoard').then((module) => ({ default: module.RunningBoard })),
);
const AfterTheBreakout = lazy(() =>
  import('./ended/AfterTheBreakout').then((module) => ({ default: module.AfterTheBreakout })),
);

type Props = {
  me: PersonRef;
  phase: Phase;
  onlineUsers: readonly OnlineUserInfo[];
  onlineIds: ReadonlySet<string>;
  selectedFrames: readonly FrameRef[];
};

/** The facilitator's panel: plan, run, then look back. Re-renders only when the phase changes. */
export const FacilitatorView = memo(function FacilitatorView({
  me,
  phase,
  onlineUsers,
  onlineIds,
  selectedFrames,
}: Props) {
  const frames = useFrames();
  const boardFrames = frames.status === 'ready' ? frames.value : null;
  useFrameSync(boardFrames);
  return (
    <Suspense fallback={loading}>
      {phase === 'planning' && (
        <PlanningView
          meId={me.id}
          onlineUsers={onlineUsers}
          onlineIds={onlineIds}
          selectedFrames={selectedFrames}
          frames={boardFrames}
        />
      )}
      {(phase === 'starting' || phase === 'running' || phase === 'ending') && (
        <RunningBoard meId={me.id} phase={phase} onlineUsers={onlineUsers} onlineIds={onlineIds} />
      )}
      {phase === 'ended' && <AfterTheBreakout />}
    </Suspense>
  );
});
