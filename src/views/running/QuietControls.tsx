import { memo, useCallback, useEffect, useId, useState } from 'react';
import { useQuietAfterMinutes } from '../../hooks/use-room-activity';
import { useRoomsActions } from '../../hooks/use-rooms-work';
import { WholeNumberInput, wholeNumberIn } from '../shared/WholeNumberInput';
import '../shared/rooms-work.css';

type Props = { quietFirst: boolean; onQuietFirst: (on: boolean) => void };

/**
 * When a room counts as quiet (minutes without a change while people are in it), and whether
 * quiet rooms come first: set rarely, so folded behind one button in the running screen's
 * toolbar, beside "Announce to all rooms". It reads only the threshold, so joins pass it by.
 */
export const QuietControls = memo(function QuietControls({ quietFirst, onQuietFirst }: Props) {
  const toggleId = useId();
  const bodyId = useId();
  const [open, setOpen] = useState(false);
  const held = useQuietAfterMinutes();
  const toggle = useCallback(() => setOpen((was) => !was), []);
  // Until the watcher reports there is no threshold to show or set.
  if (held === null) return null;
  return (
    <section
      aria-labelledby={toggleId}
      className={open ? 'quiet-rooms quiet-rooms-open' : 'quiet-rooms'}
    >
      <button
        id={toggleId}
        type="button"
        className="button button-secondary button-small"
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={toggle}
      >
        <span className="icon icon-activity" aria-hidden="true" />
        Quiet rooms
      </button>
      <div id={bodyId} hidden={!open} className="quiet-controls">
        {open && <QuietSettings held={held} quietFirst={quietFirst} onQuietFirst={onQuietFirst} />}
      </div>
    </section>
  );
});

function QuietSettings({ held, quietFirst, onQuietFirst }: Props & { held: number }) {
  const id = useId();
  const { setQuietAfter } = useRoomsActions();
  const [typed, setTyped] = useState(() => String(held));
  useEffect(() => {
    setTyped(String(held));
  }, [held]);
  const minutes = wholeNumberIn(typed, 1, 120);
  const valid = minutes !== null;
  const save = useCallback(() => {
    if (minutes !== null && minutes !== held) void setQuietAfter(minutes);
  }, [minutes, held, setQuietAfter]);
  return (
    <>
      <label className="p-small" htmlFor={`${id}-after`}>
        Quiet after (min)
      </label>
      <WholeNumberInput
        id={`${id}-after`}
        min={1}
        max={120}
        value={typed}
        invalid={!valid}
        onText={setTyped}
        onBlur={save}
        onKeyDown={(event) => {
          if (event.key === 'Enter') save();
        }}
      />
      <label className="toggle">
        <input
          type="checkbox"
          checked={quietFirst}
          onChange={(event) => onQuietFirst(event.target.checked)}
        />
        <span className="p-small">Quiet rooms first</span>
      </label>
      {!valid && <p className="field-error p-small">From 1 to 120 minutes.</p>}
    </>
  );
}
