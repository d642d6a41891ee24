import { memo, useCallback, useId } from 'react';
import { isRoomClosed } from '../../domain/facilitation';
import type { Person, Plan, Room } from '../../domain/plan';
import { personView } from '../../domain/selectors';
import { sameItems, usePlanValue } from '../../hooks/plan-store';
import type { RoomOption } from '../shared/room-options';
import { RoomControls } from './RoomControls';
import { StatusRow } from './StatusRow';

type Props = {
  roomId: string;
  rooms: readonly RoomOption[];
  onlineIds: ReadonlySet<string>;
};

type Slice = { room: Room | null; people: Person[]; closed: boolean };

// Person objects keep their identity until they change, so comparing them one by one tells
// whether anything in this room changed.
const sameSlice = (a: Slice, b: Slice) =>
  a.room === b.room && a.closed === b.closed && sameItems(a.people, b.people);

/** One room while running: who is in it and how each of them is doing. */
export const RoomStatus = memo(function RoomStatus({ roomId, rooms, onlineIds }: Props) {
  const headingId = useId();
  const select = useCallback(
    (plan: Plan | null): Slice => {
      return {
        room: plan?.rooms.find((room) => room.id === roomId) ?? null,
        people: plan?.people.filter((person) => person.roomId === roomId) ?? [],
        closed: plan ? isRoomClosed(plan, roomId) : false,
      };
    },
    [roomId],
  );
  const { room, people, closed } = usePlanValue(select, sameSlice);
  if (!room) return null;
  const views = people.map((person) => personView(person, onlineIds, closed));
  const joined = views.filter((view) => view.display === 'joined').length;
  const summary = closed
    ? `${people.length} back in the main area`
    : `${joined} of ${people.length} joined`;
  return (
    <section aria-labelledby={headingId} className="room-status">
      <h3 className="h4" id={headingId}>
        {room.name}
      </h3>
      <p className="status-text">
        {summary}
        {room.frameMissing && ' · Its frame was deleted from the board.'}
      </p>
      <RoomControls roomId={room.id} name={room.name} />
      {views.length > 0 && (
        <ul className="plain-list" aria-labelledby={headingId}>
          {views.map((view) => (
            <StatusRow
              key={view.id}
              id={view.id}
              name={view.name}
              roomId={view.roomId}
              display={view.display}
              rooms={rooms}
            />
          ))}
        </ul>
      )}
    </section>
  );
});
