import type { Locks } from '../../src/controller/tab-lease';

type Holder = { steal(): void };

/**
 * The exclusive-lock part of the Web Locks API that tab-lease.ts uses (ifAvailable, steal,
 * signal), for the tabs of one simulated browser: Node has no `navigator.locks`. The browser's own
 * is exercised by the E2E test of two facilitator tabs.
 */
export function createLocks(): Locks {
  const holders = new Map<string, Holder>();
  const queues = new Map<string, Array<() => void>>();

  const next = (name: string) => {
    const queue = queues.get(name) ?? [];
    queue.shift()?.();
  };

  const grant = (
    name: string,
    callback: LockGrantedCallback<unknown>,
    resolve: (value: unknown) => void,
    reject: (error: unknown) => void,
  ) => {
    let over = false;
    const finish = (settle: () => void, release: boolean) => {
      if (over) return;
      over = true;
      if (holders.get(name) === holder) holders.delete(name);
      settle();
      if (release) next(name);
    };
    const holder: Holder = {
      // Taken by another request: released at once, and the holder's promise rejects.
      steal: () =>
        finish(() => reject(new DOMException('The lock was stolen', 'AbortError')), false),
    };
    holders.set(name, holder);
    Promise.resolve()
      .then(() => callback({ name, mode: 'exclusive' }))
      .then(
        (value) => finish(() => resolve(value), true),
        (error: unknown) => finish(() => reject(error), true),
      );
  };

  const request = ((
    name: string,
    optionsOrCallback: LockOptions | LockGrantedCallback<unknown>,
    maybeCallback?: LockGrantedCallback<unknown>,
  ) => {
    const options = typeof optionsOrCallback === 'function' ? {} : optionsOrCallback;
    const callback = (
      typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback
    ) as LockGrantedCallback<unknown>;
    return new Promise<unknown>((resolve, reject) => {
      if (options.steal) {
        holders.get(name)?.steal();
        grant(name, callback, resolve, reject);
        return;
      }
      const queue = queues.get(name) ?? [];
      queues.set(name, queue);
      if (!holders.has(name) && queue.length === 0) {
        grant(name, callback, resolve, reject);
      } else if (options.ifAvailable) {
        Promise.resolve()
          .then(() => callback(null))
          .then(resolve, reject);
      } else {
        const wait = () => grant(name, callback, resolve, reject);
        queue.push(wait);
        options.signal?.addEventListener('abort', () => {
          const index = queue.indexOf(wait);
          if (index < 0) return;
          queue.splice(index, 1);
          reject(new DOMException('The request was aborted', 'AbortError'));
        });
      }
    });
  }) as Locks['request'];
  return { request };
}
