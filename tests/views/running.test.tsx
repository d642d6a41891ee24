import { act } from '@testing-library/react';
import { expect, test } from 'vitest';
import { ANSWER_WINDOW_MS } from '../../src/domain/reinvite';
import { answerInvitation, openPanel, planned, rowText, until, workshop } from './harness';

test('while running, the facilitator invites again, and places a late arrival', async () => {
  const w = await workshop({ participants: 3, rooms: 2 });
  await planned(w, { start: true });
  const [ada, grace, alan] = w.participants;
  if (!ada || !grace || !alan) throw new Error('participants missing');
  const panel = await openPanel(w, w.facilitator);
  const rooms = () => panel.getByRole('region', { name: 'Rooms' });

  const inviteRoom = () =>
    panel.queryAllByRole('button', {
      name: /^Invite again everyone in Room \d who has not joined/,
    });
  // Right after the start nobody could have answered yet: nothing to invite again.
  await until(w, () => rowText(rooms(), alan.user.name).includes('Invited'), 'Alan invited');
  expect(inviteRoom()).toHaveLength(0);
  expect(panel.queryByRole('button', { name: `Invite ${alan.user.name} again` })).toBeNull();

  answerInvitation(w, ada, 'accepted');
  answerInvitation(w, grace, 'rejected');
  await until(w, () => rowText(rooms(), grace.user.name).includes('Declined'), 'Grace declined');
  // Grace said no: offered for her, in her room; Alan's invitation is still open.
  expect(inviteRoom().map((button: HTMLElement) => button.getAttribute('aria-label'))).toEqual([
    expect.stringMatching(/has not joined \(1\)$/),
  ]);
  expect(panel.queryByRole('button', { name: `Invite ${alan.user.name} again` })).toBeNull();

  await panel.user.click(panel.getByRole('button', { name: `Invite ${grace.user.name} again` }));
  await until(
    w,
    () => rowText(rooms(), grace.user.name).includes('Invited'),
    'Grace is invited again',
  );
  expect(w.sim.invitations(grace.user.id)).toHaveLength(1);

  // A minute on, Alan never answered: now offered for him too.
  await act(() => w.advance(ANSWER_WINDOW_MS));
  await until(
    w,
    () => panel.getByRole('button', { name: `Invite ${alan.user.name} again` }),
    'Alan offered a new invitation',
  );

  // Alan drops off: shown as offline, in words.
  w.sim.setOnline(alan.user.id, false);
  await until(w, () => rowText(rooms(), alan.user.name).includes('Offline'), 'Alan shows offline');

  // Someone new arrives during the breakout.
  const ken = await w.join(w.sim.addUser({ name: 'Ken Late' }));
  await until(
    w,
    () => panel.getByRole('list', { name: 'Not in a room' }),
    'Ken shows as unassigned',
  );
  await panel.user.selectOptions(panel.getByLabelText('Room for Ken Late'), 'Room 2');
  await panel.user.click(panel.getByRole('button', { name: 'Assign Ken Late and invite' }));
  await until(w, () => w.sim.invitations(ken.user.id).length === 1, 'Ken is invited');
  await until(w, () => rowText(rooms(), 'Ken Late').includes('Invited'), 'Ken shows in his room');
  expect(panel.queryByRole('list', { name: 'Not in a room' })).toBeNull();
}, 30_000);

test('a failed command shows its message and keeps what was typed', async () => {
  const w = await workshop({ participants: 1, rooms: 1 });
  await planned(w);
  const panel = await openPanel(w, w.facilitator);
  w.sim.setOptions({ failureRate: { 'storage.set': 1 } });

  await panel.user.click(panel.getByRole('button', { name: 'Rename Room 1' }));
  const field = panel.getByLabelText('Name of Room 1') as HTMLInputElement;
  await panel.user.clear(field);
  await panel.user.type(field, 'Kept{Enter}');
  await until(w, () => panel.getByRole('alert'), 'the failure is shown');
  expect(panel.getByRole('alert').textContent).toContain('could not be saved');
  expect(field.value).toBe('Kept');

  w.sim.setOptions({ failureRate: {} });
  await panel.user.click(panel.getByRole('button', { name: 'Save name' }));
  await until(w, () => panel.queryByRole('button', { name: 'Rename Kept' }), 'saved on retry');
  expect(panel.queryByRole('alert')).toBeNull();
}, 30_000);

test("the controller's own problem is shown as an alert", async () => {
  const w = await workshop({ participants: 1, rooms: 1 });
  w.sim.setOptions({ failureRate: { 'timer.start': 1 } });
  await planned(w, { start: true });
  const panel = await openPanel(w, w.facilitator);
  await until(w, () => panel.queryByRole('alert'), 'the problem shows');
  expect(panel.getByRole('alert').textContent).toContain('board timer could not start');
  // The breakout still runs, counted down by the app.
  expect(panel.getByRole('timer', { name: 'Time left' }).textContent).toMatch(/^\d+:\d\d$/);
}, 30_000);
