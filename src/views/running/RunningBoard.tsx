import { memo, useMemo } from 'react';
import type { Phase, Plan, Room } from '../../domain/plan';
import { usePlanValue } from '../../hooks/plan-store';
import { SelectedItemsProvider } from '../../hooks/use-selected-items';
import type { OnlineUserInfo } from '../../sdk/surface';
import { roomOptionsOf } from '../shared/room-options';
import { TimeLeft } from '../shared/TimeLeft';
import { AnnounceForm } from './AnnounceForm';
import { EndDialog } from './EndDialog';
import { HelpQueue } from './HelpQueue';
import { LateArrivals } from './LateArrivals';
import { ReinviteAllButton } from './ReinviteAllButton';
import { RoomStatus } from './RoomStatus';
import { TimeControls } from './TimeControls';

type Props = {
  meId: string;
  phase: Exclude<Phase, 'planning' | 'ended'>;
  onlineUsers: readonly OnlineUserInfo[];
  onlineIds: ReadonlySet<string>;
};

const NO_ROOMS: Room[] = [];
// The rooms array keeps its identity when only people change (the reducer reuses it).
const roomsOf = (plan: Plan | null) => plan?.rooms ?? NO_ROOMS;

const PHASE_NOTE: Record<Props['phase'], string | null> = {
  starting: 'Starting: opening the rooms and sending invitations…',
  running: null,
  ending: 'Ending: closing the rooms and bringing everyone back…',
};

/**
 * The running breakout. Each room section subscribes to its own room, so when one person joins
 * only that room's section and that person's row re-render.
 */
export const RunningBoard = memo(function RunningBoard({
  meId,
  phase,
  onlineUsers,
  onlineIds,
}: Props) {
  const rooms = usePlanValue(roomsOf);
  const options = useMemo(() => roomOptionsOf(rooms), [rooms]);
  const note = PHASE_NOTE[phase];
  return (
    <SelectedItemsProvider>
      {note && <p role="status">{note}</p>}
      <TimeLeft />
      <TimeControls />
      <HelpQueue onlineUsers={onlineUsers} />
      <AnnounceForm />
      <section aria-labelledby="rooms-status-heading" className="section">
        <h2 className="h4" id="rooms-status-heading">
          Rooms
        </h2>
        <ReinviteAllButton onlineIds={onlineIds} />
        <LateArrivals meId={meId} onlineUsers={onlineUsers} rooms={options} />
        {rooms.map((room) => (
          <RoomStatus key={room.id} roomId={room.id} rooms={options} onlineIds={onlineIds} />
        ))}
      </section>
      <EndDialog />
    </SelectedItemsProvider>
  );
});
