import { memo, useMemo, useState } from 'react';
import type { Phase, Plan, Room } from '../../domain/plan';
import { usePlanValue } from '../../hooks/plan-store';
import { useAnswerWindowOver } from '../../hooks/use-answer-window';
import { useRoomOrder } from '../../hooks/use-room-activity';
import { SelectedItemsProvider } from '../../hooks/use-selected-items';
import type { OnlineUserInfo } from '../../sdk/surface';
import { CoFacilitators } from '../shared/CoFacilitators';
import { Disclosure } from '../shared/Disclosure';
import { FacilitateRequests } from '../shared/FacilitateRequests';
import { roomOptionsOf } from '../shared/room-options';
import { AnnouncePanel } from './AnnouncePanel';
import { HelpQueue } from './HelpQueue';
import { LateArrivals } from './LateArrivals';
import { PeopleFilter } from './PeopleFilter';
import { QuietControls } from './QuietControls';
import { RoomCard } from './RoomCard';
import { RunningHeader } from './RunningHeader';
import { TimeControls } from './TimeControls';

type Props = {
  meId: string;
  phase: Exclude<Phase, 'planning' | 'ended'>;
  onlineUsers: readonly OnlineUserInfo[];
  onlineIds: ReadonlySet<string>;
};

/** With more people than this in rooms, a box finds a person by name. */
const FILTER_FROM = 20;

const NO_ROOMS: Room[] = [];
// The rooms array keeps its identity when only people change (the reducer reuses it).
const roomsOf = (plan: Plan | null) => plan?.rooms ?? NO_ROOMS;
const placedCount = (plan: Plan | null) =>
  plan?.people.filter((person) => person.roomId !== null).length ?? 0;

/**
 * The running breakout as a board of rooms, under a header that keeps the time, the help
 * requests and "End breakout" in view. Each room card subscribes to its own room, so when one of
 * 500 people joins only that room's card, that person's row and the header's count re-render.
 */
export const RunningBoard = memo(function RunningBoard({
  meId,
  phase,
  onlineUsers,
  onlineIds,
}: Props) {
  const rooms = usePlanValue(roomsOf);
  const placed = usePlanValue(placedCount);
  const options = useMemo(() => roomOptionsOf(rooms), [rooms]);
  const [query, setQuery] = useState('');
  const filtering = placed > FILTER_FROM ? query : '';
  const [quietFirst, setQuietFirst] = useState(false);
  const roomIds = useMemo(() => rooms.map((room) => room.id), [rooms]);
  const order = useRoomOrder(roomIds, quietFirst);
  const answerWindowOver = useAnswerWindowOver();
  return (
    <SelectedItemsProvider>
      <RunningHeader phase={phase} />
      <div className="panel-body">
        <TimeControls />
        <HelpQueue onlineUsers={onlineUsers} />
        <FacilitateRequests onlineUsers={onlineUsers} />
        <div className="toolbar">
          <AnnouncePanel />
          <QuietControls quietFirst={quietFirst} onQuietFirst={setQuietFirst} />
          {placed > FILTER_FROM && <PeopleFilter query={query} onChange={setQuery} />}
        </div>
        <LateArrivals meId={meId} onlineUsers={onlineUsers} rooms={options} />
        <section aria-label="Rooms" className="room-board">
          {order.map((roomId) => (
            <RoomCard
              key={roomId}
              roomId={roomId}
              rooms={options}
              onlineIds={onlineIds}
              query={filtering}
              answerWindowOver={answerWindowOver}
            />
          ))}
        </section>
        <Disclosure title="Co-facilitators" hint="Who may take over from you at once">
          {() => <CoFacilitators meId={meId} onlineUsers={onlineUsers} />}
        </Disclosure>
      </div>
    </SelectedItemsProvider>
  );
});
