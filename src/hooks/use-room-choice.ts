import { useCallback } from 'react';
import { BROADCAST_EVENT } from '../domain/messages';
import type { PersonRef } from '../domain/plan';
import { roomPicked } from '../domain/planning/room-picked-message';
import { errorMessage } from '../sdk/retry';
import { useBoard } from './board-context';

/**
 * A participant picks a room (or withdraws, with null). Participants never write the plan: the
 * pick goes to the facilitator's app as a broadcast, which checks it and writes it.
 */
export function useRoomChoice(runId: string, me: PersonRef) {
  const board = useBoard();
  const { id, name } = me;
  return useCallback(
    async (roomId: string | null): Promise<string | null> => {
      try {
        await board.events.broadcast(BROADCAST_EVENT, roomPicked(runId, roomId, { id, name }));
        return null;
      } catch (error) {
        return `Your choice could not be sent: ${errorMessage(error)}. Try again.`;
      }
    },
    [board, runId, id, name],
  );
}
