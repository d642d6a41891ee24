import { memo, useCallback, useId, useState } from 'react';
import type { Plan, SelfSelect } from '../domain/plan';
import { unassignedOnline } from '../domain/selectors';
import { useRunCommand } from '../hooks/use-commands';
import type { OnlineUserInfo } from '../sdk/surface';
import { ActionButton } from './ActionButton';

type Props = {
  selfSelect: SelfSelect | null;
  plan: Plan;
  meId: string;
  onlineUsers: readonly OnlineUserInfo[];
};

const newSeed = () => Math.floor(Math.random() * 2 ** 32);

/** Lets participants pick their room, up to a number of places per room. */
export const SelfSelectControls = memo(function SelfSelectControls({
  selfSelect,
  plan,
  meId,
  onlineUsers,
}: Props) {
  const run = useRunCommand();
  const capacityId = useId();
  const [capacity, setCapacity] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const waiting = unassignedOnline(plan, onlineUsers, meId).length;
  const picked = plan.people.filter((person) => person.roomId !== null).length;

  const open = useCallback(async () => {
    const text = capacity.trim();
    const places = text === '' ? null : Number(text);
    if (places !== null && (!Number.isInteger(places) || places < 1)) {
      setProblem('Places per room must be a whole number of at least 1, or empty for no limit.');
      return;
    }
    setProblem(null);
    await run({ type: 'openSelfSelect', capacity: places });
  }, [run, capacity]);
  const close = useCallback(() => void run({ type: 'closeSelfSelect' }), [run]);
  const place = useCallback(() => void run({ type: 'placeUnchosen', seed: newSeed() }), [run]);

  return (
    <section aria-labelledby={`${capacityId}-heading`} className="section">
      <h3 className="h4" id={`${capacityId}-heading`}>
        Let people choose
      </h3>
      {selfSelect === null ? (
        <>
          <div className="form-group">
            <label htmlFor={capacityId}>Places per room (empty for no limit)</label>
            <input
              id={capacityId}
              className="input"
              type="number"
              min={1}
              step={1}
              value={capacity}
              onChange={(event) => setCapacity(event.target.value)}
            />
          </div>
          {problem && <p className="field-error">{problem}</p>}
          <ActionButton disabled={plan.rooms.length === 0} onClick={open}>
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
            <ActionButton disabled={waiting === 0} onClick={place}>
              Place everyone who has not chosen
            </ActionButton>
            <ActionButton variant="tertiary" onClick={close}>
              Close choice
            </ActionButton>
          </div>
        </>
      )}
    </section>
  );
});
