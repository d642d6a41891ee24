/** The part of the Web Locks API the lease uses: absent in Node and in browsers without it. */
export type Locks = Pick<LockManager, 'request'>;

/**
 * Which of a facilitator's tabs on one board runs the breakout. Each tab runs the app, and two
 * facilitating apps would both write the plan (storage has no compare-and-set, so their writes
 * collide) and both hold the sessions. One browser's tabs share Web Locks: the tab holding the
 * lock facilitates, a tab the facilitator uses takes it, and when the holder closes, a waiting
 * tab is given it. Without Web Locks every tab facilitates, as before.
 */
export type TabLease = {
  held(): boolean;
  /** Holds the lease if no other tab does; otherwise waits for it. Resolves whether held now. */
  holdOrWait(): Promise<boolean>;
  /** Takes the lease from whichever tab holds it. */
  take(): Promise<void>;
  /** Lets a waiting tab have it (this app is going away). */
  release(): void;
};

export type LeaseEvents = {
  /** A wait ended: this tab holds the lease now. */
  granted(): void;
  /** Another tab took the lease. */
  lost(): void;
};

const EVERY_TAB: TabLease = {
  held: () => true,
  holdOrWait: async () => true,
  take: async () => {},
  release: () => {},
};

export function tabLease(locks: Locks | undefined, name: string, events: LeaseEvents): TabLease {
  if (!locks) return EVERY_TAB;
  let held = false;
  /** Locks refused (an opaque origin, a sandbox): behave as without them. */
  let unusable = false;
  /** Released: this app is going away, and a grant arriving now is handed straight back. */
  let over = false;
  let letGo: (() => void) | null = null;
  let waiting: AbortController | null = null;
  let asking: Promise<boolean> | null = null;

  /** Resolves once the request is granted (true) or, with `ifAvailable`, refused (false). */
  const ask = (options: LockOptions): Promise<boolean> =>
    new Promise((answer) => {
      locks
        .request(name, options, (lock) => {
          if (!lock || over) {
            answer(false);
            return;
          }
          held = true;
          answer(true);
          // Held until released, taken by another tab, or this tab's document goes away.
          return new Promise<void>((resolve) => {
            letGo = resolve;
          });
        })
        .catch(() => {
          if (held) {
            held = false;
            letGo = null;
            events.lost();
          } else if (!options.signal?.aborted && !over) {
            unusable = true;
            answer(true);
          }
        });
    });

  const wait = () => {
    waiting = new AbortController();
    void ask({ signal: waiting.signal }).then((granted) => {
      waiting = null;
      if (granted && held) events.granted();
    });
  };

  return {
    held: () => held || unusable,
    holdOrWait() {
      if (held || unusable) return Promise.resolve(true);
      if (waiting || over) return Promise.resolve(false);
      asking ??= ask({ ifAvailable: true }).then((holdsNow) => {
        asking = null;
        if (!holdsNow && !held && !over) wait();
        return holdsNow;
      });
      return asking;
    },
    async take() {
      if (held || unusable || over) return;
      waiting?.abort();
      waiting = null;
      await ask({ steal: true });
    },
    release() {
      over = true;
      waiting?.abort();
      waiting = null;
      held = false;
      letGo?.();
      letGo = null;
    },
  };
}
