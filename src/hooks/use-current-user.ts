import { useMemo } from 'react';
import type { UserInfo } from '../sdk/surface';
import { useBoard } from './board-context';
import { boardFacts } from './board-facts';
import { type LiveValue, useLiveValue } from './use-live-value';

/** Who is using this panel, as `{id, name}`. */
export function useCurrentUser(): LiveValue<UserInfo> {
  const board = useBoard();
  const source = useMemo(() => ({ read: () => boardFacts(board).me }), [board]);
  return useLiveValue(source);
}
