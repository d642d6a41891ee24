import { type FormEvent, memo, useCallback, useId, useState } from 'react';
import { MAX_ANNOUNCEMENT_LENGTH } from '../../domain/facilitation';
import type { Announcement, Plan } from '../../domain/plan';
import { usePlanValue } from '../../hooks/plan-store';
import { useRunningActions } from '../../hooks/use-breakout-actions';
import { ActionButton } from '../shared/ActionButton';
import { AnnouncementList } from '../shared/AnnouncementList';

const NONE: Announcement[] = [];
const announcementsOf = (plan: Plan | null) => plan?.facilitation.announcements ?? NONE;

/**
 * A message to every room. It is written into the plan once; each participant's own app shows
 * it as notifications, so sending it costs the same for 5 people or 500.
 */
export const AnnounceForm = memo(function AnnounceForm() {
  const { announce } = useRunningActions();
  const fieldId = useId();
  const countId = useId();
  const headingId = useId();
  const sentId = useId();
  const [text, setText] = useState('');
  const announcements = usePlanValue(announcementsOf);

  const send = useCallback(
    async (event?: FormEvent) => {
      event?.preventDefault();
      if (text.trim() === '') return;
      const result = await announce(text);
      // What was typed stays when sending failed, so it can be sent again.
      if (result.ok) setText('');
    },
    [announce, text],
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
