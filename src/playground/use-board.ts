import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { SimBoard } from '../simulator/api';
import type { IframeRegistry } from './bridge';

export type PlaygroundContext = {
  board: SimBoard;
  registry: IframeRegistry;
  /** The simulator's clock (invitation expiry and notification times are on it). */
  now: () => number;
};

export const PlaygroundCtx = createContext<PlaygroundContext | null>(null);

export function usePlayground(): PlaygroundContext {
  const context = useContext(PlaygroundCtx);
  if (!context) throw new Error('usePlayground() outside <PlaygroundCtx.Provider>.');
  return context;
}

/**
 * A counter bumped on every board change. The board is mutable, so components read it directly
 * and only need to know *that* something changed; React batches bursts into one render.
 */
export function createChangeCounter(board: SimBoard) {
  let version = 0;
  const listeners = new Set<() => void>();
  const bump = () => {
    version += 1;
    for (const listener of listeners) listener();
  };
  board.subscribe(bump);
  return {
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getVersion: () => version,
    /** For changes the board does not announce itself (e.g. a panel host call). */
    bump,
  };
}

export type ChangeCounter = ReturnType<typeof createChangeCounter>;

export function useBoardVersion(counter: ChangeCounter): number {
  return useSyncExternalStore(counter.subscribe, counter.getVersion);
}

/** The simulator's clock, re-read every `intervalMs` while `active`, for countdowns. */
export function useNow(now: () => number, intervalMs: number, active: boolean): number {
  const [time, setTime] = useState(now);
  useEffect(() => {
    if (!active) return;
    setTime(now());
    const handle = window.setInterval(() => setTime(now()), intervalMs);
    return () => window.clearInterval(handle);
  }, [now, intervalMs, active]);
  return time;
}

/** "1:05" for 65 000 ms; never negative. */
export function formatRemaining(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
