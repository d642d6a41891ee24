import { afterEach, describe, expect, it, vi } from 'vitest';
import { LayoutWriter, STATUS_PACE_MS } from '../../src/controller/layout-writer';
import { PlanReader } from '../../src/controller/plan-reader';
import type { PlanAction } from '../../src/domain/actions';
import { layoutOf } from '../../src/domain/layout';
import { assemble, followedKeys, type Reader } from '../../src/domain/layout-assemble';
import { type Held, NOTHING_HELD, received } from '../../src/domain/layout-reader';
import { PLAN_COLLECTION, type Plan } from '../../src/domain/plan';
import { createRandom } from '../../src/domain/random';
import { reduceAll } from '../../src/domain/reducer';
import type { Board } from '../../src/sdk/connect';
import type { Json } from '../../src/sdk/surface';
import { createBoard, settleBoard } from '../../src/simulator/index';
import { frame, newPlan, person, room } from '../domain/fixtures';

afterEach(() => {
  vi.useRealTimers();
});

const next = (plan: Plan, ...actions: PlanAction[]): Plan => ({
  ...reduceAll(plan, actions),
  revision: plan.revision + 1,
});

/** Without statuses or revision: what "one written plan" means for the rooms and people. */
const structure = (plan: Plan) =>
  JSON.stringify({ ...plan, revision: 0, people: plan.people.map(({ status: _s, ...p }) => p) });

/**
 * A reader of the layout on the simulated board: it follows the keys `followedKeys` names, feeds
 * every notification to `received`, and reads again what it is told to.
 */
function follow(board: ReturnType<typeof createBoard>, userId: string, reader: Reader) {
  const tab = board.openTab(userId).headless;
  if (!tab) throw new Error('no headless iframe');
  const storage = tab.miro.board.storage.collection(PLAN_COLLECTION);
  const state = { held: NOTHING_HELD as Held, seen: [] as Plan[] };
  const followed = new Set<string>();
  const reading = new Set<string>();
  const take = (key: string, value: Json | undefined) => {
    const result = received(state.held, key, value, reader);
    if (result.held.plan !== state.held.plan && result.held.plan) state.seen.push(result.held.plan);
    state.held = result.held;
    // One read of a key at a time: a read on its way answers every wish to read it again.
    for (const again of result.reread) {
      if (reading.has(again)) continue;
      reading.add(again);
      void storage.get(again).then((v) => {
        reading.delete(again);
        take(again, v);
      });
    }
    for (const key of followedKeys(state.held.control, state.held.values, reader)) {
      if (followed.has(key)) continue;
      followed.add(key);
      void storage.onValue(key, (v) => take(key, v));
      void storage.get(key).then((v) => take(key, v));
    }
  };
  take('plan', undefined);
  const readAll = () =>
    Promise.all([...followed].map((key) => storage.get(key).then((v) => take(key, v))));
  return { state, readAll };
}

/** The app's own reader (PlanReader) on the simulated board, with every plan it published. */
function appReader(board: ReturnType<typeof createBoard>, userId: string, reader: Reader) {
  const tab = board.openTab(userId).headless;
  if (!tab) throw new Error('no headless iframe');
  const app = new PlanReader(tab.miro.board as unknown as Board, () => reader);
  const state = { held: NOTHING_HELD as Held, seen: [] as Plan[] };
  app.subscribe((snapshot) => {
    if (snapshot.status !== 'ok') return;
    state.seen.push(snapshot.plan);
    state.held = { ...state.held, plan: snapshot.plan };
  });
  void app.start();
  return { state, readAll: () => app.refresh() };
}

