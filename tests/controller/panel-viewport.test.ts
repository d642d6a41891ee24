import { afterEach, expect, it, vi } from 'vitest';
import type { Plan } from '../../src/domain/plan';
import { createWorkshop, type Workshop, type WorkshopOptions } from '../support/workshop';
import { answer, expectOk, isLookingAt, planBreakout } from './plan-breakout';

afterEach(() => {
  vi.useRealTimers();
});

/** A running breakout of one room; Ada joined and was taken to its frame, then looked away. */
async function adaInHerRoom(seed = 1, sim: WorkshopOptions['sim'] = {}) {
  const w = await createWorkshop({ participants: 1, rooms: 1, seed, sim });
  const [ada] = w.participants;
  const room = w.rooms[0];
  if (!ada || !room) throw new Error('workshop incomplete');
  await planBreakout(w);
  expectOk(await w.run(w.facilitator.headless.facilitator.handle({ type: 'start' })));
  answer(w, ada, 'accepted');
  await w.flush();
  expect(isLookingAt(w, ada, room)).toBe(true);
  await w.run(ada.board.viewport.set({ viewport: { x: 9000, y: 9000, width: 10, height: 10 } }));
  return { w, ada, room };
}

const storedPhase = (w: Workshop) =>
  (w.sim.storageValue('breakout-rooms', 'plan') as Partial<Plan> | undefined)?.phase;

it('"take me back to my room" moves the participant to their room\'s frame', async () => {
  const { w, ada, room } = await adaInHerRoom();
  expect(await w.run(ada.headless.command({ type: 'showMyRoom' }))).toEqual({
    ok: true,
    plan: null,
  });
  expect(isLookingAt(w, ada, room)).toBe(true);
});

/**
 * Calls reply after 50 ms to 2 s here. Ada's panel asks to be taken back to her room just as the
 * facilitator ends: before her app has heard of the end. Her app then moves her back to the main
 * area, and that move queues behind the one she asked for, so she ends up in the main area.
 */
it.each([1, 2, 3, 4, 5, 6])(
  "a move asked for just before the end cannot land after the end's move back (seed %i)",
  async (seed) => {
    const { w, ada } = await adaInHerRoom(seed, {
      callLatencyMs: 50,
      callLatencyJitterMs: 2_000,
      eventLatencyMs: 10,
    });
    const ended = w.facilitator.headless.facilitator.handle({ type: 'end' });
    while (storedPhase(w) !== 'ended') await vi.advanceTimersByTimeAsync(1);
    expect(ada.headless.reader.plan()?.phase).toBe('running');
    const back = ada.headless.command({ type: 'showMyRoom' });
    expect((await w.run(back)).ok).toBe(true);
    expectOk(await w.run(ended));
    await w.flush();
    await w.advance(5_000);
    expect(isLookingAt(w, ada, w.main)).toBe(true);
  },
);

it('once her app knows the breakout ended, "take me back" is refused and she stays', async () => {
  const { w, ada } = await adaInHerRoom();
  expectOk(await w.run(w.facilitator.headless.facilitator.handle({ type: 'end' })));
  await w.flush();
  expect(isLookingAt(w, ada, w.main)).toBe(true);

  const back = await w.run(ada.headless.command({ type: 'showMyRoom' }));
  expect(back).toEqual({
    ok: false,
    message: 'The breakout has ended: you are back in the main area.',
  });
  await w.flush();
  expect(isLookingAt(w, ada, w.main)).toBe(true);
});

it('"go to room" takes the facilitator to any room of the plan, even after the end', async () => {
  const { w, room } = await adaInHerRoom();
  const fran = w.facilitator;
  const roomId = fran.headless.reader.plan()?.rooms[0]?.id ?? '';
  expectOk(await w.run(fran.headless.facilitator.handle({ type: 'end' })));
  expect((await w.run(fran.headless.command({ type: 'showRoom', roomId }))).ok).toBe(true);
  expect(isLookingAt(w, fran, room)).toBe(true);
  expect(await w.run(fran.headless.command({ type: 'showRoom', roomId: 'gone' }))).toEqual({
    ok: false,
    message: 'That room is not in the breakout any more.',
  });
});

it('a move the board refuses comes back as a message, and the next one still goes', async () => {
  const { w, ada, room } = await adaInHerRoom();
  w.sim.setOptions({ failureRate: { 'viewport.set': 1 } });
  const refused = await w.run(ada.headless.command({ type: 'showMyRoom' }));
  expect(refused.ok ? '' : refused.message).toMatch(
    /^You could not be taken there: .+\. Try again\.$/,
  );

  w.sim.setOptions({ failureRate: {} });
  expect((await w.run(ada.headless.command({ type: 'showMyRoom' }))).ok).toBe(true);
  expect(isLookingAt(w, ada, room)).toBe(true);
});
