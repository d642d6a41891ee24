import { memo, useMemo } from 'react';
import type { Plan } from '../../domain/plan';
import type { OnlineUserInfo } from '../../sdk/surface';
import { PRE_ASSIGN_STATE_TEXT, preAssignStatus } from './pre-assign-status';

type Props = { plan: Plan; onlineUsers: readonly OnlineUserInfo[] };

/** The imported rows and where each stands: placed, waiting, or needing a hand. */
export const PreAssignList = memo(function PreAssignList({ plan, onlineUsers }: Props) {
  const rows = useMemo(() => preAssignStatus(plan, onlineUsers), [plan, onlineUsers]);
  if (rows.length === 0) return null;
  return (
    <ul aria-label="Pre-assigned people" className="plain-list">
      {rows.map((row) => (
        <li key={row.name} className={row.state === 'ambiguous' ? 'warning' : undefined}>
          {row.name} → {row.roomName}: {PRE_ASSIGN_STATE_TEXT[row.state]}
        </li>
      ))}
    </ul>
  );
});
