import type { ActivitySnapshot } from '../../domain/rooms/snapshot';
import { usePlanValue } from '../../hooks/plan-store';
import { type RoomsWork, useRoomsWork } from '../../hooks/use-rooms-work';

type Props = { roomId: string };

const snapshotOf = (work: RoomsWork | null): ActivitySnapshot | null =>
  work?.activity?.snapshot ?? null;
const runIdOf = (plan: { runId: string } | null) => plan?.runId ?? null;

/**
 * What a room did on its frame while it ran, after the end: "12 items added · active 9 min"
 * (minutes in which something changed), from the facilitator's activity watcher.
 */
export function RoomWorkLine({ roomId }: Props) {
  const snapshot = useRoomsWork(snapshotOf);
  const runId = usePlanValue(runIdOf);
  if (!snapshot || snapshot.runId !== runId) return null;
  const room = snapshot.rooms.find((entry) => entry.roomId === roomId);
  return (
    <p className="p-small figure">
      {room === undefined
        ? 'No change seen on its frame.'
        : `${room.added} ${room.added === 1 ? 'item' : 'items'} added · active ${room.activeMinutes} min`}
    </p>
  );
}
