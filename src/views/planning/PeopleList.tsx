import type { RoomOption } from '../shared/room-options';
import { PersonRow } from './PersonRow';
import type { PlaceablePerson } from './people-to-place';

type Props = { people: readonly PlaceablePerson[]; rooms: readonly RoomOption[] };

/** Everyone to place, each with their own room picker: who is online shows here. */
export function PeopleList({ people, rooms }: Props) {
  if (people.length === 0) {
    return (
      <p className="p-small status-text">
        Nobody else is on the board yet. People appear here as they open it.
      </p>
    );
  }
  return (
    <ul aria-label="People" className="plain-list">
      {people.map((person) => (
        <PersonRow
          key={person.id}
          id={person.id}
          name={person.name}
          roomId={person.roomId}
          online={person.online}
          rooms={rooms}
        />
      ))}
    </ul>
  );
}
