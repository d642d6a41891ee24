import { Meter } from './meter';
import { callWithRetry, DEFAULT_RETRY, type RetryPolicy } from './retry';
import type { MiroBoardSurface, MiroSurface } from './surface';

/** The board as the rest of the app sees it: Miro's surface, with retries and metering. */
export type Board = MiroBoardSurface;

export type Connection = { board: Board; meter: Meter };

export type ConnectOptions = {
  retry?: RetryPolicy;
  /** Jitter source for backoff; seeded in tests and benchmarks. */
  random?: () => number;
};

/**
 * Registrations cost no credits. Registering the same handler twice is harmless (Miro, like the
 * DOM, keeps one), so a failed `on` is retried like any call: a headless app whose one `on`
 * failed would otherwise never hear that event again.
 */
const REGISTRATIONS = new Set(['on', 'onValue']);
/**
 * Unregistering is best effort: it runs while a client shuts down or moves on, nobody awaits it
 * for a result, and when it fails (the iframe is going, the client is offline) there is nothing
 * left to deliver to. It never rejects, so a `void off(...)` can never be an unhandled rejection.
 */
const UNREGISTRATIONS = new Set(['off', 'offValue']);

/** Calls that hand back Session objects, which must be wrapped in turn. */
const RETURNS_SESSIONS = new Set(['collaboration.startSession', 'collaboration.getSessions']);

type AnyFunction = (...args: unknown[]) => unknown;

/**
 * Wraps the `miro` global so every call is counted and retried. A Proxy keeps Miro's own method
 * names and types, so the app calls `board.collaboration.startSession(...)` as the docs show.
 */
export function connect(miro: MiroSurface, options: ConnectOptions = {}): Connection {
  const meter = new Meter();
  const policy = options.retry ?? DEFAULT_RETRY;
  const random = options.random ?? Math.random;

  const wrapResult = (method: string, value: unknown): unknown => {
    if (!RETURNS_SESSIONS.has(method)) return value;
    if (Array.isArray(value)) return value.map((session) => wrap(session, 'session'));
    return wrap(value, 'session');
  };

  const wrapMethod = (target: object, fn: AnyFunction, method: string, name: string) =>
    (...args: unknown[]): unknown => {
      if (UNREGISTRATIONS.has(name)) {
        meter.called(method);
        return Promise.resolve()
          .then(() => fn.apply(target, args))
          .then(
            () => undefined,
            () => undefined,
          );
      }
      if (method === 'storage.collection') {
        meter.called(method);
        return wrap(fn.apply(target, args), 'storage');
      }
      return callWithRetry(
        method,
        async () => {
          meter.called(method);
          return wrapResult(method, await fn.apply(target, args));
        },
        policy,
        { random, onRetry: () => meter.retried() },
      ).catch((error: unknown) => {
        meter.failed();
        throw error;
      });
    };

  const wrap = <T>(value: T, namespace: string): T => {
    if (typeof value !== 'object' || value === null) return value;
    const cache = new Map<PropertyKey, unknown>();
    const target: object = value;
    // The Proxy's own target is a blank object so that frozen or non-configurable members of
    // the real object never trip the Proxy invariants when we hand back a wrapped method.
    return new Proxy({} as T & object, {
      get(_blank, property) {
        const member: unknown = Reflect.get(target, property);
        if (typeof property !== 'string') return member;
        if (cache.has(property)) return cache.get(property);
        let wrapped: unknown = member;
        if (typeof member === 'function') {
          wrapped = wrapMethod(target, member as AnyFunction, `${namespace}.${property}`, property);
        } else if (typeof member === 'object' && member !== null && namespace === 'board') {
          wrapped = wrap(member, property);
        } else if (property === 'attention' && typeof member === 'object' && member !== null) {
          wrapped = wrap(member, 'attention');
        } else {
          return member;
        }
        cache.set(property, wrapped);
        return wrapped;
      },
    });
  };

  return { board: wrap(miro.board, 'board'), meter };
}
