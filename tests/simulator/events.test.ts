import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBoard, miroOf, recorder, rejection, run, settle, userWithTab } from './helpers';

afterEach(() => {
  vi.useRealTimers();
});

/** Alice has two tabs, the first with its panel open; Bob has one tab. */
const scene = async (options = {}) => {
  const board = fakeBoard(options);
  const alice = userWithTab(board, 'Alice');
  await run(board, alice.miro.board.ui.openPanel({ url: 'app.html' }));
  const alicePanel = alice.tab.panel?.miro;
  if (!alicePanel) throw new Error('no panel');
  const aliceTab2 = miroOf(board.openTab(alice.user.id));
  const bob = userWithTab(board, 'Bob');
  const seen = {
    aliceHeadless: recorder(),
    alicePanel: recorder(),
    aliceTab2: recorder(),
    bob: recorder(),
  };
  await run(board, alice.miro.board.events.on('nudge', seen.aliceHeadless.handler));
  await run(board, alicePanel.board.events.on('nudge', seen.alicePanel.handler));
  await run(board, aliceTab2.board.events.on('nudge', seen.aliceTab2.handler));
  await run(board, bob.miro.board.events.on('nudge', seen.bob.handler));
  return { board, alice, alicePanel, aliceTab2, bob, seen };
};

describe('realtime events (miro-sdk.md 2.5, E1–E4)', () => {
  it("broadcast does not reach the sending tab but reaches the sender's other tab (E1)", async () => {
    const { board, alice, seen } = await scene();
    await run(board, alice.miro.board.events.broadcast('nudge', { from: 'a' }));
    await settle(board);
    expect(seen.aliceHeadless.calls).toEqual([]);
    expect(seen.alicePanel.calls).toEqual([]);
    expect(seen.aliceTab2.calls).toEqual([[{ from: 'a' }]]);
    expect(seen.bob.calls).toEqual([[{ from: 'a' }]]);
  });

  it("broadcastExcludeScope 'iframe': the sending tab's other iframe receives it (E1 variant)", async () => {
    const { board, alice, seen } = await scene({ broadcastExcludeScope: 'iframe' });
    await run(board, alice.miro.board.events.broadcast('nudge', 1));
    await settle(board);
    expect(seen.aliceHeadless.calls).toEqual([]);
    expect(seen.alicePanel.calls).toEqual([[1]]);
  });

  it('only handlers of the broadcast event name receive it', async () => {
    const { board, alice, bob, seen } = await scene();
    const other = recorder();
    await run(board, bob.miro.board.events.on('other', other.handler));
    await run(board, alice.miro.board.events.broadcast('nudge', 1));
    await settle(board);
    expect(other.calls).toEqual([]);
    expect(seen.bob.calls.length).toBe(1);
  });

  it('a payload over 64 KB is rejected and nobody receives it (E2 default)', async () => {
    const { board, alice, seen } = await scene();
    const error = await rejection(
      board,
      alice.miro.board.events.broadcast('nudge', 'x'.repeat(70_000)),
    );
    expect(error.code).toBe('INVALID_INPUT');
    await settle(board);
    expect(seen.bob.calls).toEqual([]);
    expect(board.counters().broadcasts).toBe(0);
  });

  it('broadcastLimitBytes null allows any payload size (E2 variant)', async () => {
    const { board, alice, seen } = await scene({ broadcastLimitBytes: null });
    await run(board, alice.miro.board.events.broadcast('nudge', 'x'.repeat(70_000)));
    await settle(board);
    expect(seen.bob.calls.length).toBe(1);
  });

  it('a late subscriber does not get earlier broadcasts (E3)', async () => {
    const { board, alice } = await scene();
    const carol = userWithTab(board, 'Carol');
    await run(board, alice.miro.board.events.broadcast('nudge', 'early'));
    await settle(board);
    const late = recorder();
    await run(board, carol.miro.board.events.on('nudge', late.handler));
    await settle(board);
    expect(late.calls).toEqual([]);
  });

  it('an offline user misses broadcasts sent while offline (E3)', async () => {
    const { board, alice, bob, seen } = await scene();
    board.setOnline(bob.user.id, false);
    await run(board, alice.miro.board.events.broadcast('nudge', 'missed'));
    await settle(board);
    board.setOnline(bob.user.id, true);
    await settle(board);
    expect(seen.bob.calls).toEqual([]);
  });

  it('broadcasts from one sender arrive in order even with jitter (E4 default)', async () => {
    const seed = 42;
    const { board, alice, seen } = await scene({
      eventLatencyMs: 1,
      eventLatencyJitterMs: 50,
      seed,
    });
    for (let i = 0; i < 10; i += 1) void alice.miro.board.events.broadcast('nudge', i);
    await settle(board);
    expect(
      seen.bob.calls.map(([p]) => p),
      `seed ${seed}`,
    ).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('dropBroadcast loses deliveries, the call still resolves (E4 variant)', async () => {
    const { board, alice, seen } = await scene({ dropBroadcast: 1 });
    await run(board, alice.miro.board.events.broadcast('nudge', 1));
    await settle(board);
    expect(seen.bob.calls).toEqual([]);
    expect(board.counters().broadcasts).toBe(1);
  });

  it('duplicateDelivery delivers an unordered event twice', async () => {
    const { board, alice, seen } = await scene({ duplicateDelivery: 1 });
    await run(board, alice.miro.board.events.broadcast('nudge', 1));
    await settle(board);
    expect(seen.bob.calls).toEqual([[1], [1]]);
  });

  it('off stops a handler; a user without the app receives nothing (C19)', async () => {
    const { board, alice, bob, seen } = await scene();
    await run(board, bob.miro.board.events.off('nudge', seen.bob.handler));
    userWithTab(board, 'NoApp', false);
    await run(board, alice.miro.board.events.broadcast('nudge', 1));
    await settle(board);
    expect(seen.bob.calls).toEqual([]);
    expect(board.tabs().filter((t) => t.headless === null).length).toBe(1);
  });
});

describe('registrations: what the apps hold registered, for leak checks', () => {
  it('counts handlers and storage subscriptions of open tabs, and forgets what is removed', async () => {
    const board = fakeBoard();
    const alice = userWithTab(board, 'Alice');
    const storage = alice.miro.board.storage.collection('c');
    const handler = () => {};
    expect(board.registrations()).toEqual({ listeners: 0, storageSubscriptions: 0 });
    await run(board, alice.miro.board.events.on('nudge', handler));
    await run(board, Promise.resolve(alice.miro.board.ui.on('icon:click', handler)));
    await run(board, storage.onValue('k', handler));
    expect(board.registrations()).toEqual({ listeners: 2, storageSubscriptions: 1 });
    await run(board, alice.miro.board.events.off('nudge', handler));
    await run(board, storage.offValue('k', handler));
    expect(board.registrations()).toEqual({ listeners: 1, storageSubscriptions: 0 });
    alice.tab.close();
    expect(board.registrations()).toEqual({ listeners: 0, storageSubscriptions: 0 });
  });
});
