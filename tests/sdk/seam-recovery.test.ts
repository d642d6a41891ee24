import { afterEach, describe, expect, it, vi } from 'vitest';
import { connect, SdkTimeoutError } from '../../src/sdk/connect';
import { callWithRetry, DEFAULT_RETRY } from '../../src/sdk/retry';
import type { MiroSurface } from '../../src/sdk/surface';

afterEach(() => {
  vi.useRealTimers();
});

/** Found by the fault-injection runner (seed 1114): a start gave up under a low credit budget. */
describe('rate limits slow the app down, never break it', () => {
  it('waits long enough between tries for Miro’s minute window to hand out new credits', async () => {
    vi.useFakeTimers();
    const startedAt = Date.now();
    let calls = 0;
    const call = async () => {
      calls += 1;
      // Miro's window: everything in the first minute is refused.
      if (Date.now() - startedAt < 60_000) throw new Error('Web SDK rate limit exceeded');
      return 'done';
    };
    const result = callWithRetry('storage.set', call, DEFAULT_RETRY, {
      random: () => 0,
      onRetry: () => {},
    });
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    await expect(result).resolves.toBe('done');
    expect(calls).toBeLessThanOrEqual(DEFAULT_RETRY.rateLimitAttempts);
  });
});

describe('no call waits forever', () => {
  it('rejects a call Miro never answers with a message naming it, after the timeout', async () => {
    vi.useFakeTimers();
    const never = new Promise<never>(() => {});
    const miro = {
      board: { getUserInfo: () => never },
      clientVersion: 'test',
    } as unknown as MiroSurface;
    const { board } = connect(miro, { callTimeoutMs: 1_000, random: () => 0 });
    const pending = board.getUserInfo();
    const outcome = pending.then(
      () => null,
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(60_000);
    const error = await outcome;
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message)).toMatch(/getUserInfo/);
    expect((error as { cause?: unknown }).cause).toBeInstanceOf(SdkTimeoutError);
  });

  it('retries a failed registration and never rejects an unregistration', async () => {
    vi.useFakeTimers();
    let tries = 0;
    const miro = {
      board: {
        events: {
          on: async () => {
            tries += 1;
            if (tries === 1) throw new Error('transient');
          },
          off: async () => {
            throw new Error('the iframe is gone');
          },
        },
      },
      clientVersion: 'test',
    } as unknown as MiroSurface;
    const { board } = connect(miro, { random: () => 0 });
    const on = board.events.on('x', () => {});
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(on).resolves.toBeUndefined();
    expect(tries).toBe(2);
    await expect(board.events.off('x', () => {})).resolves.toBeUndefined();
  });
});
