import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BoardProvider } from '../../src/hooks/board-context';
import { useFrames } from '../../src/hooks/use-frames';
import { useHistory } from '../../src/hooks/use-history';
import { useOnlineUsers } from '../../src/hooks/use-online-users';
import { useSelection } from '../../src/hooks/use-selection';
import { connect } from '../../src/sdk/connect';
import { realMacrotask } from '../../src/simulator/clock';
import { stopWorkshops, workshop } from './harness';

afterEach(() => {
  stopWorkshops();
  vi.useRealTimers();
});

describe("the panel's live values", () => {
  it('a registration Miro refuses (the iframe going, the client offline) is no unhandled rejection: each value keeps what it read', async () => {
    const w = await workshop({ participants: 1 });
    const { tab } = w.facilitator;
    tab.clickAppIcon();
    await w.settle();
    const frame = tab.panel;
    if (!frame) throw new Error('the panel did not open');
    const { board } = connect(frame.miro);
    const wrapper = ({ children }: { children: ReactNode }) => (
      <BoardProvider board={board}>{children}</BoardProvider>
    );
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      w.sim.setOptions({ failureRate: { 'ui.on': 1, 'storage.onValue': 1 } });
      const values = renderHook(
        () => [useFrames(), useOnlineUsers(), useSelection(), useHistory()],
        { wrapper },
      );
      for (let round = 0; round < 20; round += 1) {
        await act(async () => {
          await w.advance(1_000);
          await realMacrotask();
        });
      }
      expect(unhandled).toEqual([]);
      expect(values.result.current.map((value) => value.status)).toEqual([
        'ready',
        'ready',
        'ready',
        'ready',
      ]);
      values.unmount();
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
