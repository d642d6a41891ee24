import { usePlan } from '../../hooks/plan-store';
import type { FrameRef, OnlineUserInfo } from '../../sdk/surface';
import { HistoryList } from './HistoryList';
import { PreAssignForm } from './PreAssignForm';
import { RoomFramesForm } from './RoomFramesForm';
import { RotationPlanner } from './RotationPlanner';
import { SelfSelectControls } from './SelfSelectControls';

type Props = {
  meId: string;
  onlineUsers: readonly OnlineUserInfo[];
  frames: readonly FrameRef[] | null;
};

/** The planning tools, each in its own section (the lazy chunk's entry, hence the default export). */
export default function PlanningTools({ meId, onlineUsers, frames }: Props) {
  const plan = usePlan();
  if (!plan) return null;
  return (
    <>
      <RoomFramesForm frames={frames} />
      <SelfSelectControls
        selfSelect={plan.selfSelect}
        plan={plan}
        meId={meId}
        onlineUsers={onlineUsers}
      />
      <PreAssignForm plan={plan} onlineUsers={onlineUsers} />
      <RotationPlanner plan={plan} meId={meId} onlineUsers={onlineUsers} />
      <HistoryList rooms={plan.rooms} />
    </>
  );
}
