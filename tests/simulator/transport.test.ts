import { afterEach, describe, expect, it, vi } from 'vitest';
import { isFrame } from '../../src/sdk/surface';
import { createBoard } from '../../src/simulator/index';
import { fakeBoard, recorder, run, settle, userWithTab } from './helpers';

afterEach(() => {
  vi.useRealTimers();
});

describe('transport (miro-sdk.md 1.4, S7)', () => {
  it('a call never settles in the microtask checkpoint of the task that made it', async () => {
    const board = fakeBoard();
    const { miro } = userWithTab(board, 'Ada');
    let settled = false;
    const call = miro.board.getUserInfo().then(() => {
      settled = true;
    });
    for (let i = 0; i < 50; i += 1) await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    await call;
    expect(settled).toBe(true);
  });

  it('each reply settles in its own macrotask: a continuation runs before the next reply', async () => {
    const board = fakeBoard();
    const { miro } = userWithTab(board, 'Ada');
    const order: string[] = [];
    const a = miro.board.getInfo().then(() => {
      order.push('a');
      queueMicrotask(() => order.push('a-micro'));
    });
    const b = miro.board.getInfo().then(() => order.push('b'));
    await settle(board);
    await Promise.all([a, b]);
    expect(order).toEqual(['a', 'a-micro', 'b']);
  });

  it('batched replies settle several pending calls in one task (exposes compute-await-write races, D4)', async () => {
    const board = fakeBoard({ batchedReplies: true });
    const { miro } = userWithTab(board, 'Ada');
    const order: string[] = [];
    const a = miro.board.getInfo().then(() => {
      order.push('a');
      queueMicrotask(() => order.push('a-micro'));
    });
    const b = miro.board.getInfo().then(() => order.push('b'));
    await settle(board);
    await Promise.all([a, b]);
    expect(order).toEqual(['a', 'b', 'a-micro']);
  });

  it('replies arrive after callLatencyMs, not before', async () => {
    const board = fakeBoard({ callLatencyMs: 100 });
    const { miro } = userWithTab(board, 'Ada');
    let done = false;
    void miro.board.getInfo().then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(99);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });

  it('calls from one iframe execute in issue order even with jitter', async () => {
    const board = fakeBoard({ callLatencyMs: 5, callLatencyJitterMs: 50, seed: 7 });
    const { miro } = userWithTab(board, 'Ada');
    const coll = miro.board.storage.collection('c');
    const writes = Array.from({ length: 20 }, (_, i) => coll.set('k', i));
    await settle(board);
    await Promise.all(writes);
    expect(board.storageValue('c', 'k')).toBe(19);
  });

  it('the same seed reproduces the same jittered delivery order; the seed is printed on failure', async () => {
    const trace = async (seed: number) => {
      const board = fakeBoard({ eventLatencyMs: 1, eventLatencyJitterMs: 40, seed });
      const sender1 = userWithTab(board, 'S1');
      const sender2 = userWithTab(board, 'S2');
      const receiver = userWithTab(board, 'R');
      const seen: string[] = [];
      await run(
        board,
        receiver.miro.board.events.on('m', (p) => void seen.push(String(p))),
      );
      for (let i = 0; i < 5; i += 1) {
        void sender1.miro.board.events.broadcast('m', `a${i}`);
        void sender2.miro.board.events.broadcast('m', `b${i}`);
      }
      await settle(board);
      vi.useRealTimers();
      return seen.join(',');
    };
    const seed = 1234;
    const first = await trace(seed);
    expect(await trace(seed), `seed ${seed}`).toBe(first);
    expect(
      first.split(',').filter((s) => s.startsWith('a')),
      `seed ${seed}`,
    ).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
  });

  it('arguments are copied at call time: mutating them afterwards changes nothing stored (S7)', async () => {
    const board = fakeBoard();
    const { miro } = userWithTab(board, 'Ada');
    const value = { rooms: ['a'] };
    const write = miro.board.storage.collection('c').set('plan', value);
    value.rooms.push('mutated');
    await run(board, write);
    expect(board.storageValue('c', 'plan')).toEqual({ rooms: ['a'] });
  });

  it('results are copies: mutating a result does not change the board (S7)', async () => {
    const board = fakeBoard();
    const { miro } = userWithTab(board, 'Ada');
    board.addFrame({ title: 'Room 1', x: 0, y: 0, width: 100, height: 100 });
    const [frame] = (await run(board, miro.board.get({ type: 'frame' }))).filter(isFrame);
    if (!frame) throw new Error('no frame');
    frame.title = 'changed';
    const [again] = (await run(board, miro.board.get({ type: 'frame' }))).filter(isFrame);
    expect(again?.title).toBe('Room 1');
  });

  it('each event handler gets its own copy of the payload (S7)', async () => {
    const board = fakeBoard();
    const a = userWithTab(board, 'A');
    const b = userWithTab(board, 'B');
    const seen: unknown[] = [];
    const mutate = (p: { n: number[] } | undefined) => {
      p?.n.push(99);
      seen.push(p);
    };
    await run(board, b.miro.board.events.on('m', mutate));
    await run(
      board,
      b.miro.board.events.on('m', (p) => void seen.push(p)),
    );
    await run(board, a.miro.board.events.broadcast('m', { n: [1] }));
    await settle(board);
    expect(seen).toEqual([{ n: [1, 99] }, { n: [1] }]);
  });

  it('idle() resolves under real timers once every call and delivery is done', async () => {
    const board = createBoard({ callLatencyMs: 2, eventLatencyMs: 2 });
    const a = board.addUser({ name: 'A' });
    const b = board.addUser({ name: 'B' });
    const tabA = board.openTab(a.id);
    const tabB = board.openTab(b.id);
    const got = recorder<[unknown]>();
    await tabB.headless?.miro.board.events.on('m', got.handler);
    void tabA.headless?.miro.board.events.broadcast('m', 1);
    await board.idle();
    expect(got.calls).toEqual([[1]]);
    expect(board.pending()).toBe(0);
  });

  it('app handler errors are recorded, not thrown into the board', async () => {
    const board = fakeBoard();
    const a = userWithTab(board, 'A');
    const b = userWithTab(board, 'B');
    await run(
      board,
      b.miro.board.events.on('m', () => {
        throw new Error('app bug');
      }),
    );
    await run(board, a.miro.board.events.broadcast('m', 1));
    await settle(board);
    expect(board.handlerErrors().map((e) => (e as Error).message)).toEqual(['app bug']);
  });
});
