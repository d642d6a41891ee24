import { act, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { OFFLINE_TAKE_OVER_MS } from '../../src/domain/co-facilitation';
import { BROADCAST_EVENT, facilitateRequested } from '../../src/domain/messages';
import type { Plan } from '../../src/domain/plan';
import { openPanel, planned, settled, until, workshop } from './harness';

/** Who may facilitate, as the panels show it (domain/co-facilitation.ts). */

const stored = (w: Awaited<ReturnType<typeof workshop>>) =>
  w.sim.storageValue('breakout-rooms', 'plan') as unknown as Plan;

test('co-facilitator: the facilitator names one from the people online, behind one disclosure', async () => {
  const w = await workshop({ participants: 2, rooms: 2 });
  await planned(w);
  const [ada] = w.participants;
  if (!ada) throw new Error('participant missing');
  const panel = await openPanel(w, w.facilitator);
  await panel.user.click(panel.getByText('Co-facilitators'));
  const list = await (async () => {
    await until(w, () => panel.getByRole('list', { name: 'Co-facilitators' }), 'the list shows');
    return panel.getByRole('list', { name: 'Co-facilitators' });
  })();
  expect(within(list).queryByText(w.facilitator.user.name)).toBeNull();
  await panel.user.click(within(list).getByRole('checkbox', { name: ada.user.name }));
  await until(
    w,
    () => stored(w).coFacilitation.coFacilitatorIds.includes(ada.user.id),
    'Ada is a co-facilitator',
  );
  await until(
    w,
    () => (within(list).getByRole('checkbox', { name: ada.user.name }) as HTMLInputElement).checked,
    'the box stays ticked',
  );
}, 30_000);

test('take-over request: a participant who is not a co-facilitator asks instead of taking over, and may take over once allowed', async () => {
  const w = await workshop({ participants: 2, rooms: 2 });
  await planned(w);
  const [ada] = w.participants;
  if (!ada) throw new Error('participant missing');
  const panel = await openPanel(w, ada);
  expect(panel.queryByRole('button', { name: 'Take over as facilitator' })).toBeNull();
  await panel.user.click(panel.getByRole('button', { name: 'Ask to facilitate' }));
  await until(
    w,
    () => panel.getByText(/You asked to facilitate; Fran Facilitator has not answered yet/),
    'the request is shown as waiting',
  );
  expect(stored(w).coFacilitation.asks.map((ask) => ask.personId)).toEqual([ada.user.id]);

  await w.run(
    w.facilitator.headless.facilitator.handle({
      type: 'answerFacilitateRequest',
      personId: ada.user.id,
      allow: true,
    }),
  );
  await until(
    w,
    () => panel.getByRole('button', { name: 'Take over as facilitator' }),
    'Take over is offered',
  );
  expect(panel.getByRole('contentinfo').textContent).toContain(
    'Fran Facilitator lets you facilitate.',
  );
  await panel.user.click(panel.getByRole('button', { name: 'Take over as facilitator' }));
  await panel.user.click(
    within(panel.getByRole('alertdialog')).getByRole('button', { name: 'Take over' }),
  );
  await until(w, () => panel.getByRole('button', { name: 'Start breakout' }), 'Ada facilitates');
}, 30_000);

test('take-over request: the facilitator’s panel shows it, named as Miro names the asker, with Allow and Deny', async () => {
  const w = await workshop({ participants: 2, rooms: 2 });
  await planned(w);
  const [ada] = w.participants;
  if (!ada) throw new Error('participant missing');
  const panel = await openPanel(w, w.facilitator);
  await w.run(
    ada.board.events.broadcast(
      BROADCAST_EVENT,
      facilitateRequested(stored(w).runId, { id: ada.user.id, name: 'Someone Else' }),
    ),
  );
  await until(w, () => panel.getByRole('heading', { name: 'Asks to facilitate' }), 'it shows');
  const section = panel.getByRole('list', { name: 'Asks to facilitate' });
  expect(section.textContent).toContain(ada.user.name);
  expect(section.textContent).not.toContain('Someone Else');
  await panel.user.click(
    within(section).getByRole('button', { name: `Deny ${ada.user.name}’s request` }),
  );
  await until(w, () => !panel.queryByRole('heading', { name: 'Asks to facilitate' }), 'denied');
  expect(stored(w).coFacilitation).toMatchObject({ asks: [], handOver: null });
}, 30_000);

test('a participant is told when the facilitator has been offline for a minute, and may take over', async () => {
  const w = await workshop({ participants: 2, rooms: 2 });
  await planned(w);
  const [ada] = w.participants;
  if (!ada) throw new Error('participant missing');
  const panel = await openPanel(w, ada);
  w.sim.setOnline(w.facilitator.user.id, false);
  // The panel hears Miro's new list of online users first; the minute runs from then.
  await settled(w);
  await act(async () => {
    await w.advance(OFFLINE_TAKE_OVER_MS);
  });
  await until(
    w,
    () => panel.getByText(/Fran Facilitator has been offline for 1 min: you may take over/),
    'the reason shows',
  );
  await panel.user.click(panel.getByRole('button', { name: 'Take over as facilitator' }));
  await panel.user.click(
    within(panel.getByRole('alertdialog')).getByRole('button', { name: 'Take over' }),
  );
  await until(w, () => panel.getByRole('button', { name: 'Start breakout' }), 'Ada facilitates');
}, 30_000);
