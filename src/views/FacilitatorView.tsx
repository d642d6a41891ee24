import { memo } from 'react';
import type { PersonRef, Phase } from '../domain/plan';
import { useFrames } from '../hooks/use-frames';
import type { FrameRef, OnlineUserInfo } from '../sdk/surface';
import { EndSummary } from './EndSummary';
import { FrameSync } from './FrameSync';
import { PlanningView } from './PlanningView';
import { ReportBackPanel } from './ReportBackPanel';
import { RunningBoard } from './RunningBoard';

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
  return (
    <>
      <FrameSync frames={boardFrames} />
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
      {phase === 'ended' && (
        <>
          <EndSummary />
          <ReportBackPanel />
        </>
      )}
    </>
  );
});
