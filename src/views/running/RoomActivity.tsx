import { memo } from 'react';
import { useRoomActivity, useRoomQuiet } from '../../hooks/use-room-activity';
import '../shared/rooms-work.css';

type Props = { roomId: string };

const MINUTE = 60_000;

/** "3 min ago", "just now" under a minute. */
export function sinceText(at: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - at) / MINUTE);
  return minutes === 0 ? 'just now' : `${minutes} min ago`;
}

/**
 * A running room's work on its frame, at the end of its card's progress row: "· 4 edits · 3 min
 * ago" (items added or changed in the last 5 minutes, and when it last changed). The row stays
 * one line at 368 px; the full sentence is its tooltip and what a screen reader reads. Nothing
 * of this reaches participants.
 */
export const RoomActivity = memo(function RoomActivity({ roomId }: Props) {
  const activity = useRoomActivity(roomId);
  if (!activity) return null;
  const { recentItems, lastChangeAt } = activity;
  const since = lastChangeAt === null ? null : sinceText(lastChangeAt, Date.now());
  const short =
    since === null
      ? 'no edits yet'
      : `${recentItems} ${recentItems === 1 ? 'edit' : 'edits'} · ${since}`;
  const full = `${recentItems} ${recentItems === 1 ? 'item' : 'items'} added or changed in 5 min · ${
    since === null ? 'no change yet' : `last change ${since}`
  }`;
  return (
    <span className="p-small status-text figure room-activity" title={full}>
      <span aria-hidden="true">· {short}</span>
      <span className="visually-hidden">{full}</span>
    </span>
  );
});

/**
 * "quiet" beside a running room's name (a tag with a word, not only a colour): people are in it
 * and nothing has changed for the facilitator's threshold.
 */
export const QuietTag = memo(function QuietTag({ roomId }: Props) {
  const quiet = useRoomQuiet(roomId);
  if (!quiet) return null;
  return (
    <span
      className="tag status-tag quiet-tag"
      title="People are in this room and nothing changed lately"
    >
      quiet
    </span>
  );
});
