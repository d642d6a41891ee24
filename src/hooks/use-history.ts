import { useMemo } from 'react';
import { HISTORY_KEY } from '../controller/history-store';
import { PLAN_COLLECTION } from '../domain/plan';
import { type HistoryReadResult, parseHistory } from '../domain/planning/history';
import type { Json } from '../sdk/surface';
import { useBoard } from './board-context';
import { type LiveValue, useLiveValue } from './use-live-value';

/**
 * The record of past breakouts (written by the facilitator's headless app), read and validated
 * here like everything from storage; the panel never writes it.
 */
export function useHistory(): LiveValue<HistoryReadResult> {
  const board = useBoard();
  const source = useMemo(() => {
    const collection = board.storage.collection(PLAN_COLLECTION);
    return {
      read: async () => parseHistory(await collection.get(HISTORY_KEY)),
      subscribe: (changed: (value?: HistoryReadResult) => void) => {
        const handler = (value: Json | undefined) => changed(parseHistory(value));
        return {
          registered: collection.onValue(HISTORY_KEY, handler),
          unsubscribe: () => {
            void collection.offValue(HISTORY_KEY, handler);
          },
        };
      },
    };
  }, [board]);
  return useLiveValue(source);
}
