import { memo, useCallback } from 'react';
import type { Room } from '../../domain/plan';
import { groupsOf, type HistoryEntry } from '../../domain/planning/history';
import { usePlanEdits } from '../../hooks/use-plan-edits';
import { ActionButton } from '../shared/ActionButton';
import { dayAndTime } from '../shared/format-time';

type Props = { entry: HistoryEntry; rooms: readonly Room[] };

/** One past run: when, which groups, and the two ways to reuse it. */
export const HistoryEntryRow = memo(function HistoryEntryRow({ entry, rooms }: Props) {
  const edits = usePlanEdits();
  const groups = groupsOf(entry);
  const people = groups.flatMap((group) => group.people);
  const label = `breakout of ${dayAndTime(entry.startedAt)}`;
  const useGroups = useCallback(() => void edits.reuseGroups(entry, rooms), [edits, entry, rooms]);
  const reshuffle = useCallback(
    () =>
      void edits.splitAtRandom(
        people,
        rooms.map((room) => room.id),
      ),
    [edits, people, rooms],
  );

  return (
    <li className="history-entry">
      <p className="history-when p-medium">
        <strong>{dayAndTime(entry.startedAt)}</strong>
        <span className="history-size">
          {entry.endedAt === null ? ' (running)' : ''} · {groups.length} rooms, {people.length}{' '}
          people
        </span>
      </p>
      <ul className="plain-list history-groups">
        {groups.map((group) => (
          <li key={group.name} className="p-small">
            <span className="history-room">{group.name}:</span>{' '}
            <span className="history-people">
              {group.people.map((person) => person.name).join(', ')}
            </span>
          </li>
        ))}
      </ul>
      <div className="button-row">
        <ActionButton
          small
          disabled={rooms.length === 0 || people.length === 0}
          aria-label={`Use the groups of the ${label}`}
          onClick={useGroups}
        >
          Use these groups
        </ActionButton>
        <ActionButton
          small
          variant="tertiary"
          disabled={rooms.length === 0 || people.length === 0}
          aria-label={`Reshuffle the people of the ${label}`}
          onClick={reshuffle}
        >
          Reshuffle
        </ActionButton>
      </div>
    </li>
  );
});
