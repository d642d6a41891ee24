import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useSyncExternalStore,
} from 'react';
import type { PlanReader } from '../controller/plan-reader';
import { goodPlanOf, type PlanSnapshot } from '../controller/plan-snapshot';
import type { Plan } from '../domain/plan';
import type { Board } from '../sdk/connect';
import { errorMessage } from '../sdk/retry';
import { useBoard } from './board-context';

/**
 * One plan subscription per panel, read by many components through selectors. A component
 * re-renders only when the slice it selected changes: when one of 500 people joins, only that
 * person's room section and row re-render, not the whole panel.
 */
export type PlanStore = {
  get(): PlanSnapshot;
  subscribe(listener: () => void): () => void;
  /** A plan this panel's own command just wrote: shown without waiting for the storage echo. */
  committed(plan: Plan): void;
};

type ConnectablePlanStore = PlanStore & { connect(): () => void };

function createPlanStore(board: Board): ConnectablePlanStore {
  let snapshot: PlanSnapshot = { status: 'loading' };
  let reader: PlanReader | null = null;
  /** A plan committed before the reader loaded. */
  let early: Plan | null = null;
  const listeners = new Set<() => void>();
  const publish = (next: PlanSnapshot) => {
    snapshot = next;
    for (const listener of [...listeners]) listener();
  };
  return {
    get: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    committed(plan) {
      if (reader) reader.committed(plan);
      else {
        // The reader is still loading: show the plan now and hand it over once it is there.
        early = plan;
        publish({ status: 'ok', plan });
      }
    },
    connect() {
      let stopped = false;
      let current: PlanReader | null = null;
      const failed = (error: unknown) => {
        if (stopped) return;
        publish({
          status: 'corrupt',
          message: `The breakout plan could not be read from the board: ${errorMessage(error)}`,
          lastGood: early,
        });
      };
      // The reader and its parsers load on their own, so the panel's first load stays small.
      import('../controller/plan-reader')
        .then(({ PlanReader }) => {
          if (stopped) return;
          // A stopped reader cannot restart, so each (StrictMode double) mount gets its own.
          current = new PlanReader(board);
          reader = current;
          current.subscribe(publish);
          if (early) current.committed(early);
          return current.start();
        })
        .catch(failed);
      return () => {
        stopped = true;
        current?.stop();
        if (reader === current) reader = null;
      };
    },
  };
}

const PlanStoreContext = createContext<PlanStore | null>(null);

export function PlanStoreProvider({ children }: { children: ReactNode }) {
  const board = useBoard();
  const store = useMemo(() => createPlanStore(board), [board]);
  useEffect(() => store.connect(), [store]);
  return <PlanStoreContext.Provider value={store}>{children}</PlanStoreContext.Provider>;
}

export function usePlanStore(): PlanStore {
  const store = useContext(PlanStoreContext);
  if (!store) throw new Error('Plan hooks must be used inside <PlanStoreProvider>.');
  return store;
}

/**
 * A slice of the plan snapshot. `equal` decides whether a newly selected value is the same as
 * the last one; when it is, the last one is returned and the component does not re-render.
 */
export function usePlanSelector<T>(
  select: (snapshot: PlanSnapshot) => T,
  equal: (a: T, b: T) => boolean = Object.is,
): T {
  const store = usePlanStore();
  const cache = useRef<{ source: PlanSnapshot; select: unknown; value: T } | null>(null);
  const getSnapshot = () => {
    const source = store.get();
    const held = cache.current;
    if (held && held.source === source && held.select === select) return held.value;
    const value = select(source);
    const kept = held && equal(held.value, value) ? held.value : value;
    cache.current = { source, select, value: kept };
    return kept;
  };
  return useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot);
}

/**
 * A slice of the plan this panel holds: the latest good one, also while damage is reported over
 * it, or null before there is one. Views read the plan only through this (and `usePlan`), so
 * they never see how it is stored or read. `select` should keep its identity between renders
 * (a module-level function, or useCallback): a new one is run again on every render.
 */
export function usePlanValue<T>(
  select: (plan: Plan | null) => T,
  equal: (a: T, b: T) => boolean = Object.is,
): T {
  const fromSnapshot = useMemo(
    () => (snapshot: PlanSnapshot) => select(goodPlanOf(snapshot)),
    [select],
  );
  return usePlanSelector(fromSnapshot, equal);
}

const wholePlan = (plan: Plan | null) => plan;

/** The whole plan: for views that show most of it; they re-render on every change. */
export function usePlan(): Plan | null {
  return usePlanValue(wholePlan);
}

/** Same items in the same order (by identity). */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, index) => Object.is(item, b[index]));
}

/** Same keys with identical values, one level deep. */
export function sameFields<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as (keyof T)[];
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
}
