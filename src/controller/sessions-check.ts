import type { Board } from '../sdk/connect';
import { isNoSessions, NO_SESSIONS_MESSAGE } from '../sdk/no-sessions';
import { errorMessage } from '../sdk/retry';
import { isRateLimited } from './board-maker';
import type { SessionsOffer } from './rooms-work';

export const CHECK_SESSION_NAME = 'Breakout Rooms · checking sessions';

/**
 * Whether Miro offers collaboration sessions on this board, known before anyone plans a
 * breakout (they are experimental, miro-sdk.md 2.1). Without `miro.board.collaboration` the
 * answer is known at once; otherwise one session is started and ended at once, the first time
 * a facilitator's panel asks (two calls, once per app).
 */
export class SessionsCheck {
  private offer: SessionsOffer;

  constructor(
    private readonly board: Board,
    private readonly changed: () => void,
  ) {
    this.offer = isNoSessions(board.collaboration)
      ? { state: 'missing', message: NO_SESSIONS_MESSAGE }
      : { state: 'unknown' };
  }

  current(): SessionsOffer {
    return this.offer;
  }

  async check(): Promise<SessionsOffer> {
    if (this.offer.state !== 'unknown' && this.offer.state !== 'refused') return this.offer;
    this.set({ state: 'checking' });
    try {
      const session = await this.board.collaboration.startSession({
        name: CHECK_SESSION_NAME,
        description: 'Checks that Miro offers sessions on this board; ended at once.',
      });
      await session.end().catch(() => {});
      this.set({ state: 'offered' });
    } catch (error) {
      this.set(
        isRateLimited(error)
          ? { state: 'unknown' }
          : {
              state: 'refused',
              message: `Miro would not start a collaboration session on this board (${errorMessage(error)}), so breakout rooms cannot start here. Ask the board's owner whether apps may run sessions, then check again.`,
            },
      );
    }
    return this.offer;
  }

  private set(offer: SessionsOffer): void {
    this.offer = offer;
    this.changed();
  }
}
