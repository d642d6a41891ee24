import { useContext, useMemo, useSyncExternalStore } from 'react';
import type { CommandResult } from '../controller/commands';
import type { JobProgress, RoomsWork, SessionsOffer } from '../controller/rooms-work';
import type { PromptPlacement } from '../domain/rooms/prompts';
import { RoomsWorkContext } from './rooms-work-store';
import { useRunCommand } from './use-commands';

// Views name these through the hook, never the controller.
export type { JobProgress, RoomsWork, SessionsOffer };

/** A part of the rooms work; null until the headless app has answered. */
export function useRoomsWork<T>(select: (work: RoomsWork | null) => T): T {
  const store = useContext(RoomsWorkContext);
  if (!store) throw new Error('useRoomsWork must be used inside <CommandsProvider>.');
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}

export type TemplateRequest = {
  templateFrameId: string;
  count: number;
  /** Typed, one line per room; '' for none. */
  names: string;
  prompts: string;
  prompt: PromptPlacement;
};

/** Rooms with material, as the facilitator asks for them. */
export type RoomsActions = {
  createFromTemplate(request: TemplateRequest): Promise<CommandResult>;
  gatherResults(): Promise<CommandResult>;
  cancelJob(): Promise<CommandResult>;
  resumeJob(): Promise<CommandResult>;
  dismissJob(): Promise<CommandResult>;
  checkSessions(): Promise<CommandResult>;
  setQuietAfter(minutes: number): Promise<CommandResult>;
};

export function useRoomsActions(): RoomsActions {
  const run = useRunCommand();
  return useMemo<RoomsActions>(
    () => ({
      createFromTemplate: (request) => run({ type: 'createRoomsFromTemplate', ...request }),
      gatherResults: () => run({ type: 'gatherResults' }),
      cancelJob: () => run({ type: 'cancelRoomsJob' }),
      resumeJob: () => run({ type: 'resumeRoomsJob' }),
      dismissJob: () => run({ type: 'dismissRoomsJob' }),
      checkSessions: () => run({ type: 'checkSessions' }),
      setQuietAfter: (minutes) => run({ type: 'setQuietAfter', minutes }),
    }),
    [run],
  );
}
