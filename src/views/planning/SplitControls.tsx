import { memo, useCallback } from 'react';
import type { PersonRef } from '../../domain/plan';
import { usePlanEdits } from '../../hooks/use-plan-edits';
import { ActionButton } from '../shared/ActionButton';

type Props = {
  people: readonly PersonRef[];
  roomIds: readonly string[];
  anyAssigned: boolean;
};

/** Split everyone evenly at random (again), or clear every assignment. */
export const SplitControls = memo(function SplitControls({ people, roomIds, anyAssigned }: Props) {
  const edits = usePlanEdits();
  const split = useCallback(
    () => void edits.splitAtRandom(people, roomIds),
    [edits, people, roomIds],
  );
  const clear = useCallback(() => void edits.clearRooms(), [edits]);
  const canSplit = people.length > 0 && roomIds.length > 0;
  return (
    <div className="button-row">
      <ActionButton small disabled={!canSplit} onClick={split}>
        {anyAssigned ? 'Shuffle again' : 'Split evenly at random'}
      </ActionButton>
      <ActionButton small variant="tertiary" disabled={!anyAssigned} onClick={clear}>
        Clear all rooms
      </ActionButton>
    </div>
  );
});
