import { within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { answerInvitation, openPanel, planned, until, workshop } from './harness';

test('after the end: one compact card per room, declined and never answered told apart, Run again in the header', async () => {
  const w = await workshop({ participants: 4, rooms: 2 });
  await planned(w, { start: true });
  const [ada, bo, alan] = w.participants;
  if (!ada || !bo || !alan) throw new Error('participants missing');
  answerInvitation(w, ada, 'accepted');
  answerInvitation(w, alan, 'rejected');
  // Bo (Room 2) and the fourth never answer.
  await w.flush();
  await w.run(w.facilitator.headless.facilitator.handle({ type: 'end' }));
  const host = await openPanel(w, w.facilitator);
  await until(w, () => host.getByRole('heading', { name: 'Breakout ended' }), 'the end shows');

  const header = host.getByRole('banner');
  expect(within(header).getByRole('button', { name: 'Run again' })).toBeTruthy();
  expect(header.textContent).toContain('1 of 4 joined');

  const cards = within(host.getByRole('list', { name: 'Room summaries' })).getAllByRole('listitem');
  expect(cards).toHaveLength(2);
  const [first, second] = cards.map((card) => card.textContent ?? '');
  expect(first).toContain(`Joined: ${ada.user.name}`);
  expect(first).toContain(`Declined: ${alan.user.name}`);
  expect(first).not.toContain(`Never answered: ${alan.user.name}`);
  expect(second).toContain(`Never answered: ${bo.user.name}`);
  expect(second).toContain('Nobody joined.');
  // Each person is named once in the whole view.
  const body = host.container.textContent ?? '';
  for (const member of w.participants) {
    expect(body.split(member.user.name)).toHaveLength(2);
  }
}, 30_000);
