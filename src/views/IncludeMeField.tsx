import { type ChangeEvent, memo, useCallback } from 'react';
import { useRunCommand } from '../hooks/use-commands';

type Props = { include: boolean };

/** By default the facilitator stays out of the rooms; this puts them among the people to place. */
export const IncludeMeField = memo(function IncludeMeField({ include }: Props) {
  const run = useRunCommand();
  const change = useCallback(
    (event: ChangeEvent<HTMLInputElement>) =>
      void run({
        type: 'edit',
        actions: [{ type: 'includeFacilitatorSet', include: event.target.checked }],
      }),
    [run],
  );
  return (
    <label className="checkbox">
      <input type="checkbox" checked={include} onChange={change} />
      <span>Put me in a room too</span>
    </label>
  );
});
