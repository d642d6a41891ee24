import { within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { answerInvitation, openPanel, rowText, settled, until, workshop } from './harness';

test('a facilitator plans, starts, follows and ends a breakout', async () => {
  const w = await workshop({ participants: 4, rooms: 2 });
  const panel = await openPanel(w, w.facilitator);

  await panel.user.click(panel.getByRole('button', { name: 'Plan a breakout' }));
  await until(w, () => panel.getByRole('heading', { name: 'People' }), 'the planning view shows');

  w.sim.select(
    w.facilitator.tab.id,
    w.rooms.map((room) => room.id),
  );
  await until(
    w,
    () => panel.getByRole('button', { name: 'Add 2 selected frames as rooms' }),
    'the add button counts the selection',
  );
  const start = () => panel.getByRole('button', { name: 'Start breakout' }) as HTMLButtonElement;
  expect(start().disabled).toBe(true);
  expect(start().getAttribute('aria-describedby')).toBeTruthy();

  await panel.user.click(panel.getByRole('button', { name: 'Add 2 selected frames as rooms' }));
  await until(w, () => panel.getByRole('list', { name: 'Rooms' }), 'rooms are listed');
  expect(panel.getByRole('button', { name: 'Rename Room 1' })).toBeTruthy();
  expect(start().disabled).toBe(true);
  const reasons = () =>
    document.getElementById(start().getAttribute('aria-describedby') ?? '')?.textContent ?? '';
  expect(reasons()).toContain('Nobody is in a room yet');

  await panel.user.click(panel.getByRole('button', { name: 'Split evenly at random' }));
  await until(w, () => !start().disabled, 'start is enabled');
  expect(start().getAttribute('aria-describedby')).toBeNull();
  // Balanced: 4 people over 2 rooms, as the by-hand view shows.
  await panel.user.click(panel.getByRole('tab', { name: 'By hand' }));
  const picks = w.participants.map(
    (p) => (panel.getByLabelText(`Room for ${p.user.name}`) as HTMLSelectElement).value,
  );
  expect(picks.filter((value) => value === picks[0])).toHaveLength(2);
  expect(picks.every((value) => value !== '')).toBe(true);

  await panel.user.click(start());
  await until(w, () => panel.getByRole('button', { name: 'End breakout' }), 'the breakout runs');
  const [ada, grace, alan] = w.participants;
  if (!ada || !grace || !alan) throw new Error('participants missing');
  expect(w.sim.invitations(ada.user.id)).toHaveLength(1);
  expect(w.sim.invitations(grace.user.id)).toHaveLength(1);

  answerInvitation(w, ada, 'accepted');
  answerInvitation(w, grace, 'rejected');
  const rooms = () => panel.getByRole('region', { name: 'Rooms' });
  await until(w, () => rowText(rooms(), ada.user.name).includes('Joined'), 'Ada shows as joined');
  await until(
    w,
    () => rowText(rooms(), grace.user.name).includes('Declined'),
    'Grace shows as declined',
  );
  expect(rowText(rooms(), alan.user.name)).toContain('Invited');

  // A participant asks for help from their own panel.
  const adaPanel = await openPanel(w, ada);
  await adaPanel.user.click(adaPanel.getByRole('button', { name: 'Ask for help' }));
  await until(
    w,
    () => panel.getByRole('list', { name: 'Help requests' }),
    'the help request arrives',
  );
  expect(panel.getByRole('list', { name: 'Help requests' }).textContent).toContain(ada.user.name);
  await until(
    w,
    () => adaPanel.getByText('You asked for help. The facilitator has been told.'),
    'Ada sees her request is in',
  );
  await panel.user.click(panel.getByRole('button', { name: `Done helping ${ada.user.name}` }));
  await until(
    w,
    () => panel.queryByRole('region', { name: 'Help requests' }) === null,
    'the request is done and the list gone',
  );
  // Done means done for Ada too: nothing on her panel still says help is asked for.
  await until(
    w,
    () => adaPanel.queryByText(/asked for help|has been asked|on the way/) === null,
    'Ada’s panel drops the request',
  );

  await panel.user.click(panel.getByRole('button', { name: 'End breakout' }));
  const confirm = panel.getByRole('alertdialog');
  await panel.user.click(within(confirm).getByRole('button', { name: 'End breakout now' }));
  await until(w, () => panel.getByRole('heading', { name: 'Breakout ended' }), 'the summary shows');
  expect(panel.getByText(`Joined: ${ada.user.name}`)).toBeTruthy();
  expect(panel.getByText(new RegExp(`Declined: .*${grace.user.name}`))).toBeTruthy();
  expect(panel.queryByText(new RegExp(`Never answered: .*${grace.user.name}`))).toBeNull();
  await until(
    w,
    () => adaPanel.getByText('The breakout has ended.'),
    'the participant sees the end',
  );

  await panel.user.click(panel.getByRole('button', { name: 'Run again' }));
  await until(w, () => panel.getByRole('heading', { name: 'People' }), 'back to planning');
  expect(panel.getByRole('button', { name: 'Rename Room 1' })).toBeTruthy();
  await settled(w);
  expect(start().disabled).toBe(false);
}, 60_000);
