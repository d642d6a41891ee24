import type { RoomWithPeople } from '../../domain/selectors';
import { RoomRow } from './RoomRow';

type Props = {
  rooms: readonly RoomWithPeople[];
  /** Frame titles on the board by frame id, to name a room's frame when the room was renamed. */
  frameTitles: ReadonlyMap<string, string>;
};

/** The rooms being planned, in plan order, one compact row each. */
export function RoomList({ rooms, frameTitles }: Props) {
  if (rooms.length === 0) {
    return <p className="p-small status-text">No rooms yet: every room is a frame on the board.</p>;
  }
  return (
    <ul aria-label="Rooms" className="plain-list room-rows">
      {rooms.map(({ room, people }) => (
        <RoomRow
          key={room.id}
          roomId={room.id}
          name={room.name}
          frameTitle={frameTitles.get(room.frameId) ?? null}
          frameMissing={room.frameMissing}
          peopleCount={people.length}
        />
      ))}
    </ul>
  );
}
