import { type ChangeEvent, memo, useCallback, useId } from 'react';
import { DEFAULT_WARNING_MS } from '../../domain/facilitation';
import type { Plan } from '../../domain/plan';
import { usePlanValue } from '../../hooks/plan-store';
import { useRunningActions } from '../../hooks/use-breakout-actions';

const CHOICES_S = [30, 45, 60, 90, 120];

const warningOf = (plan: Plan | null) => plan?.facilitation.warningMs ?? DEFAULT_WARNING_MS;

/** How long before the end everyone is warned; each participant's own app does the warning. */
export const ClosingWarningField = memo(function ClosingWarningField() {
  const { setWarning } = useRunningActions();
  const id = useId();
  const warningMs = usePlanValue(warningOf);
  const change = useCallback(
    (event: ChangeEvent<HTMLSelectElement>) => void setWarning(Number(event.target.value) * 1000),
    [setWarning],
  );
  return (
    <div className="form-group">
      <label htmlFor={id}>Warn everyone before the end</label>
      <select id={id} className="select" value={warningMs / 1000} onChange={change}>
        {CHOICES_S.map((seconds) => (
          <option key={seconds} value={seconds}>
            {seconds} seconds before
          </option>
        ))}
      </select>
    </div>
  );
});
