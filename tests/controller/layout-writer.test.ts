import { afterEach, describe, expect, it, vi } from 'vitest';
import { LayoutWriter, STATUS_PACE_MS } from '../../src/controller/layout-writer';
import type { PlanAction } from '../../src/domain/actions';
import { utf8ByteLength } from '../../src/domain/bytes';
import { shardOf } from '../../src/domain/layout';
import { PLAN_COLLECTION, PLAN_KEY, type Plan } from '../../src/domain/plan';
import { createRandom } from '../../src/domain/random';
import { roomIdForFrame } from '../../src/domain/reduce-rooms';
import { reduceAll } from '../../src/domain/reducer';
import { indexKey, roomsKey, statusKey } from '../../src/domain/stored/plan-v2';
import type { Board } from '../../src/sdk/connect';
import { createBoard, settleBoard } from '../../src/simulator/index';
import { frame, newPlan, person, room, runningPlan } from '../domain/fixtures';

afterEach(() => {
  vi.useRealTimers();
});

type Call = { op: 'set' | 'remove'; key: string; done: () => void; fail: (error: Error) => void };

/** Storage whose calls land only when the test says so, in any order it likes. */
function heldStorage() {
  const calls: Call[] = [];
  const call = (op: Call['op'], key: string) =>
    new Promise<void>((resolve, reject) => {
      calls.push({ op, key, done: resolve, fail: reject });
    });
  const collection = {
    set: (key: string, _value: unknown) => call('set', key),
    remove: (key: string) => call('remove', key),
  };
  const board = { storage: { collection: () => collection } } as unknown as Pick<Board, 'storage'>;
  const pending = () => calls.splice(0);
  return { board, pending };
}

const next = (plan: Plan, ...actions: PlanAction[]): Plan => ({
  ...reduceAll(plan, actions),
  revision: plan.revision + 1,
});

const drain = () => vi.advanceTimersByTimeAsync(0);

