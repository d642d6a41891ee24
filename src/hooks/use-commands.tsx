import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { CommandResult, PanelCommand, ViewportCommand } from '../controller/commands';
import { usePlanStore } from './plan-store';
import { RoomsWorkContext, RoomsWorkStore } from './rooms-work-store';
import { useController } from './use-controller';
import { OverwritesContext, type OverwritesSeen } from './use-overwrites';

/** Sends a command to the tab's controller; resolves with its answer, never rejects. */
// Views name a command's answer through this hook module, never the controller.
export type { CommandResult };

export type RunCommand = (command: PanelCommand) => Promise<CommandResult>;

export type CommandStatus = {
  /** The controller's own report (a failed write, a room that could not close), or null. */
  problem: string | null;
  /** The message of this panel's last failed command, cleared by the next success. */
  error: string | null;
  /** A command is in flight here, or the controller says it is working. */
  busy: boolean;
  /** Sends the command that failed again; null when nothing failed. */
  retry: (() => void) | null;
  /**
   * Set while this user's other device runs the breakout and this one waits: when this browser
   * last saw that device beat (its own clock, which the panel shares with its headless app).
   */
  otherDevice: { seenAt: number } | null;
};

/** Moves this user's own viewport through their tab's app; null when it worked, else why not. */
export type MoveMyView = (command: ViewportCommand) => Promise<string | null>;

const RunContext = createContext<RunCommand | null>(null);
const MoveContext = createContext<MoveMyView | null>(null);
const StatusContext = createContext<CommandStatus | null>(null);

/**
 * Asking Miro whether it offers sessions here changes nothing in the breakout. The panel asks on
 * its own when planning opens; counted as busy, it disabled every button for as long as Miro took
 * to answer, and a click then was lost.
 */
const changesNothing = (command: PanelCommand) => command.type === 'checkSessions';

/**
 * The panel's one line to its controller. `run` is stable and lives in its own context, so the
 * hundreds of rows that can send commands never re-render because a command started or failed.
 */
export function CommandsProvider({ children }: { children: ReactNode }) {
  const store = usePlanStore();
  const [work] = useState(() => new RoomsWorkStore());
  const { send, notice } = useController(store.committed, work.set);
  const [failed, setFailed] = useState<{ message: string; command: PanelCommand } | null>(null);
  const [inFlight, setInFlight] = useState(0);
  const latest = useRef(0);

  const run = useCallback<RunCommand>(
    async (command) => {
      const id = ++latest.current;
      const busies = !changesNothing(command);
      if (busies) setInFlight((count) => count + 1);
      try {
        const result = await send(command);
        if (result.ok && result.plan) store.committed(result.plan);
        // An older command's answer must not hide a newer one's failure.
        if (id === latest.current || !result.ok) {
          setFailed(result.ok ? null : { message: result.message, command });
        }
        return result;
      } finally {
        if (busies) setInFlight((count) => count - 1);
      }
    },
    [send, store],
  );

  // Not a change to the breakout: it neither disables the panel's buttons while it goes out nor
  // becomes the panel's error; the control that asked shows what happened.
  const moveMyView = useCallback<MoveMyView>(
    async (command) => {
      const result = await send(command);
      return result.ok ? null : result.message;
    },
    [send],
  );

  const status = useMemo<CommandStatus>(
    () => ({
      problem: notice.problem,
      error: failed?.message ?? null,
      busy: notice.busy || inFlight > 0,
      retry: failed ? () => void run(failed.command) : null,
      otherDevice: notice.otherDevice ?? null,
    }),
    [notice, failed, inFlight, run],
  );
  // Changes only what the panels show: never busy, never this panel's error.
  const overwrites = useMemo<OverwritesSeen>(
    () => ({
      seen: notice.overwrites,
      dismiss: () => void send({ type: 'dismissOverwrites' }),
    }),
    [notice.overwrites, send],
  );

  return (
    <RunContext.Provider value={run}>
      <MoveContext.Provider value={moveMyView}>
        <StatusContext.Provider value={status}>
          <OverwritesContext.Provider value={overwrites}>
            <RoomsWorkContext.Provider value={work}>{children}</RoomsWorkContext.Provider>
          </OverwritesContext.Provider>
        </StatusContext.Provider>
      </MoveContext.Provider>
    </RunContext.Provider>
  );
}

export function useRunCommand(): RunCommand {
  const run = useContext(RunContext);
  if (!run) throw new Error('useRunCommand must be used inside <CommandsProvider>.');
  return run;
}

export function useMoveMyView(): MoveMyView {
  const move = useContext(MoveContext);
  if (!move) throw new Error('useMoveMyView must be used inside <CommandsProvider>.');
  return move;
}

export function useCommandStatus(): CommandStatus {
  const status = useContext(StatusContext);
  if (!status) throw new Error('useCommandStatus must be used inside <CommandsProvider>.');
  return status;
}
