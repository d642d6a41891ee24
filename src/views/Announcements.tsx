import { memo, useId } from 'react';
import { goodPlanOf, type PlanSnapshot } from '../controller/plan-reader';
import type { Announcement } from '../domain/plan';
import { usePlanSelector } from '../hooks/plan-store';
import { AnnouncementList } from './AnnouncementList';

const NONE: Announcement[] = [];
// The list keeps its identity until an announcement is added (the reader reuses unchanged parts).
const announcementsOf = (snapshot: PlanSnapshot) => {
  const plan = goodPlanOf(snapshot);
  return plan?.phase === 'running' ? plan.facilitation.announcements : NONE;
};

/** What the facilitator announced to all rooms, for participants who missed the notification. */
export const Announcements = memo(function Announcements() {
  const headingId = useId();
  const announcements = usePlanSelector(announcementsOf);
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
