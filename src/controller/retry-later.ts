/** A failed viewport move (or plan read) is tried again after this long, doubling up to the cap. */
export const MOVE_RETRY_MS = 2_000;
const MOVE_RETRY_MAX_MS = 30_000;

/** Runs `retry` after a capped, doubling wait for try number `tries`, unless `stopped()` by then. */
export function retryLater(tries: number, stopped: () => boolean, retry: () => void): void {
  const wait = Math.min(MOVE_RETRY_MAX_MS, MOVE_RETRY_MS * 2 ** tries);
  globalThis.setTimeout(() => {
    if (!stopped()) retry();
  }, wait);
}
