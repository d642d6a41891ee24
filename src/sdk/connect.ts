import { Meter } from './meter';
import { noSessions } from './no-sessions';
import { callWithRetry, DEFAULT_RETRY, type RetryPolicy } from './retry';
import { hasCollaboration, type MiroBoardSurface, type MiroSurface } from './surface';

/** The board as the rest of the app sees it: Miro's surface, with retries and metering. */
export type Board = MiroBoardSurface;

export type Connection = { board: Board; meter: Meter };

/** How long one SDK call may take before the app stops waiting and says so. */
export const DEFAULT_CALL_TIMEOUT_MS = 20_000;

export type ConnectOptions = {
  retry?: RetryPolicy;
  /** Per attempt; a call that never settles rejects with a message after this long. */
  callTimeoutMs?: number;
  /** Jitter source for backoff; seeded in tests and benchmarks. */
  random?: () => number;
};

// Registrations (`on`, `onValue`) cost no credits and go through the retry path like any call:
// registering the same handler twice is harmless (Miro, like the DOM, keeps one), and a headless
// app whose one `on` failed would otherwise never hear that event again.
/**
 * Unregistering is best effort: it runs while a client shuts down or moves on, nobody awaits it
 * for a result, and when it fails (the iframe is going, the client is offline) there is nothing
 * left to deliver to. It never rejects, so a `void off(...)` can never be an unhandled rejection.
 */
const UNREGISTRATIONS = new Set(['off', 'offValue']);

/** Calls that hand back Session objects, which must be wrapped in turn. */
const RETURNS_SESSIONS = new Set(['collaboration.startSession', 'collaboration.getSessions']);

/** Calls that hand back board items; a frame's own calls (`add`, `getChildren`) are metered too. */
const RETURNS_ITEMS = new Set([
  'board.get',
  'board.getById',
  'board.getSelection',
  'board.select',
  'board.deselect',
  'frame.add',
  'frame.getChildren',
]);
const returnsItems = (method: string) =>
  RETURNS_ITEMS.has(method) || method.startsWith('board.create');

/**
 * A create that failed for any reason but the rate limit may still have made its item (a reply
 * lost in transit, a timeout): trying again here could make it twice. Whoever creates looks at
 * the board first and decides (controller/board-job.ts); a rate-limit refusal has no side effect
 * (miro-sdk.md R1), so that alone is retried here.
 */
const makesSomething = (method: string) => method.startsWith('board.create');

type AnyFunction = (...args: unknown[]) => unknown;

/**
 * Wraps the `miro` global so every call is counted and retried. A Proxy keeps Miro's own method
 * names and types, so the app calls `board.collaboration.startSession(...)` as the docs show.
 */
export function connect(miro: MiroSurface, options: ConnectOptions = {}): Connection {
  const meter = new Meter();
  const policy = options.retry ?? DEFAULT_RETRY;
  const random = options.random ?? Math.random;
  const timeoutMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;

  const createPolicy: RetryPolicy = { ...policy, attempts: 1 };

  const wrapResult = (method: string, value: unknown): unknown => {
    if (RETURNS_SESSIONS.has(method)) {
      if (Array.isArray(value)) return value.map((session) => wrap(session, 'session'));
      return wrap(value, 'session');
    }
    if (!returnsItems(method)) return value;
    return Array.isArray(value) ? value.map(wrapItem) : wrapItem(value);
  };

  const wrapMethod =
    (target: object, fn: AnyFunction, method: string, name: string) =>
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
          return wrapResult(method, await withTimeout(method, fn.apply(target, args), timeoutMs));
        },
        makesSomething(method) ? createPolicy : policy,
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
        // A board without sessions (2.1): the stand-in answers, so no caller meets `undefined`.
        if (namespace === 'board' && property === 'collaboration' && !hasCollaboration(target)) {
          if (!cache.has(property)) cache.set(property, noSessions());
          return cache.get(property);
        }
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

  /**
   * An item keeps its own fields (reads, spreads and JSON see the item itself); only its methods
   * are wrapped, metered under the item's type (`frame.add`). Unlike the board, the item is the
   * Proxy's target, so a change the app makes to a field reaches the item a later `sync` sends.
   */
  const wrapItem = (item: unknown): unknown => {
    if (typeof item !== 'object' || item === null) return item;
    const type = (item as { type?: unknown }).type;
    const namespace = typeof type === 'string' && type.length > 0 ? type : 'item';
    const cache = new Map<string, unknown>();
    return new Proxy(item, {
      get(target, property) {
        const member: unknown = Reflect.get(target, property);
        if (typeof property !== 'string' || typeof member !== 'function') return member;
        // A frozen own method must be returned as it is (a Proxy invariant); it goes unmetered.
        const own = Object.getOwnPropertyDescriptor(target, property);
        if (own && !own.configurable && !own.writable) return member;
        let wrapped = cache.get(property);
        if (!wrapped) {
          wrapped = wrapMethod(target, member as AnyFunction, `${namespace}.${property}`, property);
          cache.set(property, wrapped);
        }
        return wrapped;
      },
    });
  };

  return { board: wrap(miro.board, 'board'), meter };
}

/** A call that did not settle in time; retried like any transient failure. */
export class SdkTimeoutError extends Error {
  override readonly name = 'SdkTimeoutError';
  constructor(method: string, ms: number) {
    super(`Miro did not answer "${method}" within ${Math.round(ms / 1000)} s`);
  }
}

/**
 * Nothing in the app waits forever on Miro: the timer is the global one, looked up per call, so
 * tests on fake timers drive it like any other.
 */
function withTimeout<T>(method: string, result: T | Promise<T>, ms: number): Promise<T> {
  const thenable =
    typeof result === 'object' &&
    result !== null &&
    typeof (result as Promise<T>).then === 'function';
  if (!thenable || !Number.isFinite(ms) || ms <= 0) return Promise.resolve(result);
  return new Promise<T>((resolve, reject) => {
    const timer = globalThis.setTimeout(() => reject(new SdkTimeoutError(method, ms)), ms);
    (result as Promise<T>).then(
      (value) => {
        globalThis.clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        globalThis.clearTimeout(timer);
        reject(error);
      },
    );
  });
}
