import { useCurrentUser } from '../hooks/use-current-user';
import { useOnlineUsers } from '../hooks/use-online-users';
import { useSelection } from '../hooks/use-selection';
import { isFrame } from '../sdk/surface';

/** Who you are, who is online and what you selected: the board as this panel sees it. */
export function WhoIsHere() {
  const me = useCurrentUser();
  const online = useOnlineUsers();
  const selection = useSelection();

  return (
    <section aria-label="Board" className="who-is-here">
      <p>{me.status === 'ready' ? `You are ${me.value.name}` : 'Finding out who you are…'}</p>
      <h2 className="h4" id="online-now">
        Online now
      </h2>
      {online.status === 'ready' ? (
        <ul aria-labelledby="online-now">
          {online.value.map((user) => (
            <li key={user.id}>{user.name}</li>
          ))}
        </ul>
      ) : (
        <p>{online.status === 'error' ? online.message : 'Loading…'}</p>
      )}
      <section aria-label="Selection">
        <h2 className="h4">Selected frames</h2>
        {selection.status === 'ready' && selection.value.some(isFrame) ? (
          <ul>
            {selection.value.filter(isFrame).map((frame) => (
              <li key={frame.id}>{frame.title || 'Untitled frame'}</li>
            ))}
          </ul>
        ) : (
          <p>Select one or more frames on the board.</p>
        )}
      </section>
    </section>
  );
}
