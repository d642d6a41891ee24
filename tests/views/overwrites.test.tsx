import { expect, test } from 'vitest';
import { PLAN_COLLECTION, PLAN_KEY } from '../../src/domain/plan';
import type { Json } from '../../src/sdk/surface';
import { clockTime } from '../../src/views/shared/format-time';
import type { Member, Workshop } from '../support/workshop';
import { openPanel, planned, until, workshop } from './harness';

/** A participant's own app writes the plan's key with the facilitator's plan, revisions ahead. */
async function forgeAhead(w: Workshop, member: Member, by: number): Promise<void> {
  const stored = w.sim.storageValue(PLAN_COLLECTION, PLAN_KEY) as { revision: number };
  const forged = { ...stored, revision: stored.revision + by } as Json;
  await w.run(member.board.storage.collection(PLAN_COLLECTION).set(PLAN_KEY, forged));
}

test('the facilitator’s panel says what was written over the plan, even if opened after, until dismissed', async () => {
  const w = await workshop({ participants: 2, rooms: 2 });
  await planned(w, { start: true });
  const [ada] = w.participants;
  if (!ada) throw new Error('participant missing');

  // Clear of a minute's turn, so the times read here are the ones the panel shows.
  await w.advance(70_000 - (Date.now() % 60_000));
  // Written over while the facilitator's panel is closed: their app kept it.
  const firstAt = Date.now();
  await forgeAhead(w, ada, 50);
  await w.advance(2_000);
  const panel = await openPanel(w, w.facilitator);
  const notice = () => panel.getByRole('status', { name: 'Plan put back' });
  await until(w, () => notice(), 'the notice shows');
  expect(notice().textContent).toBe(
    "Put back Someone's app wrote over the breakout's plan (a later revision) at " +
      `${clockTime(firstAt)}. It was put back; nobody was moved.`,
  );

  await w.advance(60_000);
  const lastAt = Date.now();
  await forgeAhead(w, ada, 60);
  await until(w, () => notice().textContent?.includes('2 times'), 'the repeat is counted');
  expect(notice().textContent).toContain(
    `2 times since ${clockTime(firstAt)}, last at ${clockTime(lastAt)}.`,
  );
  // A status to read, not a problem: nothing else of the panel turned into an alert.
  expect(panel.queryByRole('alert')).toBeNull();

  await panel.user.click(panel.getByRole('button', { name: 'Dismiss' }));
  await until(w, () => !panel.queryByRole('status', { name: 'Plan put back' }), 'it is dismissed');
  expect(w.facilitator.headless.facilitator.currentNotice().overwrites).toBeNull();
}, 30_000);
