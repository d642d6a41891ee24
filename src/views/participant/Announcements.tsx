import { memo, useId } from 'react';
import type { Announcement, Plan } from '../../domain/plan';
import { usePlanValue } from '../../hooks/plan-store';
import { AnnouncementList } from '../shared/AnnouncementList';

const NONE: Announcement[] = [];
// The list keeps its identity until an announcement is added (the reader reuses unchanged parts).
const announcementsOf = (plan: Plan | null) => {
  return plan?.phase === 'running' ? plan.facilitation.announcements : NONE;
};

/** What the facilitator announced to all rooms, for participants who missed the notification. */
export const Announcements = memo(function Announcements() {
  const headingId = useId();
  const announcements = usePlanValue(announcementsOf);
  if (announcements.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="section">
      <h2 className="h4" id={headingId}>
        From the facilitator
      </h2>
      <AnnouncementList announcements={announcements} labelledBy={headingId} />
    </section>
  );
});
