import { type FormEvent, memo, useCallback, useId, useState } from 'react';
import { goodPlanOf, type PlanSnapshot } from '../controller/plan-reader';
import { MAX_ANNOUNCEMENT_LENGTH } from '../domain/facilitation';
import type { Announcement } from '../domain/plan';
import { usePlanSelector } from '../hooks/plan-store';
import { useRunCommand } from '../hooks/use-commands';
import { ActionButton } from './ActionButton';
import { AnnouncementList } from './AnnouncementList';

const NONE: Announcement[] = [];
const announcementsOf = (snapshot: PlanSnapshot) =>
  goodPlanOf(snapshot)?.facilitation.announcements ?? NONE;

/**
 * A message to every room. It is written into the plan once; each participant's own app shows
 * it as notifications, so sending it costs the same for 5 people or 500.
 */
export const AnnounceForm = memo(function AnnounceForm() {
  const run = useRunCommand();
  const fieldId = useId();
  const countId = useId();
  const headingId = useId();
  const sentId = useId();
  const [text, setText] = useState('');
  const announcements = usePlanSelector(announcementsOf);

  const send = useCallback(
    async (event?: FormEvent) => {
      event?.preventDefault();
      if (text.trim() === '') return;
      const result = await run({ type: 'announce', text });
      // What was typed stays when sending failed, so it can be sent again.
      if (result.ok) setText('');
    },
    [run, text],
  );

  return (
    <section aria-labelledby={headingId} className="section">
      <h2 className="h4" id={headingId}>
        Announce to all rooms
      </h2>
      <form className="form-group" onSubmit={send}>
        <label htmlFor={fieldId}>Message</label>
        <textarea
          id={fieldId}
          className="textarea"
          rows={3}
          maxLength={MAX_ANNOUNCEMENT_LENGTH}
          value={text}
          aria-describedby={countId}
          onChange={(event) => setText(event.target.value)}
        />
        <p id={countId} className="hint">
          {text.length} of {MAX_ANNOUNCEMENT_LENGTH} characters. Long messages arrive in parts.
        </p>
        <ActionButton variant="primary" disabled={text.trim() === ''} onClick={() => void send()}>
          Send to all rooms
        </ActionButton>
      </form>
      {announcements.length > 0 && (
        <>
          <h3 className="h4" id={sentId}>
            Sent
          </h3>
          <AnnouncementList announcements={announcements} labelledBy={sentId} />
        </>
      )}
    </section>
  );
});
