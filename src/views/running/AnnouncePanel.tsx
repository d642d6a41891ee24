import { type FormEvent, memo, useCallback, useId, useRef, useState } from 'react';
import { MAX_ANNOUNCEMENT_LENGTH } from '../../domain/facilitation';
import type { Announcement, Plan } from '../../domain/plan';
import { usePlanValue } from '../../hooks/plan-store';
import { useRunningActions } from '../../hooks/use-breakout-actions';
import { ActionButton } from '../shared/ActionButton';
import { AnnouncementList } from '../shared/AnnouncementList';

const NONE: Announcement[] = [];
const announcementsOf = (plan: Plan | null) => plan?.facilitation.announcements ?? NONE;

/**
 * A message to every room, behind one button. It is written into the plan once; each
 * participant's own app shows it as notifications, so sending it costs the same for 5 people or
 * 500. The form stays open after sending, for the next one, with what was sent below it.
 */
export const AnnouncePanel = memo(function AnnouncePanel() {
  const { announce } = useRunningActions();
  const toggleId = useId();
  const formId = useId();
  const fieldId = useId();
  const countId = useId();
  const sentId = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const announcements = usePlanValue(announcementsOf);

  const toggle = useCallback(() => {
    setOpen((was) => !was);
    queueMicrotask(() => field.current?.focus());
  }, []);
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
    <section aria-labelledby={toggleId} className={open ? 'announce announce-open' : 'announce'}>
      <button
        id={toggleId}
        type="button"
        className="button button-secondary button-small"
        aria-expanded={open}
        aria-controls={formId}
        onClick={toggle}
      >
        <span className="icon icon-babble" aria-hidden="true" />
        Announce to all rooms
        {announcements.length > 0 && (
          <span className="count-badge" aria-hidden="true">
            {announcements.length}
          </span>
        )}
      </button>
      <div id={formId} hidden={!open} className="announce-body">
        {open && (
          <>
            <form className="form-group form-group-small" onSubmit={send}>
              <label htmlFor={fieldId}>Message</label>
              <textarea
                ref={field}
                id={fieldId}
                className="textarea textarea-small"
                rows={3}
                maxLength={MAX_ANNOUNCEMENT_LENGTH}
                value={text}
                aria-describedby={countId}
                onChange={(event) => setText(event.target.value)}
              />
              <p id={countId} className="p-small status-text">
                {text.length} of {MAX_ANNOUNCEMENT_LENGTH} characters. Long messages arrive in
                parts.
              </p>
              <div className="button-row">
                <ActionButton small disabled={text.trim() === ''} onClick={() => void send()}>
                  Send to all rooms
                </ActionButton>
                <button
                  type="button"
                  className="button button-tertiary button-small"
                  onClick={toggle}
                >
                  Close
                </button>
              </div>
            </form>
            {announcements.length > 0 && (
              <>
                <h3 className="p-small label-text" id={sentId}>
                  Sent
                </h3>
                <AnnouncementList announcements={announcements} labelledBy={sentId} />
              </>
            )}
          </>
        )}
      </div>
    </section>
  );
});
