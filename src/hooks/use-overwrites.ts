import { createContext, useContext } from 'react';
import type { Overwrites } from '../domain/overwrites';

// Views name these through the hook, never the domain.
export type { Overwrites };

export type OverwritesSeen = {
  /** What other apps wrote over this facilitator's plan since they last dismissed it, or null. */
  seen: Overwrites | null;
  /** The facilitator has read it: gone from every panel of theirs in this tab. */
  dismiss: () => void;
};

export const OverwritesContext = createContext<OverwritesSeen | null>(null);

/**
 * Values written over the plan by apps other than the facilitator's, each already put back by
 * their headless app, which keeps this while the panel is closed (CommandsProvider provides it).
 */
export function useOverwrites(): OverwritesSeen {
  const overwrites = useContext(OverwritesContext);
  if (!overwrites) throw new Error('useOverwrites must be used inside <CommandsProvider>.');
  return overwrites;
}
