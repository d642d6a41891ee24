import { afterEach, describe, expect, it, vi } from 'vitest';
import { startHeadless } from '../../src/controller/headless';
import { connect } from '../../src/sdk/connect';
import { createBoard, settleBoard } from '../../src/simulator/index';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('a headless app that cannot start', () => {
  it('closes its panel channel, so no half-started app answers the panel', async () => {
    const opened: BroadcastChannel[] = [];
    const closed = new Set<BroadcastChannel>();
    class RecordingChannel extends BroadcastChannel {
      constructor(name: string) {
        super(name);
        opened.push(this);
      }
      override close(): void {
        closed.add(this);
        super.close();
      }
    }
    vi.stubGlobal('BroadcastChannel', RecordingChannel);
    vi.useFakeTimers();
    // Watching the plan is the last step of the start; Miro refuses it every time.
    const sim = createBoard({ seed: 9, failureRate: { 'storage.onValue': 1 } });
    const user = sim.addUser({ name: 'Fran' });
    const miro = sim.openTab(user.id).headless?.miro;
    if (!miro) throw new Error('no headless iframe');
    const { board } = connect(miro);
    let outcome: string | null = null;
    startHeadless(board).then(
      () => {
        outcome = 'started';
      },
      (error: unknown) => {
        outcome = error instanceof Error ? error.message : String(error);
      },
    );
    // The seam retries the registration with backoff: run time on until the start gives up.
    for (let step = 0; outcome === null && step < 1_000; step += 1) {
      await settleBoard(sim, () => vi.advanceTimersToNextTimerAsync());
      await vi.advanceTimersToNextTimerAsync();
    }
    expect(outcome).toMatch(/storage\.onValue/);
    expect(opened.length).toBeGreaterThan(0);
    expect(opened.filter((channel) => !closed.has(channel))).toEqual([]);
  });
});
