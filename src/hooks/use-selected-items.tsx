import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { useSelection } from './use-selection';

const NONE: readonly string[] = [];
const SelectedIdsContext = createContext<readonly string[]>(NONE);

/**
 * One `selection:update` subscription for every room's "Bring room here" button. Only the
 * buttons read the context, so a new selection re-renders them and nothing else.
 */
export function SelectedItemsProvider({ children }: { children: ReactNode }) {
  const selection = useSelection();
  const ids = useMemo(
    () => (selection.status === 'ready' ? selection.value.map((item) => item.id) : NONE),
    [selection],
  );
  return <SelectedIdsContext.Provider value={ids}>{children}</SelectedIdsContext.Provider>;
}

/** Ids of what the facilitator has selected on the board now. */
export function useSelectedItemIds(): readonly string[] {
  return useContext(SelectedIdsContext);
}
