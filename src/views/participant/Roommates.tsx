import { useId } from 'react';
import type { Person } from '../../domain/plan';
import { personView } from '../../domain/selectors';
import { peerTag } from './peer-status';

type Props = {
  people: readonly Person[];
  onlineIds: ReadonlySet<string>;
  /** Statuses only once rooms run: before the start nobody has been invited yet. */
  withStatus: boolean;
  roomClosed?: boolean;
  label: string;
};

/** The people of a room as one-line rows, each with whether they are there. */
export function Roommates({ people, onlineIds, withStatus, roomClosed = false, label }: Props) {
  const labelId = useId();
  if (people.length === 0) return <p className="p-small status-text">Nobody else.</p>;
  return (
    <>
      <h3 className="visually-hidden" id={labelId}>
        {label}
      </h3>
      <ul aria-labelledby={labelId} className="plain-list person-list">
        {people.map((person) => (
          <li key={person.id} className="person-row">
            <span className="person-name" title={person.name}>
              {person.name}
            </span>
            {withStatus && peerTag(personView(person, onlineIds, roomClosed).display)}
          </li>
        ))}
      </ul>
    </>
  );
}
