import { afterEach, expect, it, vi } from 'vitest';
import { ACTIVITY_POLL_MS } from '../src/controller/room-activity';
import type { SimOptions } from '../src/simulator/api';
import { answer, expectOk, planBreakout } from '../tests/controller/plan-breakout';
import { createWorkshop, type Workshop } from '../tests/support/workshop';
import { sumCalls, writePart } from './results';

/**
 * Rooms with material (issue #18): what copying a template of 15 items into 10 and 50 rooms
 * costs (calls, credits, simulated minutes, the peak minute's share of the credit budget), and
 * what watching the rooms costs per minute under each I1 variant (who gets item events).
 */

const MINUTE = 60_000;
const ITEMS = 15;
const SEED = 20_240_501;

afterEach(() => {
  vi.useRealTimers();
});

/** A template frame with 15 items: notes, text, shapes and cards, as a facilitator would lay out. */
function drawTemplate(w: Workshop) {
  const frame = w.sim.addFrame({ title: 'Template', x: 9000, y: -3000, width: 1200, height: 800 });
  const left = frame.x - frame.width / 2;
  const top = frame.y - frame.height / 2;
  const kinds = ['sticky_note', 'text', 'shape', 'card'] as const;
  w.sim.addItems(
    Array.from({ length: ITEMS }, (_, index) => {
      const kind = kinds[index % kinds.length] ?? 'sticky_note';
      const at = { x: left + 120 + (index % 5) * 220, y: top + 150 + Math.floor(index / 5) * 220 };
      const parentId = frame.id;
      if (kind === 'card') return { type: kind, title: `Task ${index + 1}`, ...at, parentId };
      if (kind === 'shape') return { type: kind, content: `Step ${index + 1}`, ...at, parentId };
      return { type: kind, content: `<p>Question ${index + 1}</p>`, ...at, parentId };
    }),
  );
  return frame;
}

async function templateCopy(rooms: number) {
  const w = await createWorkshop({ participants: 1, rooms: 1, seed: SEED });
  expectOk(await w.run(w.facilitator.headless.facilitator.handle({ type: 'claim' })));
  const template = drawTemplate(w);
  const budget = w.sim.options.creditsPerMinute;
  w.sim.resetCounters();
  const started = Date.now();
  expectOk(
    await w.run(
      w.facilitator.headless.rooms.handle({
        type: 'createRoomsFromTemplate',
        templateFrameId: template.id,
        count: rooms,
        names: '',
        prompts: '',
        prompt: { kind: 'text', spot: 'top-left' },
      }),
    ),
  );
  await w.run(w.facilitator.headless.rooms.jobs.idle());
  const id = w.facilitator.user.id;
  const counters = w.sim.counters();
  const progress = w.facilitator.headless.rooms.jobs.progress();
  expect(progress?.state).toBe('done');
  return {
    rooms,
    items: ITEMS,
    calls: sumCalls(counters.calls[id] ?? {}),
    credits: counters.credits[id] ?? 0,
    simulatedMinutes: Math.round(((Date.now() - started) / MINUTE) * 100) / 100,
    peakShareOfMinuteBudget:
      Math.round(((counters.peakCreditsPerMinute[id] ?? 0) / budget) * 1000) / 1000,
    rateLimitedCalls: counters.rateLimited[id] ?? 0,
    callsByMethod: counters.calls[id] ?? {},
  };
}

/** Calls of the facilitator's app per minute while rooms run and people add notes, over 10 min. */
async function activityPoll(rooms: number, itemEventRecipients: SimOptions['itemEventRecipients']) {
  const w = await createWorkshop({
    participants: rooms,
    rooms,
    seed: SEED,
    sim: { itemEventRecipients },
  });
  await planBreakout(w);
  expectOk(await w.run(w.facilitator.headless.facilitator.handle({ type: 'start' })));
  for (const member of w.participants) answer(w, member, 'accepted');
  await w.flush();
  await w.advance(2 * MINUTE);
  const id = w.facilitator.user.id;
  const before = { ...(w.sim.counters().calls[id] ?? {}) };
  const minutes = 10;
  for (let minute = 0; minute < minutes; minute += 1) {
    const room = w.rooms[minute % w.rooms.length];
    if (room) {
      w.sim.addItems([
        { type: 'sticky_note', content: '<p>idea</p>', x: room.x, y: room.y, parentId: room.id },
      ]);
    }
    await w.advance(MINUTE);
  }
  const after = w.sim.counters().calls[id] ?? {};
  const polled = (after['board.get'] ?? 0) - (before['board.get'] ?? 0);
  const watched = w.facilitator.headless.rooms.work().activity;
  const seen = watched?.snapshot.rooms.reduce((sum, entry) => sum + entry.added, 0) ?? 0;
  return {
    rooms,
    itemEventRecipients,
    pollCallsPerMinute: Math.round((polled / minutes) * 100) / 100,
    pollIntervalMs: ACTIVITY_POLL_MS,
    itemsAdded: minutes,
    itemsSeen: seen,
  };
}

it('measures copying a template into rooms and watching rooms work', {
  timeout: 600_000,
}, async () => {
  const copies = [];
  for (const rooms of [10, 50]) {
    copies.push(await templateCopy(rooms));
    vi.useRealTimers();
  }
  const polls = [];
  for (const variant of ['everyone', 'own-tabs', 'none'] as const) {
    for (const rooms of [2, 20]) {
      polls.push(await activityPoll(rooms, variant));
      vi.useRealTimers();
    }
  }
  writePart('rooms', { templateCopy: copies, activityPoll: polls, seed: SEED });
  expect(copies.map((copy) => copy.rooms)).toEqual([10, 50]);
});
