import { useMemo } from 'react';
import { type FrameRef, type ItemRef, isFrame } from '../sdk/surface';
import { useBoard } from './board-context';
import { type LiveValue, useLiveValue } from './use-live-value';

const byTitle = (a: FrameRef, b: FrameRef) => a.title.localeCompare(b.title);

/**
 * The frames on the board, for the main-area picker and to notice renamed or deleted room
 * frames. Re-read when a frame is deleted or changed, and when the user selects a frame the
 * list does not know yet (the SDK has no "item created" event).
 */
export function useFrames(): LiveValue<FrameRef[]> {
  const board = useBoard();
  const source = useMemo(() => {
    let known = new Set<string>();
    return {
      read: async () => {
        const frames = (await board.get({ type: 'frame' })).filter(isFrame).sort(byTitle);
        known = new Set(frames.map((frame) => frame.id));
        return frames;
      },
      subscribe: (changed: (frames?: FrameRef[]) => void) => {
        const reread = () => changed();
        const onSelection = (event: { items: ItemRef[] }) => {
          if (event.items.some((item) => isFrame(item) && !known.has(item.id))) changed();
        };
        return {
          registered: Promise.all([
            board.ui.on('items:delete', reread),
            board.ui.on('experimental:items:update', reread),
            board.ui.on('selection:update', onSelection),
          ]),
          unsubscribe: () => {
            void board.ui.off('items:delete', reread);
            void board.ui.off('experimental:items:update', reread);
            void board.ui.off('selection:update', onSelection);
          },
        };
      },
    };
  }, [board]);
  return useLiveValue(source);
}
