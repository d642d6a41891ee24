import { usePlan } from '../../hooks/plan-store';
import type { FrameRef, OnlineUserInfo } from '../../sdk/surface';
import { HistoryList } from './HistoryList';
import { PreAssignForm } from './PreAssignForm';
import { RoomFramesForm } from './RoomFramesForm';
import { RoomsFromTemplateForm } from './RoomsFromTemplateForm';
import { RotationPlanner } from './RotationPlanner';
import { SelfSelectControls } from './SelfSelectControls';

/**
 * The planning tools beyond the main path, in one chunk loaded on demand (planning/lazy-tools.ts):
 * the rotation search and the list parser are most of their code, and most breakouts never
 * open a tool, so the planning screen's first load does not pay for them.
 */

type People = { meId: string; onlineUsers: readonly OnlineUserInfo[] };

export function SelfSelectTool({ meId, onlineUsers }: People) {
  const plan = usePlan();
  if (!plan) return null;
  return (
    <SelfSelectControls
      selfSelect={plan.selfSelect}
      plan={plan}
      meId={meId}
      onlineUsers={onlineUsers}
    />
  );
}

export function PreAssignTool({ onlineUsers }: Pick<People, 'onlineUsers'>) {
  const plan = usePlan();
  return plan && <PreAssignForm plan={plan} onlineUsers={onlineUsers} />;
}

export function RotationTool({ meId, onlineUsers }: People) {
  const plan = usePlan();
  return plan && <RotationPlanner plan={plan} meId={meId} onlineUsers={onlineUsers} />;
}

export function RoomFramesTool({ frames }: { frames: readonly FrameRef[] | null }) {
  return <RoomFramesForm frames={frames} />;
}

export function RoomsFromTemplateTool({ selectedFrames }: { selectedFrames: readonly FrameRef[] }) {
  return <RoomsFromTemplateForm selectedFrames={selectedFrames} />;
}

export function HistoryTool() {
  const plan = usePlan();
  return plan && <HistoryList rooms={plan.rooms} />;
}
