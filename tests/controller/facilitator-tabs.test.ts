import { afterEach, expect, it, vi } from 'vitest';
import { RUNS_IN_OTHER_TAB } from '../../src/controller/headless';
import { createLocks } from '../support/fake-locks';
import { createWorkshop } from '../support/workshop';
import { answer, expectOk, participantAt, planBreakout, statusOf } from './plan-breakout';

afterEach(() => {
  vi.useRealTimers();
});

/** A breakout started from the facilitator's first tab, in a browser whose tabs share locks. */
async function runningInFirstTab() {
  const w = await createWorkshop({ locks: createLocks() });
  // The panel's first command is what makes a tab the one that runs the breakout.
  expectOk(await w.run(w.facilitator.headless.command({ type: 'claim' })));
  await planBreakout(w);
  expectOk(await w.run(w.facilitator.headless.command({ type: 'start' })));
  const second = await w.join(w.facilitator.user);
  return { w, first: w.facilitator, second };
}

it('a second tab of the facilitator leaves the breakout to the first, and runs it once the first closes', async () => {
  const { w, first, second } = await runningInFirstTab();
  expect(second.headless.facilitator.isFacilitator()).toBe(false);
  expect(second.headless.facilitator.currentNotice().problem).toBe(RUNS_IN_OTHER_TAB);

  answer(w, participantAt(w, 0), 'accepted');
  await w.flush();
  expect(statusOf(second.headless.reader.plan(), participantAt(w, 0))).toBe('joined');
  // Only the first tab heard the join and wrote it: one writer, no colliding revisions.
  expect(second.headless.writer.writeCount()).toBe(0);

  first.headless.stop();
  first.tab.close();
  await w.settle();
  expect(second.headless.facilitator.isFacilitator()).toBe(true);
  expect(second.headless.facilitator.currentNotice().problem).toBeNull();

  // The second tab picked up the rooms: it hears joins and ends on time.
  answer(w, participantAt(w, 1), 'accepted');
  await w.flush();
  expect(statusOf(second.headless.reader.plan(), participantAt(w, 1))).toBe('joined');
  const endsAt = second.headless.reader.plan()?.endsAt ?? 0;
  await w.advance(endsAt - Date.now() + 1);
  expect(second.headless.reader.plan()?.phase).toBe('ended');
  expect(w.sim.sessions().every((session) => session.ended)).toBe(true);
});

it('using the panel of the second tab moves the breakout there, and the first tab stops running it', async () => {
  const { w, first, second } = await runningInFirstTab();
  const announced = expectOk(
    await w.run(second.headless.command({ type: 'announce', text: 'Five minutes left' })),
  );
  expect(announced.facilitation.announcements.map((a) => a.text)).toEqual(['Five minutes left']);
  expect(second.headless.facilitator.isFacilitator()).toBe(true);
  expect(first.headless.facilitator.isFacilitator()).toBe(false);

  const writesOfFirst = first.headless.writer.writeCount();
  answer(w, participantAt(w, 0), 'accepted');
  await w.flush();
  expect(statusOf(second.headless.reader.plan(), participantAt(w, 0))).toBe('joined');
  expect(first.headless.writer.writeCount()).toBe(writesOfFirst);
});

it('without Web Locks (Node, older browsers) every tab of the facilitator runs the breakout, as before', async () => {
  const w = await createWorkshop();
  await planBreakout(w);
  const second = await w.join(w.facilitator.user);
  expect(second.headless.facilitator.isFacilitator()).toBe(true);
  expect(second.headless.facilitator.currentNotice().problem).toBeNull();
});
