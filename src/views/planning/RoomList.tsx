import type { RoomWithPeople } from '../../domain/selectors';
import { RoomRow } from './RoomRow';

type Props = { rooms: readonly RoomWithPeople[] };

/** The rooms being planned, in plan order. */
export function RoomList({ rooms }: Props) {
  if (rooms.length === 0) return <p>No rooms yet.</p>;
  return (
    <ul aria-label="Rooms" className="plain-list">
      {rooms.map(({ room, people }) => (
        <RoomRow
          key={room.id}
          roomId={room.id}
          name={room.name}
          frameMissing={room.frameMissing}
          peopleCount={people.length}
        />
      ))}
    </ul>
  );
}
