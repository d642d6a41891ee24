import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBoard, miroOf, recorder, rejection, run, settle, userWithTab } from './helpers';

afterEach(() => {
  vi.useRealTimers();
});

describe('failure injection (miro-sdk.md 4.3, R2)', () => {
  it('no transient failures by default (R2 default)', async () => {
    const board = fakeBoard();
    const { miro } = userWithTab(board, 'A');
    const results = await run(
      board,
      Promise.allSettled(Array.from({ length: 50 }, () => miro.board.getOnlineUsers())),
    );
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
  });

  it('an injected failure rejects with an Error carrying code UNAVAILABLE and has no side effect', async () => {
    const board = fakeBoard({
      failureRate: {
        'storage.set': 1,
        'collaboration.startSession': 1,
        'events.broadcast': 1,
        'viewport.set': 1,
        'timer.start': 1,
        'board.getOnlineUsers': 1,
      },
    });
    const a = userWithTab(board, 'A');
    const b = userWithTab(board, 'B');
    const heard = recorder();
    await run(board, b.miro.board.events.on('m', heard.handler));
    const before = a.user.viewport;
    const calls = [
      () => a.miro.board.storage.collection('c').set('k', 1),
      () => a.miro.board.collaboration.startSession({ name: 'R' }),
      () => a.miro.board.events.broadcast('m', 1),
      () => a.miro.board.viewport.set({ viewport: { x: 1, y: 1, width: 10, height: 10 } }),
      () => a.miro.board.timer.start(1_000),
      () => a.miro.board.getOnlineUsers(),
    ];
    for (const call of calls) {
      const error = await rejection(board, call());
      expect(error).toBeInstanceOf(Error);
      expect(error.code).toBe('UNAVAILABLE');
    }
    await settle(board);
    expect(board.storageValue('c', 'k')).toBeUndefined();
    expect(board.sessions()).toEqual([]);
    expect(heard.calls).toEqual([]);
    expect(a.user.viewport).toEqual(before);
    expect(board.timer().status).toBe('STOPPED');
    expect(board.counters().storageWrites).toBe(0);
    expect(board.counters().broadcasts).toBe(0);
  });

  it('session.invite failures invite nobody', async () => {
    const board = fakeBoard({ failureRate: { 'session.invite': 1 } });
    const f = userWithTab(board, 'F');
    const p = userWithTab(board, 'P');
    const session = await run(board, f.miro.board.collaboration.startSession({ name: 'R' }));
    await rejection(board, session.invite({ id: p.user.id, name: 'P' }));
    expect(board.invitations()).toEqual([]);
  });

  it('a partial failure rate fails some calls, reproducibly for a seed', async () => {
    const outcome = async (seed: number) => {
      const board = fakeBoard({ seed, failureRate: { 'board.getInfo': 0.5 } });
      const { miro } = userWithTab(board, 'A');
      const results = await run(
        board,
        Promise.allSettled(Array.from({ length: 40 }, () => miro.board.getInfo())),
      );
      vi.useRealTimers();
      return results.map((r) => (r.status === 'fulfilled' ? '1' : '0')).join('');
    };
    const seed = 2024;
    const first = await outcome(seed);
    expect(first, `seed ${seed}`).toMatch(/0/);
    expect(first, `seed ${seed}`).toMatch(/1/);
    expect(await outcome(seed), `seed ${seed}`).toBe(first);
  });
});

