import { useMemo } from 'react';
import type { Plan } from '../../domain/plan';
import { roomsWithPeople, startBlockers } from '../../domain/selectors';
import { usePlan } from '../../hooks/plan-store';
import type { FrameRef, OnlineUserInfo } from '../../sdk/surface';
import { ClosingWarningField } from '../shared/ClosingWarningField';
import { roomOptionsOf } from '../shared/room-options';
import { ScreenHeader } from '../shared/Screen';
import { AddRoomsButton } from './AddRoomsButton';
import { DurationField } from './DurationField';
import { IncludeMeField } from './IncludeMeField';
import { MainAreaField } from './MainAreaField';
import { MorePlanningTools } from './MorePlanningTools';
import { PeopleList } from './PeopleList';
import { peopleToPlace } from './people-to-place';
import { RoomList } from './RoomList';
import { SplitControls } from './SplitControls';
import { StartButton } from './StartButton';

type Props = {
  meId: string;
  onlineUsers: readonly OnlineUserInfo[];
  onlineIds: ReadonlySet<string>;
  selectedFrames: readonly FrameRef[];
  /** Frames on the board; null until first read. */
  frames: readonly FrameRef[] | null;
};

/**
 * The plan as the board shows it now: a room whose frame is no longer listed counts as missing at
 * once, before the controller has recorded it, so Start is blocked with the reason right away.
 */
function withBoardFrames(plan: Plan, frameIds: ReadonlySet<string> | null): Plan {
  if (frameIds === null) return plan;
  if (!plan.rooms.some((room) => !room.frameMissing && !frameIds.has(room.frameId))) return plan;
  return {
    ...plan,
    rooms: plan.rooms.map((room) =>
      frameIds.has(room.frameId) ? room : { ...room, frameMissing: true },
    ),
  };
}

/** Rooms, main area, people, duration and Start. */
export function PlanningView({ meId, onlineUsers, onlineIds, selectedFrames, frames }: Props) {
  const stored = usePlan();
  const frameIds = useMemo(
    () => (frames === null ? null : new Set(frames.map((frame) => frame.id))),
    [frames],
  );
  const plan = useMemo(() => stored && withBoardFrames(stored, frameIds), [stored, frameIds]);
  const rooms = plan?.rooms;
  const roomOptions = useMemo(() => roomOptionsOf(rooms ?? []), [rooms]);
  const roomIds = useMemo(() => (rooms ?? []).map((room) => room.id), [rooms]);
  const grouped = useMemo(() => (plan ? roomsWithPeople(plan) : []), [plan]);
  const people = useMemo(
    () => (plan ? peopleToPlace(plan, onlineUsers, onlineIds, meId) : []),
    [plan, onlineUsers, onlineIds, meId],
  );
  const blockers = useMemo(() => (plan ? startBlockers(plan, onlineIds) : []), [plan, onlineIds]);
  const newFrames = useMemo(() => {
    const used = new Set((rooms ?? []).map((room) => room.frameId));
    return selectedFrames.filter((frame) => !used.has(frame.id));
  }, [selectedFrames, rooms]);

  if (!plan) return null;
  return (
    <>
      <ScreenHeader title="Planning" />
      <div className="panel-body">
        <section aria-labelledby="rooms-heading" className="section">
          <h2 className="h4" id="rooms-heading">
            Rooms
          </h2>
          <AddRoomsButton frames={newFrames} anySelected={selectedFrames.length > 0} />
          <RoomList rooms={grouped} />
          <MainAreaField mainArea={plan.mainArea} frames={frames} />
        </section>
        <section aria-labelledby="people-heading" className="section">
          <h2 className="h4" id="people-heading">
            People
          </h2>
          <IncludeMeField include={plan.includeFacilitator} />
          <SplitControls
            people={people}
            roomIds={roomIds}
            anyAssigned={plan.people.some((person) => person.roomId !== null)}
          />
          <PeopleList people={people} rooms={roomOptions} />
        </section>
        <section aria-labelledby="settings-heading" className="section">
          <h2 className="h4" id="settings-heading">
            Time
          </h2>
          <DurationField durationMs={plan.durationMs} />
          <ClosingWarningField />
          <StartButton blockers={blockers} />
        </section>
        <MorePlanningTools meId={meId} onlineUsers={onlineUsers} frames={frames} />
      </div>
    </>
  );
}
