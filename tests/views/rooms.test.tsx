import { expect, test } from 'vitest';
import { openPanel, planned, settled, until, workshop } from './harness';

test('a facilitator renames a room, and a frame renamed on the board renames its room', async () => {
  const w = await workshop({ participants: 2, rooms: 2 });
  await planned(w);
  const panel = await openPanel(w, w.facilitator);

  await panel.user.click(panel.getByRole('button', { name: 'Rename Room 1' }));
  const field = panel.getByLabelText('Name of Room 1') as HTMLInputElement;
  await panel.user.clear(field);
  await panel.user.type(field, 'Ideas{Enter}');
  await until(
    w,
    () => panel.queryByRole('button', { name: 'Rename Ideas' }),
    'the room is renamed',
  );
  await panel.user.click(panel.getByRole('tab', { name: 'By hand' }));
  expect(
    (panel.getByLabelText('Room for Ada 1') as HTMLSelectElement).selectedOptions[0]?.textContent,
  ).toBe('Ideas');

  const second = w.rooms[1];
  if (!second) throw new Error('no second room');
  w.sim.renameFrame(second.id, 'Risks');
  await until(
    w,
    () => panel.queryByRole('button', { name: 'Rename Risks' }),
    'the board title reaches the room',
  );
  // A name set by hand is kept when its frame is renamed.
  w.sim.renameFrame(w.rooms[0]?.id ?? '', 'Something else');
  await settled(w);
  expect(panel.getByRole('button', { name: 'Rename Ideas' })).toBeTruthy();
}, 30_000);

test('moving a person is one choice in their room picker', async () => {
  const w = await workshop({ participants: 2, rooms: 2 });
  await planned(w);
  const panel = await openPanel(w, w.facilitator);
  await panel.user.click(panel.getByRole('tab', { name: 'By hand' }));
  const picker = () => panel.getByLabelText('Room for Ada 1') as HTMLSelectElement;
  expect(picker().selectedOptions[0]?.textContent).toBe('Room 1');

  await panel.user.selectOptions(picker(), 'Room 2');
  await until(w, () => picker().selectedOptions[0]?.textContent === 'Room 2', 'Ada is in Room 2');
  const stored = w.sim.storageValue('breakout-rooms', 'plan') as {
    people: { id: string; roomId: string }[];
  };
  expect(stored.people.filter((person) => person.id === w.participants[0]?.user.id)).toHaveLength(
    1,
  );

  await panel.user.selectOptions(picker(), 'No room');
  await until(w, () => picker().value === '', 'Ada is in no room');
}, 30_000);

test('a deleted frame blocks Start with the reason until its room is removed', async () => {
  const w = await workshop({ participants: 2, rooms: 3 });
  await planned(w);
  const panel = await openPanel(w, w.facilitator);
  const start = () => panel.getByRole('button', { name: 'Start breakout' }) as HTMLButtonElement;
  expect(start().disabled).toBe(false);

  w.sim.deleteItem(w.rooms[2]?.id ?? '');
  await until(w, () => start().disabled, 'start is blocked');
  const reasons = document.getElementById(start().getAttribute('aria-describedby') ?? '');
  expect(reasons?.textContent).toContain("Room 'Room 3' has no frame any more");
  expect(panel.getByText(/Its frame was deleted from the board/)).toBeTruthy();

  await panel.user.click(panel.getByRole('button', { name: 'Remove Room 3' }));
  await until(w, () => !start().disabled, 'start is allowed again');
  expect(panel.queryByRole('button', { name: 'Rename Room 3' })).toBeNull();
}, 30_000);

test('the duration takes whole minutes or no limit, and keeps what was typed when invalid', async () => {
  const w = await workshop({ participants: 1, rooms: 1 });
  await planned(w);
  const panel = await openPanel(w, w.facilitator);
  const minutes = panel.getByLabelText('Duration in minutes') as HTMLInputElement;
  expect(minutes.value).toBe('15');

  await panel.user.clear(minutes);
  await panel.user.type(minutes, '0{Enter}');
  expect(panel.getByText('Enter whole minutes from 1 to 1440.')).toBeTruthy();
  expect(minutes.value).toBe('0');

  await panel.user.clear(minutes);
  await panel.user.type(minutes, '25{Enter}');
  await until(
    w,
    () =>
      (w.sim.storageValue('breakout-rooms', 'plan') as { durationMs: number }).durationMs ===
      25 * 60_000,
    'the duration is saved',
  );
  expect(panel.queryByText('Enter whole minutes from 1 to 1440.')).toBeNull();

  await panel.user.click(panel.getByLabelText('No time limit'));
  await until(w, () => minutes.disabled, 'the minutes field is off');
  expect(
    (w.sim.storageValue('breakout-rooms', 'plan') as { durationMs: number | null }).durationMs,
  ).toBeNull();
}, 30_000);
