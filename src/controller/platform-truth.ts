import type { Board } from '../sdk/connect';

/**
 * Whether Miro still runs this session: what a participant's app asks before it acts on a stored
 * value that takes them out of their room (the end, a closed room). Storage can be written by any
 * participant's client; the sessions Miro runs cannot. False only when Miro lists the app's
 * sessions without it; null when Miro could not be asked (ask again later).
 */
export async function sessionLive(board: Board, sessionId: string): Promise<boolean | null> {
  try {
    return (await board.collaboration.getSessions()).some((session) => session.id === sessionId);
  } catch {
    return null;
  }
}
