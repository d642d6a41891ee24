import { memo } from 'react';
import type { Announcement } from '../domain/plan';

type Props = { announcements: readonly Announcement[]; labelledBy: string };

const timeOf = (at: number) =>
  new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Announcements, newest first, with the time they were sent. */
export const AnnouncementList = memo(function AnnouncementList({
  announcements,
  labelledBy,
}: Props) {
  return (
    <ul aria-labelledby={labelledBy} className="plain-list announcements">
      {[...announcements].reverse().map((announcement) => (
        <li key={announcement.id} className="announcement">
          <span className="status-text">{timeOf(announcement.at)} · </span>
          {announcement.text}
        </li>
      ))}
    </ul>
  );
});
