import { memo, useCallback } from 'react';
import type { PersonRef } from '../domain/plan';
import { createRandom } from '../domain/random';
import { assignBalanced } from '../domain/split';
import { useRunCommand } from '../hooks/use-commands';
import { ActionButton } from './ActionButton';

type Props = {
  people: readonly PersonRef[];
  roomIds: readonly string[];
  anyAssigned: boolean;
};

/** A fresh seed per click: every split is a new draw, yet replayable from the seed if logged. */
const newSeed = () => Math.floor(Math.random() * 2 ** 32);

/** Split everyone evenly at random (again), or clear every assignment. */
export const SplitControls = memo(function SplitControls({ people, roomIds, anyAssigned }: Props) {
  const run = useRunCommand();
  const split = useCallback(() => {
    const placed = assignBalanced(
      people.map((person) => person.id),
      roomIds,
      createRandom(newSeed()),
    );
    void run({
      type: 'edit',
      actions: [
        {
          type: 'peopleSplit',
          people: people.map(({ id, name }) => ({ id, name })),
          assignment: Object.fromEntries(placed),
        },
      ],
    });
  }, [run, people, roomIds]);
  const clear = useCallback(
    () => void run({ type: 'edit', actions: [{ type: 'assignmentsCleared' }] }),
    [run],
  );
  const canSplit = people.length > 0 && roomIds.length > 0;
  return (
    <div className="button-row">
      <ActionButton disabled={!canSplit} onClick={split}>
        {anyAssigned ? 'Shuffle again' : 'Split evenly at random'}
      </ActionButton>
      <ActionButton variant="tertiary" disabled={!anyAssigned} onClick={clear}>
        Clear all rooms
      </ActionButton>
    </div>
  );
});