describe('credits and rate limits (miro-sdk.md 4.1, 4.2, R1)', () => {
  it('Level-1 calls cost 50 credits; UI plumbing and subscriptions are free', async () => {
    const board = fakeBoard();
    const { user, miro } = userWithTab(board, 'A');
    await run(board, miro.board.getUserInfo());
    await run(board, miro.board.storage.collection('c').get('k'));
    await run(
      board,
      miro.board.storage.collection('c').onValue('k', () => {}),
    );
    await run(
      board,
      miro.board.events.on('m', () => {}),
    );
    await run(board, miro.board.ui.canOpenPanel());
    await run(board, miro.board.ui.openPanel({ url: 'app.html' }));
    const counters = board.counters();
    expect(counters.credits[user.id]).toBe(100);
    expect(counters.calls[user.id]).toMatchObject({
      'board.getUserInfo': 1,
      'storage.get': 1,
      'storage.onValue': 1,
      'events.on': 1,
      'ui.canOpenPanel': 1,
      'ui.openPanel': 1,
    });
  });

  it('over the per-minute budget a call rejects with RateLimitError, message "rate limit", and no side effect (R1)', async () => {
    const board = fakeBoard({ creditsPerMinute: 100 });
    const { user, miro } = userWithTab(board, 'A');
    const coll = miro.board.storage.collection('c');
    await run(board, coll.set('k', 1));
    await run(board, coll.set('k', 2));
    const error = await rejection(board, coll.set('k', 3));
    expect(error.name).toBe('RateLimitError');
    expect(error.message).toMatch(/rate limit/i);
    expect(error.code).toBe('RATE_LIMIT');
    expect(board.storageValue('c', 'k')).toBe(2);
    expect(board.counters().rateLimited[user.id]).toBe(1);
    expect(board.counters().credits[user.id]).toBe(100);
  });

  it('the minute window is fixed: credits come back when it ends, not before', async () => {
    const board = fakeBoard({ creditsPerMinute: 50 });
    const { miro } = userWithTab(board, 'A');
    const start = Date.now();
    await run(board, miro.board.getInfo());
    vi.setSystemTime(start + 59_000);
    await rejection(board, miro.board.getInfo());
    vi.setSystemTime(start + 60_000);
    await run(board, miro.board.getInfo());
  });

  it('the hour window limits sustained use across minute windows', async () => {
    const board = fakeBoard({ creditsPerMinute: 100, creditsPerHour: 150 });
    const { miro } = userWithTab(board, 'A');
    const start = Date.now();
    await run(board, miro.board.getInfo());
    await run(board, miro.board.getInfo());
    vi.setSystemTime(start + 60_000);
    await run(board, miro.board.getInfo());
    const error = await rejection(board, miro.board.getInfo());
    expect(error.name).toBe('RateLimitError');
    vi.setSystemTime(start + 3_600_000);
    await run(board, miro.board.getInfo());
  });

  it("the budget is per user, shared by that user's tabs, not by other users", async () => {
    const board = fakeBoard({ creditsPerMinute: 50 });
    const a = userWithTab(board, 'A');
    const aTab2 = miroOf(board.openTab(a.user.id));
    const b = userWithTab(board, 'B');
    await run(board, a.miro.board.getInfo());
    expect((await rejection(board, aTab2.board.getInfo())).name).toBe('RateLimitError');
    await run(board, b.miro.board.getInfo());
  });

  it('enforceRateLimit false only reports: the call succeeds and is counted as rate-limited', async () => {
    const board = fakeBoard({ creditsPerMinute: 50, enforceRateLimit: false });
    const { user, miro } = userWithTab(board, 'A');
    await run(board, miro.board.getInfo());
    await run(board, miro.board.getInfo());
    const counters = board.counters();
    expect(counters.rateLimited[user.id]).toBe(1);
    expect(counters.credits[user.id]).toBe(100);
    expect(counters.peakCreditsPerMinute[user.id]).toBe(100);
  });

  it('peak per-minute credits track the busiest window', async () => {
    const board = fakeBoard();
    const { user, miro } = userWithTab(board, 'A');
    const start = Date.now();
    for (let i = 0; i < 3; i += 1) await run(board, miro.board.getInfo());
    vi.setSystemTime(start + 61_000);
    await run(board, miro.board.getInfo());
    expect(board.counters().peakCreditsPerMinute[user.id]).toBe(150);
    expect(board.counters().credits[user.id]).toBe(200);
  });
});

describe('counters', () => {
  it('count storage writes, bytes, the largest value and broadcasts; resetCounters clears them', async () => {
    const board = fakeBoard();
    const { miro } = userWithTab(board, 'A');
    const coll = miro.board.storage.collection('c');
    await run(board, coll.set('k', 'abc')); // "abc" = 5 bytes of JSON
    await run(board, coll.set('k', { a: 1 })); // {"a":1} = 7 bytes
    await run(board, coll.remove('k'));
    await run(board, miro.board.events.broadcast('m', 1));
    expect(board.counters()).toMatchObject({
      storageWrites: 3,
      storageBytes: 12,
      maxStoredValueBytes: 7,
      broadcasts: 1,
    });
    board.resetCounters();
    expect(board.counters()).toMatchObject({
      storageWrites: 0,
      broadcasts: 0,
      calls: {},
      credits: {},
    });
  });
});
