import { type ChangeEvent, memo, useCallback, useId } from 'react';
import { goodPlanOf, type PlanSnapshot } from '../controller/plan-reader';
import { DEFAULT_WARNING_MS } from '../domain/facilitation';
import { usePlanSelector } from '../hooks/plan-store';
import { useRunCommand } from '../hooks/use-commands';

const CHOICES_S = [30, 45, 60, 90, 120];

const warningOf = (snapshot: PlanSnapshot) =>
  goodPlanOf(snapshot)?.facilitation.warningMs ?? DEFAULT_WARNING_MS;

/** How long before the end everyone is warned; each participant's own app does the warning. */
export const ClosingWarningField = memo(function ClosingWarningField() {
  const run = useRunCommand();
  const id = useId();
  const warningMs = usePlanSelector(warningOf);
  const change = useCallback(
    (event: ChangeEvent<HTMLSelectElement>) =>
      void run({ type: 'setClosingWarning', warningMs: Number(event.target.value) * 1000 }),
    [run],
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
