/**
 * Retries SDK calls that failed for reasons that may pass: rate limits (miro-sdk.md 4.1, R1) and
 * transient errors (R2). Waits grow exponentially, are capped, and are fully jittered so that many
 * clients backing off at once do not retry in lockstep.
 */

export type RetryPolicy = {
  /** Tries in all for an ordinary failure. */
  attempts: number;
  /** Tries in all while Miro says the rate limit is reached (its windows are a minute long). */
  rateLimitAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * Least wait after a rate-limit error; the wait is between this and twice this. Miro hands out
   * new credits when its minute window ends (miro-sdk.md 4.1), so short exponential waits would
   * spend every try inside the same exhausted window and give up while Miro is merely busy.
   */
  rateLimitDelayMs: number;
};

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 4,
  rateLimitAttempts: 8,
  baseDelayMs: 250,
  maxDelayMs: 15_000,
  rateLimitDelayMs: 15_000,
};

/** Miro gives no code for rate limiting, only a message (miro-sdk.md 4.1). */
export const isRateLimitError = (error: unknown): boolean => {
  const text = `${errorName(error)} ${errorMessage(error)}`;
  return /rate.?limit/i.test(text);
};

/** A call that still failed after its retries; its message is meant for people. */
export class SdkCallError extends Error {
  override readonly name = 'SdkCallError';
  constructor(
    readonly method: string,
    readonly attempts: number,
    readonly rateLimited: boolean,
    override readonly cause: unknown,
  ) {
    super(
      rateLimited
        ? `Miro is limiting how fast this app may work, and "${method}" still could not run after ${attempts} tries. Wait a minute, then try again.`
        : `Miro could not complete "${method}" (${attempts === 1 ? 'tried once' : `tried ${attempts} times`}): ${errorMessage(cause)}. Check your connection and try again.`,
    );
  }
}

export const errorMessage = (error: unknown): string => {
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const message = (error as { message: unknown }).message;
    if (typeof message === 'string' && message.length > 0) return message;
  }
  return typeof error === 'string' && error.length > 0 ? error : 'unknown error';
};

const errorName = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'name' in error
    ? String((error as { name: unknown }).name)
    : '';

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    globalThis.setTimeout(resolve, ms);
  });

export type RetryHooks = {
  random: () => number;
  onRetry: () => void;
};

export const backoffDelay = (policy: RetryPolicy, retryIndex: number, random: () => number) =>
  Math.round(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex));

export async function callWithRetry<T>(
  method: string,
  call: () => Promise<T>,
  policy: RetryPolicy,
  hooks: RetryHooks,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      const rateLimited = isRateLimitError(error);
      const allowed = rateLimited ? policy.rateLimitAttempts : policy.attempts;
      if (attempt >= allowed) throw new SdkCallError(method, attempt, rateLimited, error);
      hooks.onRetry();
      await sleep(
        rateLimited
          ? Math.round(policy.rateLimitDelayMs * (1 + hooks.random()))
          : backoffDelay(policy, attempt - 1, hooks.random),
      );
    }
  }
}
