import { useMemo } from 'react';
import type { CommandResult } from '../controller/commands';
import { useRunCommand } from './use-commands';

/** The breakout as a whole: who runs it, and the steps from one phase to the next. */
export type BreakoutActions = {
  /** Become the facilitator: of a board without a plan, or taking over from someone else. */
  claim(): Promise<CommandResult>;
  start(): Promise<CommandResult>;
  /** The rotation's next round: its groups applied, then started. */
  startNextRound(): Promise<CommandResult>;
  end(): Promise<CommandResult>;
  /** After the end: planning again with the same rooms and people. */
  runAgain(): Promise<CommandResult>;
  /** The report-back walk to room `index` of its order. */
  reportBack(index: number): Promise<CommandResult>;
};

export function useBreakoutActions(): BreakoutActions {
  const run = useRunCommand();
  return useMemo<BreakoutActions>(
    () => ({
      claim: () => run({ type: 'claim' }),
      start: () => run({ type: 'start' }),
      startNextRound: () => run({ type: 'startNextRound' }),
      end: () => run({ type: 'end' }),
      runAgain: () => run({ type: 'runAgain' }),
      reportBack: (index) => run({ type: 'reportBack', index }),
    }),
    [run],
  );
}

/** While rooms run: the clock, and what everyone is told. */
export type RunningActions = {
  addMinutes(minutes: number): Promise<CommandResult>;
  pause(): Promise<CommandResult>;
  resume(): Promise<CommandResult>;
  /** How long before the end everyone is warned. */
  setWarning(warningMs: number): Promise<CommandResult>;
  announce(text: string): Promise<CommandResult>;
};

export function useRunningActions(): RunningActions {
  const run = useRunCommand();
  return useMemo<RunningActions>(
    () => ({
      addMinutes: (minutes) => run({ type: 'extendTime', minutes }),
      pause: () => run({ type: 'pauseTime' }),
      resume: () => run({ type: 'resumeTime' }),
      setWarning: (warningMs) => run({ type: 'setClosingWarning', warningMs }),
      announce: (text) => run({ type: 'announce', text }),
    }),
    [run],
  );
}
