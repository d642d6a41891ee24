import { memo } from 'react';
import { useRoomActivity } from '../../hooks/use-room-activity';
import '../shared/rooms-work.css';

type Props = { roomId: string; joined: number };

const MINUTE = 60_000;

/** "last change 3 min ago", "just now" under a minute. */
export function sinceText(at: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - at) / MINUTE);
  return minutes === 0 ? 'just now' : `${minutes} min ago`;
}

/**
 * A running room's work on its frame: items added or changed in the last 5 minutes, when it last
 * changed, and "quiet" (a tag with a word, not only a colour) when people are in it and nothing
 * has changed for the facilitator's threshold. Nothing of this reaches participants.
 */
export const RoomActivity = memo(function RoomActivity({ roomId, joined }: Props) {
  const activity = useRoomActivity(roomId, joined);
  if (!activity) return null;
  const now = Date.now();
  return (
    <p className="room-activity p-small">
      {activity.quiet && (
        <span className="tag quiet-tag" title="People are in this room and nothing changed lately">
          quiet
        </span>
      )}
      <span className="figure">
        {activity.recentItems} {activity.recentItems === 1 ? 'item' : 'items'} added or changed in 5
        min
      </span>
      <span>
        {activity.lastChangeAt === null
          ? '· no change yet'
          : `· last change ${sinceText(activity.lastChangeAt, now)}`}
      </span>
    </p>
  );
});
