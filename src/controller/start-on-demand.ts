import { PLAN_COLLECTION, PLAN_KEY } from '../domain/plan';
import type { Board } from '../sdk/connect';
import type { Json } from '../sdk/surface';
import type { Headless, HeadlessOptions } from './headless';
import { openPanelOnClick } from './open-panel';

type HeadlessModule = { startHeadless(board: Board, options: HeadlessOptions): Promise<Headless> };

/**
 * What index.html runs for every user on every board open. Most boards have no breakout, so only
 * what must answer at once is here: the app icon and a watch on the plan. The controller and the
 * domain code it needs are loaded the first time there is something to do: a plan appears on the
 * board, or someone opens the panel (from where they may plan one).
 */
export async function startOnDemand(
  board: Board,
  load: () => Promise<HeadlessModule>,
  instanceId: string = globalThis.crypto.randomUUID(),
): Promise<() => Promise<Headless>> {
  const plans = board.storage.collection(PLAN_COLLECTION);
  let started: Promise<Headless> | null = null;
  const onValue = (value: Json | undefined) => {
    if (value !== undefined) void ensureStarted();
  };
  const ensureStarted = (): Promise<Headless> => {
    started ??= load()
      .then((module) =>
        module.startHeadless(board, {
          instanceId,
          openPanelOnIconClick: false,
          // Another tab of this user's runs the breakout now: a fresh app (same instance, so
          // this tab's panel stays connected) waits for its turn.
          onSteppedDown: () => {
            started = null;
            void ensureStarted().catch(() => {});
          },
        }),
      )
      .finally(() => {
        // The controller keeps its own watch on the plan from here on.
        void plans.offValue(PLAN_KEY, onValue);
      });
    started.catch((error: unknown) => {
      console.error('Breakout Rooms could not start on this board.', error);
      started = null;
    });
    return started;
  };

  await board.ui.on('icon:click', () => {
    void ensureStarted().catch(() => {});
    openPanelOnClick(board, instanceId);
  });
  await plans.onValue(PLAN_KEY, onValue);
  onValue(await plans.get(PLAN_KEY));
  return ensureStarted;
}
