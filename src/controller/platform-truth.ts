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

/**
 * The id of the app's session Miro runs with this user in it; false when Miro runs none with them;
 * null when Miro could not be asked. For an app that does not know the user's room's session: it
 * costs one call per session still running (none once a breakout has really ended).
 */
export async function sessionWith(board: Board, userId: string): Promise<string | false | null> {
  try {
    const sessions = await board.collaboration.getSessions();
    const joined = await Promise.all(sessions.map((session) => session.hasJoined(userId)));
    return sessions.find((_, index) => joined[index])?.id ?? false;
  } catch {
    return null;
  }
}
