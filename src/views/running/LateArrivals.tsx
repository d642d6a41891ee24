import { memo, useCallback } from 'react';
import type { PersonRef, Plan } from '../../domain/plan';
import { unassignedOnline } from '../../domain/selectors';
import { usePlanValue } from '../../hooks/plan-store';
import type { OnlineUserInfo } from '../../sdk/surface';
import type { RoomOption } from '../shared/room-options';
import { LateArrivalRow } from './LateArrivalRow';

type Props = { meId: string; onlineUsers: readonly OnlineUserInfo[]; rooms: readonly RoomOption[] };

const samePeople = (a: readonly PersonRef[], b: readonly PersonRef[]) =>
  a.length === b.length &&
  a.every((person, index) => person.id === b[index]?.id && person.name === b[index]?.name);

/** People online in no room (they came late, or were taken out): place and invite them. */
export const LateArrivals = memo(function LateArrivals({ meId, onlineUsers, rooms }: Props) {
  const select = useCallback(
    (plan: Plan | null): PersonRef[] => {
      return plan ? unassignedOnline(plan, onlineUsers, meId) : [];
    },
    [onlineUsers, meId],
  );
  const people = usePlanValue(select, samePeople);
  if (people.length === 0) return null;
  return (
    <section aria-labelledby="unassigned-heading" className="card late-arrivals">
      <h2 className="card-title" id="unassigned-heading">
        Not in a room
        <span className="count-badge" aria-hidden="true">
          {people.length}
        </span>
      </h2>
      <p className="p-small status-text">Online, in no room: choose one to invite them.</p>
      <ul aria-labelledby="unassigned-heading" className="plain-list">
        {people.map((person) => (
          <LateArrivalRow key={person.id} id={person.id} name={person.name} rooms={rooms} />
        ))}
      </ul>
    </section>
  );
});
