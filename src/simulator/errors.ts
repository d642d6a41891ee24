/** Error codes of the simulator (miro-sdk.md 4.3). They are ours, not Miro's. */
export type SimErrorCode =
  | 'RATE_LIMIT'
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'UNAVAILABLE';

/** Every rejection the simulator produces is one of these: an Error with a `code`. */
export class SimError extends Error {
  readonly code: SimErrorCode;
  constructor(code: SimErrorCode, message: string) {
    super(message);
    this.name = 'SimError';
    this.code = code;
  }
}

/** R1: name `RateLimitError`, message containing "rate limit", code RATE_LIMIT. */
export class RateLimitError extends SimError {
  constructor(method: string) {
    super('RATE_LIMIT', `Web SDK rate limit exceeded (${method}); wait for new credits`);
    this.name = 'RateLimitError';
  }
}

export const invalid = (message: string): SimError => new SimError('INVALID_INPUT', message);
export const notFound = (message: string): SimError => new SimError('NOT_FOUND', message);
export const forbidden = (message: string): SimError => new SimError('FORBIDDEN', message);
export const conflict = (message: string): SimError => new SimError('CONFLICT', message);
export const unavailable = (message: string): SimError => new SimError('UNAVAILABLE', message);
