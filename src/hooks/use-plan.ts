import { useEffect, useState } from 'react';
import { type PlanSnapshot, PlanReader } from '../controller/plan-reader';
import { useBoard } from './board-context';

/** The breakout plan as stored on the board, validated; never rolls back to an older revision. */
export function usePlan(): PlanSnapshot {
  const board = useBoard();
  const [snapshot, setSnapshot] = useState<PlanSnapshot>({ status: 'loading' });
  useEffect(() => {
    const reader = new PlanReader(board);
    reader.subscribe(setSnapshot);
    reader.start().catch((error: unknown) => {
      setSnapshot({
        status: 'corrupt',
        message: `The breakout plan could not be read from the board: ${String(error)}`,
        lastGood: null,
      });
    });
    return () => reader.stop();
  }, [board]);
  return snapshot;
}
