import { createContext, type ReactNode, useContext } from 'react';
import type { Board } from '../sdk/connect';

const BoardContext = createContext<Board | null>(null);

export function BoardProvider({ board, children }: { board: Board; children: ReactNode }) {
  return <BoardContext.Provider value={board}>{children}</BoardContext.Provider>;
}

/** The seam's board; every hook reads the platform through it, so views run on the simulator. */
export function useBoard(): Board {
  const board = useContext(BoardContext);
  if (!board) throw new Error('useBoard must be used inside <BoardProvider>.');
  return board;
}
