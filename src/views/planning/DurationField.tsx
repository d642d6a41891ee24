import { type ChangeEvent, type FormEvent, memo, useCallback, useId, useState } from 'react';
import { DEFAULT_DURATION_MS, MAX_DURATION_MS } from '../../domain/limits';
import { usePlanEdits } from '../../hooks/use-plan-edits';
import { WholeNumberInput, wholeNumberIn } from '../shared/WholeNumberInput';

type Props = { durationMs: number | null };

const MINUTE = 60_000;
const MAX_MINUTES = MAX_DURATION_MS / MINUTE;

/**
 * Minutes, or no limit. Saved on Enter or when the field loses focus; what was typed stays until
 * it is saved, and a value that is not a whole number of minutes is explained, not sent.
 */
export const DurationField = memo(function DurationField({ durationMs }: Props) {
  const { setDuration } = usePlanEdits();
  const id = useId();
  const errorId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const noLimit = durationMs === null;
  const shown = draft ?? String(Math.round((durationMs ?? DEFAULT_DURATION_MS) / MINUTE));

  const save = useCallback(
    async (event?: FormEvent) => {
      event?.preventDefault();
      if (draft === null) return;
      const minutes = wholeNumberIn(draft, 1, MAX_MINUTES);
      if (minutes === null) {
        setInvalid(true);
        return;
      }
      setInvalid(false);
      if (minutes * MINUTE === durationMs) {
        setDraft(null);
        return;
      }
      const result = await setDuration(minutes * MINUTE);
      if (result.ok) setDraft(null);
    },
    [setDuration, draft, durationMs],
  );

  const toggleLimit = useCallback(
    (event: ChangeEvent<HTMLInputElement>) => {
      const minutes = Number(shown);
      const fallback =
        Number.isInteger(minutes) && minutes >= 1 ? minutes : DEFAULT_DURATION_MS / MINUTE;
      void setDuration(event.target.checked ? null : Math.min(fallback, MAX_MINUTES) * MINUTE);
    },
    [setDuration, shown],
  );

  return (
    <form className="form-group form-group-small duration" onSubmit={save}>
      <label htmlFor={id}>Duration in minutes</label>
      <div className="duration-row">
        <WholeNumberInput
          id={id}
          className="input input-small duration-input"
          min={1}
          max={MAX_MINUTES}
          value={shown}
          disabled={noLimit}
          invalid={invalid}
          aria-describedby={invalid ? errorId : undefined}
          onText={setDraft}
          onBlur={() => void save()}
        />
        <label className="toggle">
          <input type="checkbox" checked={noLimit} onChange={toggleLimit} />
          <span>No time limit</span>
        </label>
      </div>
      {invalid && (
        <p id={errorId} className="field-error p-small">
          Enter whole minutes from 1 to {MAX_MINUTES}.
        </p>
      )}
    </form>
  );
});
