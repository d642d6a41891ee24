import { memo, useCallback, useId, useState } from 'react';
import type { Plan, SelfSelect } from '../../domain/plan';
import { unassignedOnline } from '../../domain/selectors';
import { usePlanningTools } from '../../hooks/use-plan-edits';
import type { OnlineUserInfo } from '../../sdk/surface';
import { ActionButton } from '../shared/ActionButton';
import { WholeNumberInput, wholeNumberIn } from '../shared/WholeNumberInput';

type Props = {
  selfSelect: SelfSelect | null;
  plan: Plan;
  meId: string;
  onlineUsers: readonly OnlineUserInfo[];
};

/** Lets participants pick their room, up to a number of places per room. */
export const SelfSelectControls = memo(function SelfSelectControls({
  selfSelect,
  plan,
  meId,
  onlineUsers,
}: Props) {
  const tools = usePlanningTools();
  const capacityId = useId();
  const [capacity, setCapacity] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const waiting = unassignedOnline(plan, onlineUsers, meId).length;
  const picked = plan.people.filter((person) => person.roomId !== null).length;

  const open = useCallback(async () => {
    const noLimit = capacity.trim() === '';
    const places = noLimit ? null : wholeNumberIn(capacity, 1);
    if (!noLimit && places === null) {
      setProblem('Places per room must be a whole number of at least 1, or empty for no limit.');
      return;
    }
    setProblem(null);
    await tools.openSelfSelect(places);
  }, [tools, capacity]);
  const close = useCallback(() => void tools.closeSelfSelect(), [tools]);
  const place = useCallback(() => void tools.placeUnchosen(), [tools]);

  return (
    <section aria-labelledby={`${capacityId}-heading`} className="tool">
      <h3 className="visually-hidden" id={`${capacityId}-heading`}>
        Let people choose
      </h3>
      {selfSelect === null ? (
        <>
          <div className="form-group form-group-small">
            <label htmlFor={capacityId}>Places per room (empty for no limit)</label>
            <WholeNumberInput
              id={capacityId}
              min={1}
              value={capacity}
              invalid={problem !== null}
              onText={setCapacity}
            />
          </div>
          {problem && <p className="field-error p-small">{problem}</p>}
          <ActionButton small disabled={plan.rooms.length === 0} onClick={open}>
            Open rooms for choice
          </ActionButton>
        </>
      ) : (
        <>
          <p role="status">
            Rooms are open for choice
            {selfSelect.capacity === null ? '' : ` (${selfSelect.capacity} places each)`}: {picked}{' '}
            placed, {waiting} still choosing.
          </p>
          <div className="button-row">
            <ActionButton small disabled={waiting === 0} onClick={place}>
              Place everyone who has not chosen
            </ActionButton>
            <ActionButton small variant="tertiary" onClick={close}>
              Close choice
            </ActionButton>
          </div>
        </>
      )}
    </section>
  );
});
