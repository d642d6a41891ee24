import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Json } from '../../src/sdk/surface';
import { fakeBoard, recorder, rejection, run, settle, userWithTab } from './helpers';

afterEach(() => {
  vi.useRealTimers();
});

const twoIframeTab = async () => {
  const board = fakeBoard();
  const writer = userWithTab(board, 'Writer');
  await run(board, writer.miro.board.ui.openPanel({ url: 'app.html' }));
  const panel = writer.tab.panel?.miro;
  if (!panel) throw new Error('panel did not open');
  return { board, writer, panel };
};

describe('realtime storage (miro-sdk.md 2.4, S1–S7)', () => {
  it('get of a missing key resolves undefined; set then get returns the value', async () => {
    const board = fakeBoard();
    const { miro } = userWithTab(board, 'A');
    const coll = miro.board.storage.collection('breakout');
    expect(await run(board, coll.get('plan'))).toBeUndefined();
    await run(board, coll.set('plan', { phase: 'draft' }));
    expect(await run(board, coll.get('plan'))).toEqual({ phase: 'draft' });
  });

  it('collections are separate namespaces for the same key', async () => {
    const board = fakeBoard();
    const { miro } = userWithTab(board, 'A');
    await run(board, miro.board.storage.collection('a').set('k', 1));
    expect(await run(board, miro.board.storage.collection('b').get('k'))).toBeUndefined();
  });

  it('onValue echoes the write to every subscriber, the writing iframe included (S1 default)', async () => {
    const { board, writer, panel } = await twoIframeTab();
    const other = userWithTab(board, 'Other');
    const seen = { headless: recorder(), panel: recorder(), other: recorder() };
    await run(board, writer.miro.board.storage.collection('c').onValue('k', seen.headless.handler));
    await run(board, panel.board.storage.collection('c').onValue('k', seen.panel.handler));
    await run(board, other.miro.board.storage.collection('c').onValue('k', seen.other.handler));
    await run(board, writer.miro.board.storage.collection('c').set('k', 'v'));
    await settle(board);
    expect(seen.headless.calls).toEqual([['v', '1']]);
    expect(seen.panel.calls).toEqual([['v', '1']]);
    expect(seen.other.calls).toEqual([['v', '1']]);
  });

  it('counts the bytes of every value delivered, once per iframe it reached, and lists keys', async () => {
    const { board, writer, panel } = await twoIframeTab();
    const other = userWithTab(board, 'Other');
    const twice = recorder();
    await run(board, writer.miro.board.storage.collection('c').onValue('k', recorder().handler));
    await run(board, panel.board.storage.collection('c').onValue('k', recorder().handler));
    // Two handlers in one iframe: the value reaches that iframe once.
    await run(board, other.miro.board.storage.collection('c').onValue('k', twice.handler));
    await run(board, other.miro.board.storage.collection('c').onValue('k', recorder().handler));
    await run(board, userWithTab(board, 'Away').miro.board.storage.collection('c').get('k'));
    board.resetCounters();
    const value = { text: 'é' }; // 13 bytes of UTF-8 JSON
    await run(board, writer.miro.board.storage.collection('c').set('k', value));
    await settle(board);
    expect(board.counters()).toMatchObject({ storageDeliveries: 3, storageBytesDelivered: 3 * 13 });
    board.setOptions({ dropStorageNotification: 1 });
    await run(board, writer.miro.board.storage.collection('c').set('k', value));
    await settle(board);
    // A lost notification delivered nothing.
    expect(board.counters().storageDeliveries).toBe(3);
    expect(board.storageKeys('c')).toEqual(['k']);
  });

  it("echoToWriter 'none': no iframe of the writer's tab hears the write, others do (S1)", async () => {
    const { board, writer, panel } = await twoIframeTab();
    board.setOptions({ echoToWriter: 'none' });
    const other = userWithTab(board, 'Other');
    const seen = { headless: recorder(), panel: recorder(), other: recorder() };
    await run(board, writer.miro.board.storage.collection('c').onValue('k', seen.headless.handler));
    await run(board, panel.board.storage.collection('c').onValue('k', seen.panel.handler));
    await run(board, other.miro.board.storage.collection('c').onValue('k', seen.other.handler));
    await run(board, writer.miro.board.storage.collection('c').set('k', 'v'));
    await settle(board);
    expect(seen.headless.calls).toEqual([]);
    expect(seen.panel.calls).toEqual([]);
    expect(seen.other.calls.length).toBe(1);
  });

  it("echoToWriter 'other-iframes-of-tab': the writing iframe is skipped, its panel hears it (S1)", async () => {
    const { board, writer, panel } = await twoIframeTab();
    board.setOptions({ echoToWriter: 'other-iframes-of-tab' });
    const seen = { headless: recorder(), panel: recorder() };
    await run(board, writer.miro.board.storage.collection('c').onValue('k', seen.headless.handler));
    await run(board, panel.board.storage.collection('c').onValue('k', seen.panel.handler));
    await run(board, writer.miro.board.storage.collection('c').set('k', 'v'));
    await settle(board);
    expect(seen.headless.calls).toEqual([]);
    expect(seen.panel.calls).toEqual([['v', '1']]);
  });

  it('onValue does not deliver the current value on subscribe (S2 default)', async () => {
    const board = fakeBoard();
    const { miro } = userWithTab(board, 'A');
    board.writeStorage('c', 'k', 'existing');
    const seen = recorder();
    await run(board, miro.board.storage.collection('c').onValue('k', seen.handler));
    await settle(board);
    expect(seen.calls).toEqual([]);
  });

  it('initialDelivery: onValue delivers the current value after subscribing (S2 variant)', async () => {
    const board = fakeBoard({ initialDelivery: true });
    const { miro } = userWithTab(board, 'A');
    board.writeStorage('c', 'k', 'existing');
    const seen = recorder();
    await run(board, miro.board.storage.collection('c').onValue('k', seen.handler));
    await settle(board);
    expect(seen.calls).toEqual([['existing', '1']]);
  });

  it('every subscriber sees the commits of one key in commit order (S3 default)', async () => {
    const board = fakeBoard({ eventLatencyMs: 1, eventLatencyJitterMs: 30, seed: 99 });
    const writers = [userWithTab(board, 'W1'), userWithTab(board, 'W2')];
    const reader = userWithTab(board, 'R');
    const seen = recorder<[Json | undefined, string]>();
    await run(board, reader.miro.board.storage.collection('c').onValue('k', seen.handler));
    for (let i = 0; i < 10; i += 1) {
      void writers[i % 2]?.miro.board.storage.collection('c').set('k', i);
    }
    await settle(board);
    expect(
      seen.calls.map(([value]) => value),
      'seed 99',
    ).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(board.storageValue('c', 'k')).toBe(9);
  });

  it('call jitter lets writes from different clients reorder; last arrival wins (S3 variant)', async () => {
    const seed = 5;
    const board = fakeBoard({ callLatencyMs: 0, callLatencyJitterMs: 100, seed });
    const a = userWithTab(board, 'A');
    const b = userWithTab(board, 'B');
    const outcomes = new Set<Json | undefined>();
    for (let round = 0; round < 20; round += 1) {
      void a.miro.board.storage.collection('c').set(`k${round}`, 'a');
      void b.miro.board.storage.collection('c').set(`k${round}`, 'b');
    }
    await settle(board);
    for (let round = 0; round < 20; round += 1) outcomes.add(board.storageValue('c', `k${round}`));
    expect([...outcomes].sort(), `seed ${seed}`).toEqual(['a', 'b']);
  });

  it('dropStorageNotification: the value commits but the event is lost (S3 variant)', async () => {
    const board = fakeBoard({ dropStorageNotification: 1 });
    const a = userWithTab(board, 'A');
    const seen = recorder();
    await run(board, a.miro.board.storage.collection('c').onValue('k', seen.handler));
    await run(board, a.miro.board.storage.collection('c').set('k', 1));
    await settle(board);
    expect(seen.calls).toEqual([]);
    expect(board.storageValue('c', 'k')).toBe(1);
  });

  it('an unchanged set still notifies by default (S4)', async () => {
    const board = fakeBoard();
    const { miro } = userWithTab(board, 'A');
    const seen = recorder();
    const coll = miro.board.storage.collection('c');
    await run(board, coll.onValue('k', seen.handler));
    await run(board, coll.set('k', { a: 1 }));
    await run(board, coll.set('k', { a: 1 }));
    await settle(board);
    expect(seen.calls).toEqual([
      [{ a: 1 }, '1'],
      [{ a: 1 }, '2'],
    ]);
  });

  it('suppressUnchanged: an identical set does not notify (S4 variant)', async () => {
    const board = fakeBoard({ suppressUnchanged: true });
    const { miro } = userWithTab(board, 'A');
    const seen = recorder();
    const coll = miro.board.storage.collection('c');
    await run(board, coll.onValue('k', seen.handler));
    await run(board, coll.set('k', { a: 1 }));
    await run(board, coll.set('k', { a: 1 }));
    await settle(board);
    expect(seen.calls.length).toBe(1);
  });

  it('versions are an increasing per-key decimal counter (S5 default)', async () => {
    const board = fakeBoard();
    const { miro } = userWithTab(board, 'A');
    const seen = recorder<[unknown, string]>();
    const coll = miro.board.storage.collection('c');
    await run(board, coll.onValue('k', seen.handler));
    for (const v of [1, 2, 3]) await run(board, coll.set('k', v));
    await settle(board);
    expect(seen.calls.map(([, version]) => version)).toEqual(['1', '2', '3']);
  });

  it("versionFormat 'opaque': versions are distinct non-numeric strings (S5 variant)", async () => {
    const board = fakeBoard({ versionFormat: 'opaque' });
    const { miro } = userWithTab(board, 'A');
    const seen = recorder<[unknown, string]>();
    const coll = miro.board.storage.collection('c');
    await run(board, coll.onValue('k', seen.handler));
    for (const v of [1, 2, 3]) await run(board, coll.set('k', v));
    await settle(board);
    const versions = seen.calls.map(([, version]) => version);
    expect(new Set(versions).size).toBe(3);
    for (const version of versions) expect(version).not.toMatch(/^\d+$/);
  });

  it('a value over 64 KB of UTF-8 JSON is rejected and nothing is stored (S6)', async () => {
    const board = fakeBoard();
    const { miro } = userWithTab(board, 'A');
    const coll = miro.board.storage.collection('c');
    const fits = 'x'.repeat(65_536 - 2); // the JSON quotes make it exactly 64 KB
    await run(board, coll.set('k', fits));
    const error = await rejection(board, coll.set('k', `${fits}é`));
    expect(error.message).toBe('Storage value exceeds 64 KB');
    expect(board.storageValue('c', 'k')).toBe(fits);
  });

  it('non-JSON values (undefined, NaN, functions) are rejected (S6)', async () => {
    const board = fakeBoard();
    const { miro } = userWithTab(board, 'A');
    const coll = miro.board.storage.collection('c');
    for (const bad of [undefined, Number.NaN, { f: () => 1 }]) {
      const error = await rejection(board, coll.set('k', bad as unknown as Json));
      expect(error.code).toBe('INVALID_INPUT');
    }
    expect(board.storageValue('c', 'k')).toBeUndefined();
  });

  it('storageLimitBytes is configurable (S6 variant)', async () => {
    const board = fakeBoard({ storageLimitBytes: 10 });
    const { miro } = userWithTab(board, 'A');
    const coll = miro.board.storage.collection('c');
    await run(board, coll.set('k', '12345678'));
    const error = await rejection(board, coll.set('k', '123456789'));
    expect(error.message).toMatch(/exceeds 10 bytes/);
  });

  it('a stored value cannot be changed through an object delivered to a handler (S7)', async () => {
    const board = fakeBoard();
    const { miro } = userWithTab(board, 'A');
    const coll = miro.board.storage.collection('c');
    await run(
      board,
      coll.onValue('k', (value) => {
        (value as { list: number[] }).list.push(666);
      }),
    );
    await run(board, coll.set('k', { list: [1] }));
    await settle(board);
    expect(await run(board, coll.get('k'))).toEqual({ list: [1] });
  });

  it('remove deletes the key and notifies subscribers with undefined', async () => {
    const board = fakeBoard();
    const { miro } = userWithTab(board, 'A');
    const coll = miro.board.storage.collection('c');
    const seen = recorder();
    await run(board, coll.set('k', 1));
    await run(board, coll.onValue('k', seen.handler));
    await run(board, coll.remove('k'));
    await settle(board);
    expect(seen.calls).toEqual([[undefined, '2']]);
    expect(await run(board, coll.get('k'))).toBeUndefined();
  });

  it('offValue stops deliveries to that handler', async () => {
    const board = fakeBoard();
    const { miro } = userWithTab(board, 'A');
    const coll = miro.board.storage.collection('c');
    const seen = recorder();
    await run(board, coll.onValue('k', seen.handler));
    await run(board, coll.offValue('k', seen.handler));
    await run(board, coll.set('k', 1));
    await settle(board);
    expect(seen.calls).toEqual([]);
  });

  it('storage survives the panel closing; panel subscriptions die with it (1.3)', async () => {
    const { board, writer, panel } = await twoIframeTab();
    const seen = recorder();
    await run(board, panel.board.storage.collection('c').onValue('k', seen.handler));
    await run(board, panel.board.storage.collection('c').set('k', 'kept'));
    await settle(board);
    writer.tab.closePanel();
    await run(board, writer.miro.board.storage.collection('c').set('k', 'after'));
    await settle(board);
    expect(seen.calls).toEqual([['kept', '1']]);
    expect(await run(board, writer.miro.board.storage.collection('c').get('k'))).toBe('after');
  });

  it('writeStorage from the board notifies subscribers like any client (corrupt-data tests)', async () => {
    const board = fakeBoard();
    const { miro } = userWithTab(board, 'A');
    const seen = recorder();
    await run(board, miro.board.storage.collection('c').onValue('k', seen.handler));
    board.writeStorage('c', 'k', { corrupt: true });
    await settle(board);
    expect(seen.calls).toEqual([[{ corrupt: true }, '1']]);
  });
});
