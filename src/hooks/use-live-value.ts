import { useEffect, useState } from 'react';
import { errorMessage } from '../sdk/retry';

export type LiveValue<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; message: string };

/** What `subscribe` hands back: the registrations on the board, and how to undo them. */
export type LiveSubscription = { registered: Promise<unknown>; unsubscribe: () => void };

export type LiveSource<T> = {
  read: () => Promise<T>;
  /** Subscribes; `changed(value)` pushes a new value, `changed()` asks for a re-read. None: the value never changes. */
  subscribe?: (changed: (value?: T) => void) => LiveSubscription;
};

/**
 * A value read from the board and kept fresh by an event. The subscription is made before the
 * first read, and a read that was overtaken by an event is dropped, so a slow first read never
 * overwrites newer data (miro-sdk.md D12). A registration Miro refuses (the panel's iframe is
 * going, the client is offline) ends the subscription: the value stays what was last read.
 */
export function useLiveValue<T>(source: LiveSource<T>): LiveValue<T> {
  const [state, setState] = useState<LiveValue<T>>({ status: 'loading' });

  useEffect(() => {
    let active = true;
    let generation = 0;
    const reread = () => {
      generation += 1;
      const mine = generation;
      source.read().then(
        (value) => {
          if (active && mine === generation) setState({ status: 'ready', value });
        },
        (error: unknown) => {
          if (active && mine === generation)
            setState({ status: 'error', message: errorMessage(error) });
        },
      );
    };
    const subscription = source.subscribe?.((value?: T) => {
      if (!active) return;
      if (value === undefined) {
        reread();
        return;
      }
      generation += 1;
      setState({ status: 'ready', value });
    });
    subscription?.registered.catch(() => subscription.unsubscribe());
    reread();
    return () => {
      active = false;
      subscription?.unsubscribe();
    };
  }, [source]);

  return state;
}
