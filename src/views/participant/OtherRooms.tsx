import { useMemo } from 'react';
import { isRoomClosed } from '../../domain/facilitation';
import type { PersonRef } from '../../domain/plan';
import { roomsWithPeople } from '../../domain/selectors';
import { usePlan } from '../../hooks/plan-store';
import { Disclosure } from '../shared/Disclosure';
import { Roommates } from './Roommates';

type Props = { me: PersonRef; onlineIds: ReadonlySet<string> };

/** Every room but one's own, folded into one disclosure: read-only, nothing to change. */
export function OtherRooms({ me, onlineIds }: Props) {
  const plan = usePlan();
  const rooms = useMemo(
    () =>
      plan ? roomsWithPeople(plan).filter(({ people }) => !people.some((p) => p.id === me.id)) : [],
    [plan, me.id],
  );
  if (!plan || rooms.length === 0 || plan.phase === 'ended') return null;
  const running = plan.phase !== 'planning';
  return (
    <Disclosure title="Other rooms" hint={rooms.length === 1 ? '1 room' : `${rooms.length} rooms`}>
      {() => (
        <div className="other-rooms">
          {rooms.map(({ room, people }) => (
            <section key={room.id} aria-label={room.name} className="other-room">
              <h3 className="p-medium other-room-name">{room.name}</h3>
              <Roommates
                people={people}
                onlineIds={onlineIds}
                withStatus={running}
                roomClosed={isRoomClosed(plan, room.id)}
                label={`People in ${room.name}`}
              />
            </section>
          ))}
        </div>
      )}
    </Disclosure>
  );
}
