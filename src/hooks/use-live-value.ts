import { useEffect, useState } from 'react';
import { errorMessage } from '../sdk/retry';

export type LiveValue<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; message: string };

export type LiveSource<T> = {
  read: () => Promise<T>;
  /** Subscribes; `changed(value)` pushes a new value, `changed()` asks for a re-read. Returns the unsubscribe. */
  subscribe: (changed: (value?: T) => void) => () => void;
};

/**
 * A value read from the board and kept fresh by an event. The subscription is made before the
 * first read, and a read that was overtaken by an event is dropped, so a slow first read never
 * overwrites newer data (miro-sdk.md D12).
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
    const unsubscribe = source.subscribe((value?: T) => {
      if (!active) return;
      if (value === undefined) {
        reread();
        return;
      }
      generation += 1;
      setState({ status: 'ready', value });
    });
    reread();
    return () => {
      active = false;
      unsubscribe();
    };
  }, [source]);

  return state;
}
