import { useRef } from 'react';

/**
 * Since when `personId` has been missing from Miro's online users as this panel saw them, from
 * when it first had the list (an empty list is no list yet: it always holds the current user).
 * Null while they are online. The headless app judges the claim with its own, longer view.
 */
export function useAbsentSince(
  personId: string | null,
  onlineIds: ReadonlySet<string>,
): number | null {
  const seen = useRef<{ id: string | null; since: number | null }>({ id: null, since: null });
  if (personId === null || onlineIds.size === 0 || onlineIds.has(personId)) {
    seen.current = { id: personId, since: null };
    return null;
  }
  if (seen.current.id !== personId || seen.current.since === null) {
    seen.current = { id: personId, since: Date.now() };
  }
  return seen.current.since;
}
