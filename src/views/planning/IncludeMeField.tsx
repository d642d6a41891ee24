import { type ChangeEvent, memo, useCallback } from 'react';
import { usePlanEdits } from '../../hooks/use-plan-edits';

type Props = { include: boolean };

/** By default the facilitator stays out of the rooms; this puts them among the people to place. */
export const IncludeMeField = memo(function IncludeMeField({ include }: Props) {
  const { includeMe } = usePlanEdits();
  const change = useCallback(
    (event: ChangeEvent<HTMLInputElement>) => void includeMe(event.target.checked),
    [includeMe],
  );
  return (
    <label className="toggle">
      <input type="checkbox" checked={include} onChange={change} />
      <span>Put me in a room too</span>
    </label>
  );
});