describe('the multi-key layout on a board that drops and reorders notifications', () => {
  it('readers only ever hold a plan that was written, and reach the last one', async () => {
    vi.useFakeTimers();
    const board = createBoard({
      seed: 7,
      callLatencyMs: 50,
      callLatencyJitterMs: 200,
      eventLatencyMs: 50,
      eventLatencyJitterMs: 400,
      dropStorageNotification: 0.3,
    });
    const settle = () => settleBoard(board, () => vi.advanceTimersToNextTimerAsync());
    const facilitator = board.addUser({ name: 'Fran' });
    const writerTab = board.openTab(facilitator.id).headless;
    if (!writerTab) throw new Error('no headless iframe');
    const writer = new LayoutWriter(writerTab.miro.board as unknown as Board, Date.now);
    const frames = Array.from({ length: 24 }, (_, n) => frame(`f${n}`));
    const ids = Array.from({ length: 60 }, (_, n) => `p${n}`);
    let plan: Plan = reduceAll(newPlan(), [
      { type: 'roomsAdded', frames },
      ...ids.map((id, n) => ({
        type: 'personAssigned' as const,
        person: person(id),
        roomId: room(`f${n % 24}`),
      })),
    ]);
    const written: Plan[] = [plan];
    const stored = writer.write(plan);
    await settle();
    await stored;

    for (const id of ['p0', 'p25']) board.addUser({ id, name: id });
    const kinds: Array<{ userId: string; reader: Reader }> = [
      { userId: facilitator.id, reader: { kind: 'everyone' } },
      { userId: 'p0', reader: { kind: 'participant', personId: 'p0' } },
      { userId: 'p25', reader: { kind: 'participant', personId: 'p25' } },
    ];
    const readers = kinds.flatMap(({ userId, reader }) => [
      { reader, ...follow(board, userId, reader) },
      { reader, ...appReader(board, userId, reader) },
    ]);
    await settle();

    // Moves across buckets, rooms removed and added, a start, joins: each a write of its own.
    const random = createRandom(16);
    const steps: PlanAction[][] = [];
    for (let i = 0; i < 12; i++) {
      const who = ids[Math.floor(random() * ids.length)] ?? 'p0';
      steps.push([
        {
          type: 'personAssigned',
          person: person(who),
          roomId: room(`f${Math.floor(random() * 24)}`),
        },
      ]);
    }
    steps.push(
      [{ type: 'roomRemoved', roomId: room('f3') }],
      [{ type: 'roomsAdded', frames: [frame('g1')] }],
    );
    const sessions = Object.fromEntries(
      [...frames.filter((f) => f.id !== 'f3'), frame('g1')].map((f, n) => [room(f.id), `s${n}`]),
    );
    steps.push([
      { type: 'breakoutStarting', runId: 'run-7', at: 1 },
      { type: 'sessionsStarted', sessions },
      { type: 'breakoutStarted', at: 1, endsAt: null, timer: null },
    ]);
    const writes: Promise<unknown>[] = [];
    for (const step of steps) {
      plan = next(plan, ...step);
      written.push(plan);
      writes.push(writer.write(plan));
      await vi.advanceTimersByTimeAsync(Math.floor(random() * 300));
    }
    for (const [n, id] of ids.entries()) {
      const roomId = plan.people.find((p) => p.id === id)?.roomId;
      if (roomId && n % 2 === 0) {
        plan = next(plan, {
          type: 'participantJoined',
          personId: id,
          sessionId: sessions[roomId] ?? '',
        });
        written.push(plan);
        writes.push(writer.write(plan));
        await vi.advanceTimersByTimeAsync(Math.floor(random() * 100));
      }
    }
    // The last statuses may wait for their pace: let it pass, and everything land.
    await vi.advanceTimersByTimeAsync(STATUS_PACE_MS);
    await settle();
    await Promise.all(writes);

    const last = layoutOf(plan, null);
    for (const { reader, state, readAll } of readers) {
      const possible = new Set(
        written.flatMap((p) => {
          const whole = layoutOf(p, null);
          const result = assemble(whole.control, whole.values, reader);
          return result.status === 'ok' ? [structure(result.plan)] : [];
        }),
      );
      for (const seen of state.seen) expect(possible).toContain(structure(seen));
      const reading = readAll();
      await settle();
      await reading;
      const expected = assemble(last.control, last.values, reader);
      // Statuses included: once every key is read again, the reader holds the last plan.
      expect(state.held.plan && { ...state.held.plan, revision: 0 }).toEqual(
        expected.status === 'ok' && { ...expected.plan, revision: 0 },
      );
    }
  }, 60_000);
});
