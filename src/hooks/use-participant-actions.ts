import { useCallback } from 'react';
import { viewportAroundFrame } from '../controller/viewport';
import { BROADCAST_EVENT, helpRequested, rejoinRequested } from '../domain/messages';
import type { PersonRef, Rect } from '../domain/plan';
import { errorMessage } from '../sdk/retry';
import { useBoard } from './board-context';

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
export function useParticipantActions(
  runId: string,
  me: PersonRef,
  roomFrame: Rect | null,
): ParticipantActions {
  const board = useBoard();
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

  const x = roomFrame?.x;
  const y = roomFrame?.y;
  const width = roomFrame?.width;
  const height = roomFrame?.height;
  const takeMeToMyRoom = useCallback(async () => {
    if (x === undefined || y === undefined || width === undefined || height === undefined) {
      return 'You are not in a room.';
    }
    return attempt(
      () => board.viewport.set({ viewport: viewportAroundFrame({ x, y, width, height }) }),
      'You could not be taken to your room',
    );
  }, [board, x, y, width, height]);

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
