import { memo, useCallback } from 'react';
import type { Room } from '../domain/plan';
import { groupsOf, type HistoryEntry } from '../domain/planning/history';
import { createRandom } from '../domain/random';
import { assignBalanced } from '../domain/split';
import { useRunCommand } from '../hooks/use-commands';
import { ActionButton } from './ActionButton';

type Props = { entry: HistoryEntry; rooms: readonly Room[] };

const newSeed = () => Math.floor(Math.random() * 2 ** 32);
const timeOf = (at: number) =>
  new Date(at).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });

/** Group i goes to the room of the same name, else to the i-th room not taken by name. */
function roomsForGroups(names: readonly string[], rooms: readonly Room[]): (string | null)[] {
  const byName = new Map(rooms.map((room) => [room.name, room.id]));
  const taken = new Set<string>();
  const result = names.map((name) => {
    const id = byName.get(name);
    if (id === undefined || taken.has(id)) return null;
    taken.add(id);
    return id;
  });
  const free = rooms.filter((room) => !taken.has(room.id));
  return result.map((id) => id ?? free.shift()?.id ?? null);
}

/** One past run: when, which groups, and the two ways to reuse it. */
export const HistoryEntryRow = memo(function HistoryEntryRow({ entry, rooms }: Props) {
  const run = useRunCommand();
  const groups = groupsOf(entry);
  const people = groups.flatMap((group) => group.people);
  const label = `breakout of ${timeOf(entry.startedAt)}`;

  const useGroups = useCallback(() => {
    const targets = roomsForGroups(
      groups.map((group) => group.name),
      rooms,
    );
    const assignment: Record<string, string> = {};
    groups.forEach((group, index) => {
      const roomId = targets[index];
      if (roomId) for (const person of group.people) assignment[person.id] = roomId;
    });
    void run({ type: 'edit', actions: [{ type: 'peopleSplit', people, assignment }] });
  }, [run, groups, people, rooms]);

  const reshuffle = useCallback(() => {
    const placed = assignBalanced(
      people.map((person) => person.id),
      rooms.map((room) => room.id),
      createRandom(newSeed()),
    );
    void run({
      type: 'edit',
      actions: [{ type: 'peopleSplit', people, assignment: Object.fromEntries(placed) }],
    });
  }, [run, people, rooms]);

  return (
    <li className="room-status">
      <p>
        <strong>{timeOf(entry.startedAt)}</strong>
        {entry.endedAt === null ? ' (running)' : ''}: {groups.length} rooms, {people.length} people
      </p>
      <ul className="plain-list">
        {groups.map((group) => (
          <li key={group.name}>
            {group.name}: {group.people.map((person) => person.name).join(', ')}
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
