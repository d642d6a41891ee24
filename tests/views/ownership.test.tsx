import { within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { openPanel, planned, until, workshop } from './harness';

test('a co-facilitator sees the plan read-only and can take over after confirming', async () => {
  const w = await workshop({ participants: 2, rooms: 2 });
  await planned(w);
  const [ada] = w.participants;
  if (!ada) throw new Error('participant missing');
  await w.run(
    w.facilitator.headless.facilitator.handle({
      type: 'nameCoFacilitators',
      personIds: [ada.user.id],
    }),
  );
  const panel = await openPanel(w, ada);

  expect(panel.getByText('Waiting for Fran Facilitator to start the breakout.')).toBeTruthy();
  expect(panel.getByRole('heading', { name: 'Your room: Room 1' })).toBeTruthy();
  // Taking over is a quiet link at the foot, never the first control of the panel.
  const first = panel.container.querySelector('button, summary, a[href], input, select');
  expect(first?.textContent).not.toBe('Take over as facilitator');
  expect(panel.getByRole('contentinfo').textContent).toContain(
    'Fran Facilitator is the facilitator.',
  );
  await panel.user.click(panel.getByText('Other rooms'));
  await until(w, () => panel.getByRole('list', { name: 'People in Room 2' }), 'Room 2 shows');
  expect(panel.queryByRole('button', { name: 'Start breakout' })).toBeNull();
  expect(panel.queryByRole('combobox')).toBeNull();

  await panel.user.click(panel.getByRole('button', { name: 'Take over as facilitator' }));
  const confirm = panel.getByRole('alertdialog');
  expect(confirm.textContent).toContain('Take over from Fran Facilitator?');
  expect(confirm.textContent).toContain('Fran Facilitator can no longer change it');
  expect(document.activeElement?.textContent).toBe('Cancel');
  await panel.user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
  expect(panel.queryByRole('alertdialog')).toBeNull();
  expect(document.activeElement?.textContent).toBe('Take over as facilitator');
  expect(
    (w.sim.storageValue('breakout-rooms', 'plan') as { facilitator: { id: string } }).facilitator
      .id,
  ).toBe(w.facilitator.user.id);

  await panel.user.click(panel.getByRole('button', { name: 'Take over as facilitator' }));
  await panel.user.click(
    within(panel.getByRole('alertdialog')).getByRole('button', { name: 'Take over' }),
  );
  await until(w, () => panel.getByRole('button', { name: 'Start breakout' }), 'Ada facilitates');
  expect(
    (w.sim.storageValue('breakout-rooms', 'plan') as { facilitator: { id: string } }).facilitator
      .id,
  ).toBe(ada.user.id);
}, 30_000);

test('a board without a plan offers to plan one', async () => {
  const w = await workshop({ participants: 1, rooms: 1 });
  const panel = await openPanel(w, w.participants[0] ?? w.facilitator);
  await panel.user.click(panel.getByRole('button', { name: 'Plan a breakout' }));
  await until(w, () => panel.getByRole('button', { name: 'Start breakout' }), 'the planner shows');
  expect(
    (w.sim.storageValue('breakout-rooms', 'plan') as { facilitator: { id: string } }).facilitator
      .id,
  ).toBe(w.participants[0]?.user.id);
}, 30_000);

test('a damaged plan is explained and can be replaced by a new one', async () => {
  const w = await workshop({ participants: 1, rooms: 1 });
  w.sim.writeStorage('breakout-rooms', 'plan', { garbage: true });
  const panel = await openPanel(w, w.facilitator);
  expect(panel.getByRole('alert').textContent).toContain('The saved breakout plan is damaged');

  await panel.user.click(panel.getByRole('button', { name: 'Start a new plan' }));
  await until(w, () => panel.getByRole('button', { name: 'Start breakout' }), 'a new plan is open');
  expect(panel.queryByText(/damaged/)).toBeNull();
}, 30_000);

test('a plan from a newer version of the app is read-only', async () => {
  const w = await workshop({ participants: 1, rooms: 1 });
  w.sim.writeStorage('breakout-rooms', 'plan', { schema: 99 });
  const panel = await openPanel(w, w.facilitator);
  expect(panel.getByRole('alert').textContent).toContain('saved by a newer version');
  expect(panel.queryByRole('button', { name: 'Start a new plan' })).toBeNull();
  expect(panel.queryByRole('button', { name: 'Plan a breakout' })).toBeNull();
  expect(panel.queryByRole('button', { name: 'Take over as facilitator' })).toBeNull();
}, 30_000);

test('damage written over a running breakout is explained while every panel carries on', async () => {
  const w = await workshop({ participants: 2, rooms: 1 });
  await planned(w, { start: true });
  const [ada] = w.participants;
  if (!ada) throw new Error('participant missing');
  const host = await openPanel(w, w.facilitator);
  const guest = await openPanel(w, ada);
  // The facilitator's app cannot save for now, so the damage stays in storage for a while.
  w.sim.setOptions({ failureRate: { 'storage.set': 1 } });
  w.sim.writeStorage('breakout-rooms', 'plan', { garbage: true });
  for (const panel of [host, guest]) {
    await until(
      w,
      () => panel.getByText(/overwritten with data the app cannot read/),
      'the damage is explained',
    );
  }
  expect(host.getByRole('button', { name: 'End breakout' })).toBeTruthy();
  expect(guest.getByRole('heading', { name: 'Your room: Room 1' })).toBeTruthy();
  expect(host.queryByRole('button', { name: 'Start a new plan' })).toBeNull();

  w.sim.setOptions({ failureRate: {} });
  for (const panel of [host, guest]) {
    await until(
      w,
      () => !panel.queryByText(/overwritten with data the app cannot read/),
      'the plan is saved again',
    );
  }
  expect(host.queryByRole('alert')).toBeNull();
}, 30_000);
