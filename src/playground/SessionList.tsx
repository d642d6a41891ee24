import type { SimSessionState, SimUser } from '../simulator/api';

/** Live collaboration sessions and who is in them: what Miro knows, whatever the app shows. */
export function SessionList({
  sessions,
  users,
}: {
  sessions: readonly SimSessionState[];
  users: readonly SimUser[];
}) {
  const live = sessions.filter((session) => !session.ended);
  const nameOf = (id: string) => users.find((user) => user.id === id)?.name ?? id;
  return (
    <section className="session-list" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Sessions</h2>
      {live.length === 0 ? (
        <p>No active session.</p>
      ) : (
        <ul>
          {live.map((session) => (
            <li key={session.id}>
              <strong>{session.name}</strong> (started by {nameOf(session.starterId)}):{' '}
              {session.memberIds.length === 0
                ? 'nobody joined yet'
                : session.memberIds.map(nameOf).join(', ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
