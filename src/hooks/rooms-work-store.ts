import { createContext } from 'react';
import type { RoomsWork } from '../controller/rooms-work';

/**
 * What the tab's headless app says about rooms with material (a job, the rooms' activity,
 * sessions on offer), held outside React state so only the components that read a part of it
 * re-render when it changes (progress arrives a few times a second).
 */
export class RoomsWorkStore {
  private work: RoomsWork | null = null;
  private readonly listeners = new Set<() => void>();

  readonly set = (work: RoomsWork): void => {
    this.work = work;
    for (const listener of this.listeners) listener();
  };

  readonly get = (): RoomsWork | null => this.work;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export const RoomsWorkContext = createContext<RoomsWorkStore | null>(null);
