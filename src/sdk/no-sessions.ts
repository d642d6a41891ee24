import type { CollaborationSurface } from './surface';

/**
 * Sessions are an experimental part of the SDK (miro-sdk.md 2.1): a board or app Miro does not
 * offer them to has no `miro.board.collaboration`. The seam puts this in its place, so the app
 * runs as on a board where no session exists and none can start, and says so in words.
 */
export const NO_SESSIONS_MESSAGE =
  'Miro does not offer collaboration sessions to this app on this board, so breakout rooms cannot start here.';

export class SessionsUnavailableError extends Error {
  override readonly name = 'SessionsUnavailableError';
  constructor() {
    super(NO_SESSIONS_MESSAGE);
  }
}

const NO_SESSIONS: unique symbol = Symbol('no-sessions');

const refuse = () => Promise.reject(new SessionsUnavailableError());

export const noSessions = (): CollaborationSurface & { [NO_SESSIONS]: true } => ({
  [NO_SESSIONS]: true,
  startSession: refuse,
  getSessions: () => Promise.resolve([]),
  zoomTo: refuse,
  on: () => Promise.resolve(),
  off: () => Promise.resolve(),
  attention: {
    follow: refuse,
    isFollowing: () => Promise.resolve(false),
    getFollowedUser: refuse,
    unfollow: refuse,
  },
});

/** True for the stand-in of a board without sessions. */
export const isNoSessions = (collaboration: unknown): boolean =>
  typeof collaboration === 'object' &&
  collaboration !== null &&
  (collaboration as { [NO_SESSIONS]?: unknown })[NO_SESSIONS] === true;
