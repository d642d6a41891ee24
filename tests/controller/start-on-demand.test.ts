import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Headless } from '../../src/controller/headless';
import * as headlessModule from '../../src/controller/headless';
import { startOnDemand } from '../../src/controller/start-on-demand';
import { connect } from '../../src/sdk/connect';
import { createBoard, settleBoard } from '../../src/simulator/index';

afterEach(() => {
  vi.useRealTimers();
});

/** A board with one user whose headless page runs the on-demand loader. */
async function loaderOnBoard(plan?: Parameters<ReturnType<typeof createBoard>['writeStorage']>[2]) {
  vi.useFakeTimers();
  const sim = createBoard({ seed: 5 });
  if (plan !== undefined) sim.writeStorage('breakout-rooms', 'plan', plan);
  const user = sim.addUser({ name: 'Fran' });
  const tab = sim.openTab(user.id);
  const miro = tab.headless?.miro;
  if (!miro) throw new Error('no headless iframe');
  const { board, meter } = connect(miro);
  const started: Headless[] = [];
  const load = vi.fn(async () => ({
    startHeadless: async (...args: Parameters<typeof headlessModule.startHeadless>) => {
      const headless = await headlessModule.startHeadless(...args);
      started.push(headless);
      return headless;
    },
  }));
  const settle = () => settleBoard(sim, () => vi.advanceTimersToNextTimerAsync());
  const ready = startOnDemand(board, load, 'instance-1');
  await settle();
  await ready;
  return { sim, tab, load, meter, settle, started };
}

describe('loading the controller only when there is something to do', () => {
  it('does not load the controller on a board without a breakout plan', async () => {
    const { load, meter } = await loaderOnBoard();
    expect(load).not.toHaveBeenCalled();
    // Board open costs one read of the plan key, nothing else.
    expect(meter.snapshot().credits).toBe(50);
  });

  it('loads the controller and opens the panel when the app icon is clicked', async () => {
    const { tab, load, settle, started } = await loaderOnBoard();
    tab.clickAppIcon();
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(tab.panelRequest?.data).toEqual({ instanceId: 'instance-1' });
    expect(started[0]?.instanceId).toBe('instance-1');
    started[0]?.stop();
  });

  it('loads the controller at once when the board already holds a plan', async () => {
    const { load, started } = await loaderOnBoard({ schema: 1 });
    expect(load).toHaveBeenCalledTimes(1);
    started[0]?.stop();
  });

  it('opens the panel once per click, not once more for the loaded controller', async () => {
    const { tab, settle, started, sim } = await loaderOnBoard();
    tab.clickAppIcon();
    await settle();
    tab.closePanel();
    tab.clickAppIcon();
    await settle();
    const opened = sim.counters().calls[tab.user.id]?.['ui.openPanel'];
    expect(opened).toBe(2);
    started[0]?.stop();
  });
});
