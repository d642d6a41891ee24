import { useMemo } from 'react';
import { isRoomClosed } from '../../domain/facilitation';
import { personView, roomsWithPeople } from '../../domain/selectors';
import { usePlan } from '../../hooks/plan-store';
import { STATUS_TEXT } from '../shared/status-text';

type Props = { onlineIds: ReadonlySet<string> };

/** The whole plan for someone who is not facilitating: text only, nothing to change. */
export function ReadOnlyOverview({ onlineIds }: Props) {
  const plan = usePlan();
  const rooms = useMemo(() => (plan ? roomsWithPeople(plan) : []), [plan]);
  if (!plan) return null;
  const running = plan.phase !== 'planning';
  return (
    <section aria-labelledby="overview-heading" className="section">
      <h2 className="h4" id="overview-heading">
        All rooms
      </h2>
      {rooms.length === 0 && <p>No rooms yet.</p>}
      {rooms.map(({ room, people }) => (
        <div key={room.id} className="room-status">
          <h3 className="h4">{room.name}</h3>
          {people.length === 0 ? (
            <p>Nobody yet.</p>
          ) : (
            <ul className="plain-list" aria-label={`People in ${room.name}`}>
              {people.map((person) => {
                const view = personView(person, onlineIds, isRoomClosed(plan, room.id));
                return (
                  <li key={person.id}>
                    {person.name}
                    {running && <span className="status-text"> · {STATUS_TEXT[view.display]}</span>}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