describe('LayoutWriter', () => {
  it('writes the control value only once every value it names has landed, then removes', async () => {
    vi.useFakeTimers();
    const { board, pending } = heldStorage();
    const writer = new LayoutWriter(board, Date.now);
    const first = writer.write(runningPlan());
    await drain();
    const values = pending();
    expect(values.map((c) => c.key)).not.toContain(PLAN_KEY);
    expect(values.map((c) => c.key)).not.toContain(statusKey(0));
    for (const call of values.slice(1)) call.done();
    await drain();
    expect(pending()).toEqual([]);
    values[0]?.done();
    await drain();
    const [control] = pending();
    expect(control?.key).toBe(PLAN_KEY);
    control?.done();
    await drain();
    // The statuses that change with the control value follow it (layout-writer.ts perform).
    const statuses = pending();
    expect(statuses.map((c) => c.key)).toEqual([statusKey(0)]);
    for (const call of statuses) call.done();
    await first;
  });

  it('writes nothing of a change whose values did not all land, and writes them again next time', async () => {
    vi.useFakeTimers();
    const { board, pending } = heldStorage();
    const writer = new LayoutWriter(board, Date.now);
    const plan = runningPlan();
    const first = writer.write(plan);
    await drain();
    const [failed, ...rest] = pending();
    for (const call of rest) call.done();
    failed?.fail(new Error('Storage value could not be saved'));
    await expect(first).rejects.toThrow('could not be saved');
    expect(pending()).toEqual([]);
    const again = writer.write(
      next(plan, { type: 'participantJoined', personId: 'p1', sessionId: 's1' }),
    );
    await drain();
    // Nothing is known to be stored: every value goes again, before the control value, and the
    // statuses after it.
    const keys = pending();
    expect(keys.map((c) => c.key)).toEqual(expect.arrayContaining([roomsKey(0)]));
    expect(keys.map((c) => c.key)).not.toContain(statusKey(0));
    for (const call of keys) call.done();
    await drain();
    const control = pending();
    expect(control.map((c) => c.key)).toEqual([PLAN_KEY]);
    for (const call of control) call.done();
    await drain();
    const statuses = pending();
    expect(statuses.map((c) => c.key)).toEqual([statusKey(0)]);
    for (const call of statuses) call.done();
    await again;
  });

  it('refuses a plan with a value over the storage limit and sends nothing', async () => {
    vi.useFakeTimers();
    const { board, pending } = heldStorage();
    const writer = new LayoutWriter(board, Date.now);
    const crowded = reduceAll(newPlan(), [
      { type: 'roomsAdded', frames: [frame('f1')] },
      ...Array.from({ length: 1300 }, (_, n) => ({
        type: 'personAssigned' as const,
        person: { id: `${3074457345618258000n + BigInt(n)}`, name: `Participant number ${n}` },
        roomId: room('f1'),
      })),
    ]);
    await expect(writer.write(crowded)).rejects.toThrow(/more than the 64 KB Miro stores/);
    expect(pending()).toEqual([]);
  });

  it('spaces writes of statuses alone, the latest plan winning; a structural change goes at once', async () => {
    vi.useFakeTimers();
    const { board, pending } = heldStorage();
    const writer = new LayoutWriter(board, Date.now);
    const landAll = async () => {
      for (let calls = pending(); calls.length > 0; calls = pending()) {
        for (const call of calls) call.done();
        await drain();
      }
    };
    let plan = runningPlan();
    const stored = writer.write(plan);
    await drain();
    await landAll();
    await stored;
    // The statuses were written with the start: a join right away would wait its pace.
    await vi.advanceTimersByTimeAsync(STATUS_PACE_MS);

    plan = next(plan, { type: 'participantJoined', personId: 'p1', sessionId: 's1' });
    const joined = writer.write(plan);
    await drain();
    const firstJoin = pending();
    expect(firstJoin.map((c) => c.key)).toEqual([statusKey(0)]);
    for (const call of firstJoin) call.done();
    await joined;

    plan = next(plan, { type: 'participantJoined', personId: 'p2', sessionId: 's1' });
    const second = writer.write(plan);
    plan = next(plan, { type: 'participantJoined', personId: 'p3', sessionId: 's2' });
    const third = writer.write(plan);
    await vi.advanceTimersByTimeAsync(STATUS_PACE_MS - 10);
    expect(pending()).toEqual([]);
    await vi.advanceTimersByTimeAsync(10);
    const paced = pending();
    expect(paced.map((c) => c.key)).toEqual([statusKey(0)]);
    for (const call of paced) call.done();
    await Promise.all([second, third]);

    plan = next(plan, { type: 'participantLeft', personId: 'p3', sessionId: 's2' });
    const left = writer.write(plan);
    plan = next(plan, { type: 'personAssigned', person: person('p3'), roomId: room('f1') });
    const moved = writer.write(plan);
    await drain();
    const structural = pending();
    expect(structural.map((c) => c.key)).toEqual([roomsKey(0), indexKey(shardOf('p3'))]);
    for (const call of structural) call.done();
    await drain();
    const control = pending();
    expect(control.map((c) => c.key)).toEqual([PLAN_KEY]);
    for (const call of control) call.done();
    await drain();
    const statuses = pending();
    expect(statuses.map((c) => c.key)).toEqual([statusKey(0)]);
    for (const call of statuses) call.done();
    await Promise.all([left, moved]);
  });
});

