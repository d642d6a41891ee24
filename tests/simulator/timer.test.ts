import type { TimerEvent } from '@mirohq/websdk-types';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SimOptions } from '../../src/simulator/api';
import { fakeBoard, rejection, run, settle, userWithTab } from './helpers';

afterEach(() => {
  vi.useRealTimers();
});

const scene = async (options: Partial<SimOptions> = {}) => {
  const board = fakeBoard(options);
  const a = userWithTab(board, 'A');
  const b = userWithTab(board, 'B');
  const events: string[] = [];
  for (const name of ['start', 'update', 'finish'] as const) {
    await run(
      board,
      Promise.resolve(
        b.miro.board.timer.on(name, (e: TimerEvent) => {
          events.push(`${name}:${e.timer.status}:${e.timer.restDuration}`);
        }),
      ),
    );
  }
  return { board, a, b, events };
};

describe('board timer (miro-sdk.md 2.6, T1–T5)', () => {
  it('one board timer: a start by one user is seen by every app iframe and counts down (T1)', async () => {
    const { board, a, b, events } = await scene();
    const started = await run(board, a.miro.board.timer.start(60_000));
    expect(started).toEqual({ restDuration: 60_000, status: 'STARTED', totalDuration: 60_000 });
    await settle(board);
    expect(events).toEqual(['start:STARTED:60000']);
    await vi.advanceTimersByTimeAsync(20_000);
    // Settling moves fake time by a few ms per hop (a 0 ms timer set during a tick counts 1 ms).
    const rest = (await run(board, b.miro.board.timer.get())).restDuration;
    expect(rest).toBeLessThanOrEqual(40_000);
    expect(rest).toBeGreaterThan(39_900);
    expect(board.timer().status).toBe('STARTED');
  });

  it('reaching zero emits finish with STOPPED and restDuration 0 (T2)', async () => {
    const { board, a, events } = await scene();
    await run(board, a.miro.board.timer.start(1_000));
    await vi.advanceTimersByTimeAsync(1_000);
    await settle(board);
    expect(events).toEqual(['start:STARTED:1000', 'finish:STOPPED:0']);
    expect(await run(board, a.miro.board.timer.isStarted())).toBe(false);
  });

  it('pause, resume, prolong and stop emit update with the new status (T2 default)', async () => {
    const { board, a, events } = await scene();
    const t = a.miro.board.timer;
    await run(board, t.start(10_000));
    await vi.advanceTimersByTimeAsync(4_000);
    const paused = (await run(board, t.pause())).restDuration;
    expect(paused).toBeGreaterThan(5_900);
    expect(paused).toBeLessThanOrEqual(6_000);
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await run(board, t.resume())).restDuration).toBe(paused); // paused time does not count
    expect((await run(board, t.prolong(1_000))).totalDuration).toBe(11_000);
    await run(board, t.stop());
    await settle(board);
    expect(events.map((e) => e.split(':').slice(0, 2).join(':'))).toEqual([
      'start:STARTED',
      'update:PAUSED',
      'update:STARTED',
      'update:STARTED',
      'update:STOPPED',
    ]);
    expect(events.at(-1)).toBe('update:STOPPED:0');
  });

  it('isStarted() is true while paused (T6 default) and false in the variant', async () => {
    const { board, a } = await scene();
    await run(board, a.miro.board.timer.start(10_000));
    await run(board, a.miro.board.timer.pause());
    expect(await run(board, a.miro.board.timer.isStarted())).toBe(true);
    board.setOptions({ timerIsStartedWhilePaused: false });
    expect(await run(board, a.miro.board.timer.isStarted())).toBe(false);
    await run(board, a.miro.board.timer.resume());
    expect(await run(board, a.miro.board.timer.isStarted())).toBe(true);
  });

  it('timerFinishOnStop: stop() also emits finish (T2 variant)', async () => {
    const { board, a, events } = await scene({ timerFinishOnStop: true });
    await run(board, a.miro.board.timer.start(10_000));
    await run(board, a.miro.board.timer.stop());
    await settle(board);
    expect(events).toEqual(['start:STARTED:10000', 'update:STOPPED:0', 'finish:STOPPED:0']);
  });

  it('timerTickMs: periodic update ticks while running (T2 variant)', async () => {
    const { board, a, events } = await scene({ timerTickMs: 1_000 });
    await run(board, a.miro.board.timer.start(3_500));
    await vi.advanceTimersByTimeAsync(3_500);
    await settle(board);
    expect(events).toEqual([
      'start:STARTED:3500',
      'update:STARTED:2500',
      'update:STARTED:1500',
      'update:STARTED:500',
      'finish:STOPPED:0',
    ]);
  });

  it('invalid transitions reject: start while running, start(0), pause when stopped, resume when running (T3)', async () => {
    const { board, a } = await scene();
    const t = a.miro.board.timer;
    expect((await rejection(board, t.start(0))).code).toBe('INVALID_INPUT');
    expect((await rejection(board, t.pause())).code).toBe('CONFLICT');
    expect((await rejection(board, t.prolong(5))).code).toBe('CONFLICT');
    await run(board, t.start(5_000));
    expect((await rejection(board, t.start(5_000))).code).toBe('CONFLICT');
    expect((await rejection(board, t.resume())).code).toBe('CONFLICT');
    expect(board.timer().totalDuration).toBe(5_000);
  });

  it('stop when stopped resolves with the stopped instance (T3)', async () => {
    const { board, a, events } = await scene();
    expect(await run(board, a.miro.board.timer.stop())).toMatchObject({ status: 'STOPPED' });
    await settle(board);
    expect(events).toEqual([]);
  });

  it('timerStartRestarts: start while running restarts the countdown (T3 variant)', async () => {
    const { board, a } = await scene({ timerStartRestarts: true });
    await run(board, a.miro.board.timer.start(5_000));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await run(board, a.miro.board.timer.start(9_000))).toEqual({
      restDuration: 9_000,
      status: 'STARTED',
      totalDuration: 9_000,
    });
  });

  it('canUse(timer) is true by default; without entitlement it is false and every timer method rejects (T4)', async () => {
    const { board, a } = await scene();
    expect(await run(board, a.miro.board.canUse('timer'))).toBe(true);
    board.setOptions({ timerEntitled: false });
    expect(await run(board, a.miro.board.canUse('timer'))).toBe(false);
    for (const call of [
      () => a.miro.board.timer.get(),
      () => a.miro.board.timer.start(1_000),
      () => a.miro.board.timer.stop(),
      () => a.miro.board.timer.isStarted(),
    ]) {
      expect((await rejection(board, call())).code).toBe('FORBIDDEN');
    }
  });

  it("after stop the timer keeps the last totalDuration (T5 default) or reports 0 ('zero' variant)", async () => {
    const { board, a } = await scene();
    await run(board, a.miro.board.timer.start(5_000));
    expect(await run(board, a.miro.board.timer.stop())).toEqual({
      status: 'STOPPED',
      restDuration: 0,
      totalDuration: 5_000,
    });
    board.setOptions({ timerStoppedTotal: 'zero' });
    await run(board, a.miro.board.timer.start(5_000));
    expect((await run(board, a.miro.board.timer.stop())).totalDuration).toBe(0);
  });
});
