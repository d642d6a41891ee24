import { useMemo, useRef } from 'react';
import { roomsWithPeople, startBlockers } from '../../domain/selectors';
import { usePlan } from '../../hooks/plan-store';
import type { FrameRef, OnlineUserInfo } from '../../sdk/surface';
import { ClosingWarningField } from '../shared/ClosingWarningField';
import { CoFacilitators } from '../shared/CoFacilitators';
import { Disclosure } from '../shared/Disclosure';
import { FacilitateRequests } from '../shared/FacilitateRequests';
import { RoomsJobStatus } from '../shared/RoomsJobStatus';
import { roomOptionsOf } from '../shared/room-options';
import { ScreenHeader } from '../shared/Screen';
import { AddRoomsButton } from './AddRoomsButton';
import { withBoardFrames } from './board-frames';
import { DurationField } from './DurationField';
import { HistoryTool, RoomFramesTool, RoomsFromTemplateTool, RotationTool } from './lazy-tools';
import { MainAreaField } from './MainAreaField';
import { PeopleStep } from './PeopleStep';
import { peopleToPlace } from './people-to-place';
import { RoomList } from './RoomList';
import { SessionsNotice } from './SessionsNotice';
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
 * Planning as a short path: Rooms → People → Time, with Start in the header and the reasons it
 * is disabled next to it. Everything off that path (creating frames, rotation rounds, past
 * breakouts, and the other ways of placing people) is one tab or one disclosure away.
 */
export function PlanningView({ meId, onlineUsers, onlineIds, selectedFrames, frames }: Props) {
  const stored = usePlan();
  const everListed = useRef(new Set<string>());
  const listed = useMemo(() => {
    if (frames === null) return null;
    const ids = new Set(frames.map((frame) => frame.id));
    for (const id of ids) everListed.current.add(id);
    return ids;
  }, [frames]);
  const frameTitles = useMemo(
    () => new Map((frames ?? []).map((frame) => [frame.id, frame.title])),
    [frames],
  );
  const plan = useMemo(
    () => stored && withBoardFrames(stored, listed, everListed.current),
    [stored, listed],
  );
  const rooms = plan?.rooms;
  const roomOptions = useMemo(() => roomOptionsOf(rooms ?? []), [rooms]);
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
  const roomCount = plan.rooms.length;
  return (
    <>
      <ScreenHeader
        title="Planning"
        status={
          <p className="header-status figure">
            {roomCount === 1 ? '1 room' : `${roomCount} rooms`} ·{' '}
            {people.filter((person) => person.roomId !== null).length} placed
          </p>
        }
      >
        <StartButton blockers={blockers} />
      </ScreenHeader>
      <div className="panel-body">
        <SessionsNotice />
        <FacilitateRequests onlineUsers={onlineUsers} />
        <RoomsJobStatus type="copy" />
        <section aria-labelledby="rooms-heading" className="step">
          <h2 className="step-title" id="rooms-heading">
            <span className="step-number" aria-hidden="true">
              1
            </span>
            Rooms
          </h2>
          <AddRoomsButton frames={newFrames} anySelected={selectedFrames.length > 0} />
          <RoomList rooms={grouped} frameTitles={frameTitles} />
        </section>
        <PeopleStep
          plan={plan}
          meId={meId}
          people={people}
          rooms={roomOptions}
          onlineUsers={onlineUsers}
        />
        <section aria-labelledby="time-heading" className="step">
          <h2 className="step-title" id="time-heading">
            <span className="step-number" aria-hidden="true">
              3
            </span>
            Time
          </h2>
          <DurationField durationMs={plan.durationMs} />
          <ClosingWarningField />
          <MainAreaField mainArea={plan.mainArea} frames={frames} />
        </section>
        <section aria-labelledby="more-heading" className="step more-tools">
          <h2 className="step-title" id="more-heading">
            More ways to plan
          </h2>
          <Disclosure
            title="Create rooms from this frame"
            hint="A selected frame and its content, copied into each room"
          >
            {() => <RoomsFromTemplateTool selectedFrames={selectedFrames} />}
          </Disclosure>
          <Disclosure title="Make room frames" hint="Copies of a frame, added as rooms">
            {() => <RoomFramesTool frames={frames} />}
          </Disclosure>
          <Disclosure title="Rotation rounds" hint="New groups each round, people mixed">
            {() => <RotationTool meId={meId} onlineUsers={onlineUsers} />}
          </Disclosure>
          <Disclosure title="Past breakouts" hint="Run the same groups again">
            {() => <HistoryTool />}
          </Disclosure>
          <Disclosure title="Co-facilitators" hint="Who may take over from you at once">
            {() => <CoFacilitators meId={meId} onlineUsers={onlineUsers} />}
          </Disclosure>
        </section>
      </div>
    </>
  );
}
