import { useCallback, useState } from 'react';
import type { Plan } from '../../domain/plan';
import { usePlanValue } from '../../hooks/plan-store';
import { useCoFacilitationActions } from '../../hooks/use-co-facilitation';
import type { OnlineUserInfo } from '../../sdk/surface';

type Props = { meId: string; onlineUsers: readonly OnlineUserInfo[] };

const NOBODY: readonly string[] = [];
const namedOf = (plan: Plan | null) => plan?.coFacilitation.coFacilitatorIds ?? NOBODY;
const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * Who may take over at once: the people online, each a checkbox, and anyone named who is not
 * online now (so they can be taken off). Lives in a disclosure: most breakouts never need it.
 */
export function CoFacilitators({ meId, onlineUsers }: Props) {
  const named = usePlanValue(namedOf, sameIds);
  const { nameCoFacilitators } = useCoFacilitationActions();
  const [problem, setProblem] = useState<string | null>(null);
  const toggle = useCallback(
    async (personId: string, on: boolean) => {
      const next = on ? [...named, personId] : named.filter((id) => id !== personId);
      const result = await nameCoFacilitators(next);
      setProblem(result.ok ? null : result.message);
    },
    [named, nameCoFacilitators],
  );
  const online = onlineUsers.filter((user) => user.id !== meId);
  const onlineIds = new Set(online.map((user) => user.id));
  const away = named.filter((id) => !onlineIds.has(id));
  return (
    <div className="co-facilitators">
      <p className="p-small">A co-facilitator may take over at once; anyone else asks you first.</p>
      {online.length === 0 && away.length === 0 && (
        <p className="p-small">Nobody else is on the board yet.</p>
      )}
      <ul className="plain-list" aria-label="Co-facilitators">
        {online.map((user) => (
          <li key={user.id}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={named.includes(user.id)}
                onChange={(event) => void toggle(user.id, event.currentTarget.checked)}
              />
              <span>{user.name}</span>
            </label>
          </li>
        ))}
        {away.map((id) => (
          <li key={id}>
            <label className="checkbox">
              <input type="checkbox" checked onChange={() => void toggle(id, false)} />
              <span>Someone not on the board now</span>
            </label>
          </li>
        ))}
      </ul>
      {problem && <p role="alert">{problem}</p>}
    </div>
  );
}
