import { within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { BROADCAST_EVENT, helpRequested } from '../../src/domain/messages';
import { answerInvitation, openPanel, planned, until, workshop } from './harness';

const planOf = (w: Awaited<ReturnType<typeof workshop>>) => {
  const plan = w.facilitator.headless.reader.plan();
  if (!plan) throw new Error('no plan');
  return plan;
};

test('the facilitator announces, adds time, pauses, and the participant panel follows', async () => {
  const w = await workshop({ participants: 2, rooms: 2 });
  await planned(w, { start: true });
  const [ada] = w.participants;
  if (!ada) throw new Error('participants missing');
  answerInvitation(w, ada, 'accepted');
  const host = await openPanel(w, w.facilitator);
  const guest = await openPanel(w, ada);
  const hostView = within(host.container);

  await host.user.click(hostView.getByRole('button', { name: 'Announce to all rooms' }));
  await host.user.type(hostView.getByLabelText('Message'), 'Five more minutes, then we share.');
  await host.user.click(hostView.getByRole('button', { name: 'Send to all rooms' }));
  await until(
    w,
    () =>
      guest
        .getByRole('region', { name: 'From the facilitator' })
        .textContent?.includes('Five more minutes'),
    'the participant panel shows the announcement',
  );
  expect((hostView.getByLabelText('Message') as HTMLTextAreaElement).value).toBe('');

  const endsAt = planOf(w).endsAt ?? 0;
  await host.user.click(hostView.getByRole('button', { name: 'Add 5 minutes' }));
  await until(w, () => planOf(w).endsAt === endsAt + 5 * 60_000, 'five minutes were added');
  await host.user.click(hostView.getByRole('button', { name: 'Pause timer' }));
  await until(w, () => guest.getByText('Paused'), 'the participant sees the pause');
  expect(hostView.getByRole('button', { name: 'Resume timer' })).toBeTruthy();

  await host.user.selectOptions(hostView.getByLabelText('Warn everyone before the end'), '30');
  await until(w, () => planOf(w).facilitation.warningMs === 30_000, 'the warning is set');
}, 30_000);

test('the facilitator goes to a help request, locks a room and closes another after confirming', async () => {
  const w = await workshop({ participants: 2, rooms: 2 });
  await planned(w, { start: true });
  const [ada, grace] = w.participants;
  if (!ada || !grace) throw new Error('participants missing');
  answerInvitation(w, ada, 'accepted');
  answerInvitation(w, grace, 'accepted');
  const host = await openPanel(w, w.facilitator);
  const guest = await openPanel(w, ada);

  await w.run(
    ada.board.events.broadcast(
      BROADCAST_EVENT,
      helpRequested(planOf(w).runId, { id: ada.user.id, name: ada.user.name }),
    ),
  );
  const help = () => host.getByRole('region', { name: 'Help requests' });
  await until(w, () => within(help()).getByText(/asked at/), 'the request shows with its time');
  expect(help().textContent).toContain('in Room 1');
  await host.user.click(
    within(help()).getByRole('button', { name: `Go to Room 1 to help ${ada.user.name}` }),
  );
  await until(w, () => guest.getByText('The facilitator is on the way.'), 'Ada is told');
  const me = w.sim.users().find((user) => user.id === w.facilitator.user.id);
  const frame = w.rooms[0];
  if (!me || !frame) throw new Error('missing');
  expect(Math.abs(me.viewport.x + me.viewport.width / 2 - frame.x)).toBeLessThan(1);

  await host.user.click(host.getByRole('button', { name: 'Lock Room 1' }));
  await until(w, () => host.getByRole('button', { name: 'Unlock Room 1' }), 'Room 1 is locked');
  expect(host.getByText('Locked: nobody new is let in.')).toBeTruthy();

  await host.user.click(host.getByRole('button', { name: 'Close Room 2' }));
  const dialog = host.getByRole('alertdialog');
  expect(dialog.textContent).toContain('Close Room 2 now?');
  await host.user.click(within(dialog).getByRole('button', { name: 'Close Room 2 now' }));
  await until(w, () => host.getByText(/^Closed at/), 'Room 2 shows as closed');
  expect(w.sim.sessions().filter((session) => !session.ended)).toHaveLength(1);
  const room2 = host.getByRole('region', { name: 'Room 2' });
  expect(within(room2).getByText('1 back in the main area')).toBeTruthy();
  const row = within(room2).getByRole('listitem');
  expect(row.textContent).toContain(grace.user.name);
  expect(within(row).getByText('In main area').getAttribute('title')).toBe('Back in the main area');
}, 30_000);