describe('1,000 people in 100 rooms on the simulated board', () => {
  it('delivers under 16,384 B of storage per join, with Start and admission in their call budget', async () => {
    vi.useFakeTimers();
    const board = createBoard({ seed: 16, callLatencyMs: 100, eventLatencyMs: 100 });
    const settle = () => settleBoard(board, () => vi.advanceTimersToNextTimerAsync());
    const id = (n: number) => String(3074457345618258000n + BigInt(n));
    const facilitator = board.addUser({ name: 'Fran Facilitator' });
    const writerTab = board.openTab(facilitator.id).headless;
    if (!writerTab) throw new Error('no headless iframe');
    const miro = writerTab.miro;
    const rooms = Array.from({ length: 100 }, (_, r) => roomIdForFrame(id(r)));
    const people = Array.from({ length: 1000 }, (_, n) => ({
      id: id(10_000 + n),
      name: `Participant number ${n}`,
    }));
    let plan: Plan = reduceAll(
      { ...newPlan(), facilitator: { id: facilitator.id, name: facilitator.name } },
      [
        { type: 'roomsAdded', frames: rooms.map((_, r) => frame(id(r), `Breakout room ${r + 1}`)) },
        ...people.map((p, n) => ({
          type: 'personAssigned' as const,
          person: p,
          roomId: rooms[n % 100] ?? null,
        })),
      ],
    );
    const writer = new LayoutWriter(miro.board as unknown as Board, Date.now);
    const stored = writer.write(plan);
    await settle();
    await stored;

    // Every participant reads what the layout gives them: the control value, their shard of the
    // index, their room's bucket and its statuses; the facilitator's app reads every key.
    const storage = (tab: typeof writerTab) => tab.miro.board.storage.collection(PLAN_COLLECTION);
    for (const key of board.storageKeys(PLAN_COLLECTION))
      void storage(writerTab).onValue(key, () => {});
    for (const [n, p] of people.entries()) {
      const user = board.addUser({ id: p.id, name: p.name });
      const tab = board.openTab(user.id).headless;
      if (!tab) throw new Error('no headless iframe');
      const bucket = Math.floor((n % 100) / 10);
      for (const key of [PLAN_KEY, indexKey(shardOf(p.id)), roomsKey(bucket), statusKey(bucket)]) {
        void storage(tab).onValue(key, () => {});
      }
    }
    await settle();

    board.resetCounters();
    const sessions = Object.fromEntries(rooms.map((roomId, r) => [roomId, `session-${r}`]));
    plan = next(
      plan,
      { type: 'breakoutStarting', runId: 'run-16', at: Date.now() },
      { type: 'sessionsStarted', sessions },
      { type: 'breakoutStarted', at: Date.now(), endsAt: null, timer: null },
    );
    const started = writer.write(plan);
    await settle();
    await started;
    const atStart = board.counters().storageWrites;

    board.resetCounters();
    // People accept 1-5 s after their invitation (seeded, as in the bench); the facilitator's
    // app writes the joins of each 250 ms together.
    const random = createRandom(20240501);
    const joinAt = people.map(() => 1000 + Math.floor(random() * 4000));
    const writes: Promise<unknown>[] = [];
    // Each window's joins are written when it closes, in simulated time, alongside the writer's
    // own timers and the board's calls and deliveries.
    for (let window = 1250; window <= 5000; window += 250) {
      globalThis.setTimeout(() => {
        const joining = people.flatMap((p, n) => {
          const at = joinAt[n] ?? 0;
          return at >= window - 250 && at < window ? [{ p, roomId: rooms[n % 100] ?? '' }] : [];
        });
        plan = next(
          plan,
          ...joining.map(({ p, roomId }) => ({
            type: 'participantJoined' as const,
            personId: p.id,
            sessionId: sessions[roomId] ?? '',
          })),
        );
        writes.push(writer.write(plan));
      }, window);
    }
    await vi.advanceTimersByTimeAsync(5000);
    await settle();
    await Promise.all(writes);
    const admission = board.counters();
    const largest = Math.max(
      ...board
        .storageKeys(PLAN_COLLECTION)
        .map((key) => utf8ByteLength(JSON.stringify(board.storageValue(PLAN_COLLECTION, key)))),
    );

    expect(plan.people.every((p) => p.status === 'joined')).toBe(true);
    // Start: at most rooms/10 + 2 values. Start + admission within 15 % of 100,000 credits a
    // minute at 50 a call: 2 calls per room (session, invitation), the frame check and the timer
    // leave 98 calls for the values written at Start and during admission.
    expect(atStart).toBeLessThanOrEqual(100 / 10 + 2);
    expect(atStart + admission.storageWrites).toBeLessThanOrEqual(15_000 / 50 - 2 * 100 - 2);
    expect(admission.storageBytesDelivered / people.length).toBeLessThanOrEqual(16_384);
    expect(largest).toBeLessThanOrEqual(16_384);
  }, 60_000);
});
