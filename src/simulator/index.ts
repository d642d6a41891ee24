/** The simulated Miro board: see api.ts for the contract and README.md for usage. */
export type * from './api';
export { createBoard, type SimBoardExtras } from './board';
export { globalClock } from './clock';
export { defaultBehaviour, defaultKnobs, defaultOptions } from './defaults';
export { RateLimitError, SimError, type SimErrorCode } from './errors';
export { NOTIFICATION_MAX_CHARS } from './notifications';
export { settleBoard } from './settle';
