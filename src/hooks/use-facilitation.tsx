import { createContext, type ReactNode, useCallback, useContext, useMemo } from 'react';
import { viewportAroundFrame } from '../controller/viewport';
import type { Rect } from '../domain/plan';
import { errorMessage } from '../sdk/retry';
import { useBoard } from './board-context';
import { useSelection } from './use-selection';

/** Null when it worked, else a message to show. */
export type JumpOutcome = string | null;

/**
 * Moves this user's own viewport to a room's frame. The panel may do this itself: it is no
 * change to the plan, only where this user looks (one `viewport.set`).
 */
export function useJumpToFrame(): (frame: Rect) => Promise<JumpOutcome> {
  const board = useBoard();
  return useCallback(
    async (frame: Rect) => {
      try {
        await board.viewport.set({ viewport: viewportAroundFrame(frame) });
        return null;
      } catch (error) {
        return `You could not be taken there: ${errorMessage(error)}. Try again.`;
      }
    },
    [board],
  );
}

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
