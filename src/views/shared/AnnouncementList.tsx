import { memo } from 'react';
import type { Announcement } from '../../domain/plan';
import { clockTime } from './format-time';

type Props = { announcements: readonly Announcement[]; labelledBy: string };

/** Announcements, newest first, with the time they were sent. */
export const AnnouncementList = memo(function AnnouncementList({
  announcements,
  labelledBy,
}: Props) {
  return (
    <ul aria-labelledby={labelledBy} className="plain-list announcements">
      {[...announcements].reverse().map((announcement) => (
        <li key={announcement.id} className="announcement">
          <span className="status-text">{clockTime(announcement.at)} · </span>
          {announcement.text}
        </li>
      ))}
    </ul>
  );
});
