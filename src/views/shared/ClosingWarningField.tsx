import { type ChangeEvent, memo, useCallback, useId } from 'react';
import { DEFAULT_WARNING_MS } from '../../domain/facilitation';
import type { Plan } from '../../domain/plan';
import { usePlanValue } from '../../hooks/plan-store';
import { useRunningActions } from '../../hooks/use-breakout-actions';

const CHOICES_S = [30, 45, 60, 90, 120];

const warningOf = (plan: Plan | null) => plan?.facilitation.warningMs ?? DEFAULT_WARNING_MS;

type Props = {
  /** In a row of other controls: small, its label kept for screen readers only. */
  compact?: boolean;
};

/** How long before the end everyone is warned; each participant's own app does the warning. */
export const ClosingWarningField = memo(function ClosingWarningField({ compact = false }: Props) {
  const { setWarning } = useRunningActions();
  const id = useId();
  const warningMs = usePlanValue(warningOf);
  const change = useCallback(
    (event: ChangeEvent<HTMLSelectElement>) => void setWarning(Number(event.target.value) * 1000),
    [setWarning],
  );
  return (
    <div className={compact ? 'inline-field' : 'form-group form-group-small'}>
      <label htmlFor={id} className={compact ? 'visually-hidden' : undefined}>
        Warn everyone before the end
      </label>
      <select
        id={id}
        className="select select-small"
        value={warningMs / 1000}
        title={compact ? 'Warn everyone before the end' : undefined}
        onChange={change}
      >
        {CHOICES_S.map((seconds) => (
          <option key={seconds} value={seconds}>
            {compact ? `Warn ${seconds} s` : `${seconds} seconds before`}
          </option>
        ))}
      </select>
    </div>
  );
});
