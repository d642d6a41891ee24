import { useMemo } from 'react';
import type { ItemRef } from '../sdk/surface';
import { useBoard } from './board-context';
import { type LiveValue, useLiveValue } from './use-live-value';

/** What the current user has selected on the board, kept fresh by `selection:update`. */
export function useSelection(): LiveValue<ItemRef[]> {
  const board = useBoard();
  const source = useMemo(
    () => ({
      read: () => board.getSelection(),
      subscribe: (changed: (items?: ItemRef[]) => void) => {
        const handler = (event: { items: ItemRef[] }) => changed(event.items);
        return {
          registered: Promise.resolve(board.ui.on('selection:update', handler)),
          unsubscribe: () => {
            void board.ui.off('selection:update', handler);
          },
        };
      },
    }),
    [board],
  );
  return useLiveValue(source);
}
