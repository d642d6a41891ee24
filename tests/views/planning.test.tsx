import { within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { roomIdForFrame } from '../../src/domain/reduce-rooms';
import { answerInvitation, openPanel, planned, until, workshop } from './harness';

/** One of the other ways of placing people, behind its tab; its tool loads on demand. */
async function openTab(
  panel: Awaited<ReturnType<typeof openPanel>>,
  w: Parameters<typeof until>[0],
  tab: string,
  heading: string,
) {
  await panel.user.click(panel.getByRole('tab', { name: tab }));
  await until(w, () => panel.getByRole('heading', { name: heading }), `${tab} loaded`);
}

test('self-select: the facilitator opens the rooms, a participant picks one, a full room shows as full', async () => {
  const w = await workshop({ participants: 2, rooms: 2 });
  const control = w.facilitator.headless.facilitator;
  await w.run(control.handle({ type: 'claim' }));
  await w.run(control.handle({ type: 'edit', actions: [{ type: 'roomsAdded', frames: w.rooms }] }));
  const [ada, grace] = w.participants;
  if (!ada || !grace) throw new Error('participants missing');

  const host = await openPanel(w, w.facilitator);
  await openTab(host, w, 'They choose', 'Let people choose');
  await host.user.type(host.getByLabelText('Places per room (empty for no limit)'), '1');
  await host.user.click(host.getByRole('button', { name: 'Open rooms for choice' }));
  await until(w, () => host.getByText(/Rooms are open for choice \(1 places each\)/), 'open');

  const adaPanel = await openPanel(w, ada);
  await until(w, () => adaPanel.getByRole('button', { name: 'Choose Room 1' }), 'Ada can choose');
  await adaPanel.user.click(adaPanel.getByRole('button', { name: 'Choose Room 1' }));
  await until(
    w,
    () =>
      adaPanel
        .getByText('1 of 1 places taken · your choice')
        .closest('li')
        ?.textContent?.startsWith('Room 1'),
    'Ada is in',
  );
  expect(
    w.facilitator.headless.reader.plan()?.people.find((p) => p.id === ada.user.id)?.roomId,
  ).toBe(roomIdForFrame(w.rooms[0]?.id ?? ''));
  const gracePanel = await openPanel(w, grace);
  await until(w, () => gracePanel.getByRole('button', { name: 'Room 1 is full' }), 'full');
  expect(
    (gracePanel.getByRole('button', { name: 'Room 1 is full' }) as HTMLButtonElement).disabled,
  ).toBe(true);
}, 60_000);

test('pre-assignment: a pasted list is imported and each row says where it stands', async () => {
  const w = await workshop({ participants: 2, rooms: 2 });
  const control = w.facilitator.headless.facilitator;
  await w.run(control.handle({ type: 'claim' }));
  await w.run(control.handle({ type: 'edit', actions: [{ type: 'roomsAdded', frames: w.rooms }] }));
  const [ada] = w.participants;
  if (!ada) throw new Error('participants missing');
  const host = await openPanel(w, w.facilitator);
  await openTab(host, w, 'From a list', 'Pre-assign people');
  await host.user.type(
    host.getByLabelText('Names and rooms, one per line'),
    `${ada.user.name} -> Room 2{enter}Ken Late -> Room 1{enter}Nobody -> Room 9`,
  );
  await host.user.click(host.getByRole('button', { name: 'Import list' }));
  const rows = () => host.getByRole('list', { name: 'Pre-assigned people' });
  await until(
    w,
    () => within(rows()).getByText(/Ken Late → Room 1: not online yet/),
    'rows listed',
  );
  await until(
    w,
    () => within(rows()).getByText(new RegExp(`${ada.user.name} → Room 2: placed`)),
    'Ada placed',
  );
  expect(host.getByRole('list', { name: 'Import report' }).textContent).toContain(
    'There is no room 9',
  );
}, 60_000);

test('pre-assignment: a CSV file is chosen with a button and its name is shown', async () => {
  const w = await workshop({ participants: 1, rooms: 2 });
  const control = w.facilitator.headless.facilitator;
  await w.run(control.handle({ type: 'claim' }));
  await w.run(control.handle({ type: 'edit', actions: [{ type: 'roomsAdded', frames: w.rooms }] }));
  const host = await openPanel(w, w.facilitator);
  await openTab(host, w, 'From a list', 'Pre-assign people');
  const choose = host.getByRole('button', { name: 'Choose a CSV file…' });
  // The browser's file input is out of the tab order; the button is what opens its picker.
  const input = host.container.querySelector('input[type="file"]') as HTMLInputElement | null;
  if (!input) throw new Error('no file input');
  expect(input.tabIndex).toBe(-1);
  let pickerOpened = false;
  input.addEventListener('click', () => {
    pickerOpened = true;
  });
  choose.focus();
  await host.user.keyboard('{Enter}');
  expect(pickerOpened).toBe(true);

  const csv = 'Ken Late,Room 2\n';
  // jsdom's File has no text(); a browser's has (the E2E runs read real files).
  const file = Object.assign(new File([csv], 'groups.csv', { type: 'text/csv' }), {
    text: async () => csv,
  });
  const described = document.getElementById(choose.getAttribute('aria-describedby') ?? '');
  expect(described?.textContent).toBe('or paste it above');
  await host.user.upload(input, file);
  await until(w, () => described?.textContent === 'Read from groups.csv', 'file name shown');
  expect((host.getByLabelText('Names and rooms, one per line') as HTMLTextAreaElement).value).toBe(
    csv,
  );
  await host.user.click(host.getByRole('button', { name: 'Import list' }));
  await until(
    w,
    () =>
      within(host.getByRole('list', { name: 'Pre-assigned people' })).getByText(
        /Ken Late → Room 2/,
      ),
    'row imported',
  );
}, 60_000);

test('report-back: after the end the facilitator walks the rooms and sees each summary', async () => {
  const w = await workshop({ participants: 2, rooms: 2 });
  await planned(w, { start: true });
  for (const member of w.participants) answerInvitation(w, member, 'accepted');
  await w.flush();
  await w.run(w.facilitator.headless.facilitator.handle({ type: 'end' }));
  const host = await openPanel(w, w.facilitator);
  await until(
    w,
    () => host.getByRole('button', { name: 'Start report-back' }),
    'report-back offered',
  );
  // The frames' items are counted once more after the end, a moment later.
  await until(
    w,
    () =>
      host.getByRole('list', { name: 'Room summaries' }).textContent?.includes('No items added'),
    'item counts shown',
  );
  await host.user.click(host.getByRole('button', { name: 'Start report-back' }));
  await until(w, () => host.getByText(/Now reporting: Room 1 \(1 of 2\)/), 'first room');
  await host.user.click(host.getByRole('button', { name: 'Next room' }));
  await until(w, () => host.getByText(/Now reporting: Room 2 \(2 of 2\)/), 'second room');
  await host.user.click(host.getByRole('button', { name: 'Finish report-back' }));
  await until(w, () => host.getByText('Every room has reported.'), 'done');
}, 60_000);
