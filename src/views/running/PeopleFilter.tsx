import { memo, useId } from 'react';

type Props = { query: string; onChange: (query: string) => void };

/** Finds people by name across the rooms: only rooms with a match show, and only the matches. */
export const PeopleFilter = memo(function PeopleFilter({ query, onChange }: Props) {
  const id = useId();
  return (
    <div className="people-filter">
      <label htmlFor={id} className="visually-hidden">
        Find a person
      </label>
      <span className="icon icon-search" aria-hidden="true" />
      <input
        id={id}
        type="search"
        className="input input-small"
        placeholder="Find a person"
        value={query}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
});
