import { useCallback } from 'react';
import { BROADCAST_EVENT, helpRequested, rejoinRequested } from '../domain/messages';
import type { PersonRef } from '../domain/plan';
import { errorMessage } from '../sdk/retry';
import { useBoard } from './board-context';
import { useMoveMyView } from './use-commands';

/** Null when it worked, else a message to show. */
export type ActionOutcome = string | null;

export type ParticipantActions = {
  askForHelp(): Promise<ActionOutcome>;
  askToRejoin(): Promise<ActionOutcome>;
  takeMeToMyRoom(): Promise<ActionOutcome>;
};

/**
 * What a participant can do themselves. Participants never write the plan: they ask the
 * facilitator's app with a broadcast, and move only their own viewport.
 */
export function useParticipantActions(runId: string, me: PersonRef): ParticipantActions {
  const board = useBoard();
  const move = useMoveMyView();
  const { id, name } = me;

  const askForHelp = useCallback(
    () =>
      attempt(
        () => board.events.broadcast(BROADCAST_EVENT, helpRequested(runId, { id, name })),
        'Your request for help could not be sent',
      ),
    [board, runId, id, name],
  );

  const askToRejoin = useCallback(
    () =>
      attempt(
        () => board.events.broadcast(BROADCAST_EVENT, rejoinRequested(runId, { id, name })),
        'Your request to rejoin could not be sent',
      ),
    [board, runId, id, name],
  );

  // Through this tab's app, which moves this user's viewport one move at a time and checks its
  // own plan first: a click made as the breakout ends does not take anyone back into the room.
  const takeMeToMyRoom = useCallback(() => move({ type: 'showMyRoom' }), [move]);

  return { askForHelp, askToRejoin, takeMeToMyRoom };
}

async function attempt(action: () => Promise<unknown>, failure: string): Promise<ActionOutcome> {
  try {
    await action();
    return null;
  } catch (error) {
    return `${failure}: ${errorMessage(error)}. Try again.`;
  }
}
