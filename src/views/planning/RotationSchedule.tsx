import { memo } from 'react';
import type { Room, Rotation } from '../../domain/plan';

type Props = { rotation: Rotation; rooms: readonly Room[] };

/** The rounds as a table: one row per round, one column per room, who is where. */
export const RotationSchedule = memo(function RotationSchedule({ rotation, rooms }: Props) {
  const roomName = new Map(rooms.map((room) => [room.id, room.name]));
  const names = (group: readonly number[]) =>
    group.map((index) => rotation.people[index]?.name ?? '?').join(', ');
  return (
    <>
      <table className="schedule" aria-label="Rotation schedule">
        <thead>
          <tr>
            <th scope="col">Round</th>
            {rotation.roomIds.map((roomId) => (
              <th key={roomId} scope="col">
                {roomName.get(roomId) ?? 'Removed room'}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rotation.rounds.map((round, index) => (
            // Rounds never reorder: the index is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <tr key={index} aria-current={index === rotation.next ? 'step' : undefined}>
              <th scope="row">
                {index + 1}
                {index < rotation.next ? ' (done)' : index === rotation.next ? ' (next)' : ''}
              </th>
              {round.map((group, room) => (
                <td key={rotation.roomIds[room] ?? room}>{names(group)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Repeated pairings: {rotation.repeatPairs} (no schedule can have fewer than{' '}
        {rotation.lowerBound}).
      </p>
    </>
  );
});
