import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommandResult, ControllerNotice, PanelCommand } from '../controller/commands';
import type { PanelData } from '../controller/open-panel';
import { channelName, connectToHeadless, type PanelEndpoint } from '../controller/panel-link';
import type { RoomsWork } from '../controller/rooms-work';
import type { Plan } from '../domain/plan';
import { useBoard } from './board-context';
import { boardFacts } from './board-facts';

export type Controller = {
  /** Asks this tab's headless app to act; resolves with its answer, never rejects. */
  send: (command: PanelCommand) => Promise<CommandResult>;
  notice: ControllerNotice;
};

const isPanelData = (value: unknown): value is PanelData =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { instanceId?: unknown }).instanceId === 'string';

/**
 * The panel's line to the headless app of its tab, which runs the breakout. `onPlan` receives
 * the plan whenever that app's copy changes (it is the writer when this user facilitates),
 * `onWork` what it says about rooms with material.
 */
export function useController(
  onPlan: (plan: Plan) => void,
  onWork: (work: RoomsWork) => void,
): Controller {
  const board = useBoard();
  const endpoint = useRef<Promise<PanelEndpoint> | null>(null);
  const [notice, setNotice] = useState<ControllerNotice>({
    problem: null,
    busy: false,
    overwrites: null,
  });

  useEffect(() => {
    let closed = false;
    const facts = boardFacts(board);
    const opening = Promise.all([facts.boardId, facts.me, facts.panelData]).then(
      ([boardId, me, data]) => {
        const link = connectToHeadless(
          channelName(boardId, me.id),
          isPanelData(data) ? data.instanceId : null,
          {
            notice: (next) => {
              if (!closed) setNotice(next);
            },
            plan: (plan) => {
              if (!closed) onPlan(plan);
            },
            work: (work) => {
              if (!closed) onWork(work);
            },
          },
        );
        if (closed) link.close();
        return link;
      },
    );
    endpoint.current = opening;
    return () => {
      closed = true;
      opening.then(
        (link) => link.close(),
        () => {},
      );
    };
  }, [board, onPlan, onWork]);

  const send = useCallback(async (command: PanelCommand): Promise<CommandResult> => {
    try {
      const link = await endpoint.current;
      if (!link) return { ok: false, message: 'The panel is still starting. Try again.' };
      return await link.send(command);
    } catch (error) {
      return { ok: false, message: `The panel could not reach the app: ${String(error)}` };
    }
  }, []);

  return { send, notice };
}
