import { expect, test } from 'vitest';
import { answerInvitation, openPanel, planned, rowText, until, workshop } from './harness';

test('a participant waits, then sees their room, roommates and time, then the end', async () => {
  const w = await workshop({ participants: 4, rooms: 2 });
  await planned(w);
  const [ada, , alan] = w.participants;
  if (!ada || !alan) throw new Error('participants missing');
  const panel = await openPanel(w, ada);
  expect(
    panel.getByText(`Waiting for ${w.facilitator.user.name} to start the breakout.`),
  ).toBeTruthy();

  await w.run(w.facilitator.headless.facilitator.handle({ type: 'start' }));
  await until(
    w,
    () => panel.getByText('You are invited: choose Join in the invitation on the board.'),
    'the invitation shows',
  );
  answerInvitation(w, ada, 'accepted');
  await until(w, () => panel.getByText('You are in your room.'), 'Ada is in');
  expect(panel.getByRole('heading', { name: 'Your room: Room 1' })).toBeTruthy();
  expect(panel.getByRole('list', { name: 'Also in this room' }).textContent).toContain(
    alan.user.name,
  );
  expect(panel.getByRole('timer', { name: 'Time left' }).textContent).toMatch(/^1[45]:\d\d$/);

  // Looked elsewhere, then back to the room's frame.
  await w.run(ada.board.viewport.set({ viewport: { x: 9000, y: 9000, width: 100, height: 100 } }));
  await panel.user.click(panel.getByRole('button', { name: 'Take me back to my room' }));
  await until(w, () => panel.getByText('You are back at your room.'), 'moved back');
  const room = w.rooms[0];
  const viewport = w.sim.users().find((user) => user.id === ada.user.id)?.viewport;
  expect(room && viewport && viewport.x < room.x && viewport.x + viewport.width > room.x).toBe(
    true,
  );

  await w.run(w.facilitator.headless.facilitator.handle({ type: 'end' }));
  await until(w, () => panel.getByText('The breakout has ended.'), 'the end shows');
}, 30_000);

test('a participant who declined can ask to rejoin and gets a new invitation', async () => {
  const w = await workshop({ participants: 2, rooms: 1 });
  await planned(w, { start: true });
  const [ada] = w.participants;
  if (!ada) throw new Error('participant missing');
  const panel = await openPanel(w, ada);
  answerInvitation(w, ada, 'rejected');
  await until(w, () => panel.getByRole('button', { name: 'Ask to rejoin' }), 'rejoin is offered');
  expect(panel.getByText('You declined the invitation.')).toBeTruthy();
  expect(w.sim.invitations(ada.user.id)).toHaveLength(0);

  await panel.user.click(panel.getByRole('button', { name: 'Ask to rejoin' }));
  await until(w, () => w.sim.invitations(ada.user.id).length === 1, 'a new invitation arrives');
  await until(
    w,
    () => panel.getByText('You are invited: choose Join in the invitation on the board.'),
    'the panel says so',
  );
}, 30_000);

test('names with markup are shown as text', async () => {
  const w = await workshop({ participants: 0, rooms: 1 });
  const sneaky = await w.join(w.sim.addUser({ name: '<img src=x onerror=alert(1)><b>Bo</b>' }));
  w.participants.push(sneaky);
  await planned(w);
  w.sim.renameFrame(w.rooms[0]?.id ?? '', '<script>room</script>');
  const panel = await openPanel(w, w.facilitator);
  await until(
    w,
    () => panel.queryByRole('button', { name: 'Rename <script>room</script>' }),
    'the frame title shows',
  );
  await panel.user.click(panel.getByRole('tab', { name: 'By hand' }));
  expect(panel.getByLabelText('Room for <img src=x onerror=alert(1)><b>Bo</b>')).toBeTruthy();
  expect(panel.container.querySelector('img, b, script')).toBeNull();
}, 30_000);

test("a participant's panel that missed the end's storage notification still shows the end", async () => {
  const w = await workshop({ participants: 2, rooms: 1 });
  await planned(w, { start: true });
  const [ada] = w.participants;
  if (!ada) throw new Error('participant missing');
  answerInvitation(w, ada, 'accepted');
  const panel = await openPanel(w, ada);
  await until(w, () => panel.getByText('You are in your room.'), 'Ada is in');

  // Every storage notification is lost from now on (S3): only reading the plan again tells.
  w.sim.setOptions({ dropStorageNotification: 1 });
  await w.run(w.facilitator.headless.facilitator.handle({ type: 'end' }));
  await until(w, () => panel.getByText('The breakout has ended.'), 'the end shows');
}, 30_000);

test('a participant sees whether roommates are there, never that someone declined', async () => {
  const w = await workshop({ participants: 4, rooms: 2 });
  await planned(w, { start: true });
  const [ada, , alan] = w.participants;
  if (!ada || !alan) throw new Error('participants missing');
  const panel = await openPanel(w, ada);
  answerInvitation(w, ada, 'accepted');
  answerInvitation(w, alan, 'rejected');
  await until(w, () => panel.getByText('You are in your room.'), 'Ada is in');
  const roommates = panel.getByRole('list', { name: 'Also in this room' });
  await until(w, () => rowText(roommates, alan.user.name).includes('Not in yet'), 'Alan is not in');
  expect(panel.container.textContent).not.toMatch(/declined/i);

  // The other rooms are folded into one disclosure, read-only.
  expect(panel.queryByRole('list', { name: 'People in Room 2' })).toBeNull();
  await panel.user.click(panel.getByText('Other rooms'));
  await until(w, () => panel.getByRole('list', { name: 'People in Room 2' }), 'Room 2 shows');
  expect(panel.container.textContent).not.toMatch(/declined/i);
}, 30_000);

test('a participant asking for help is told exactly what happened: asked, already asked', async () => {
  const w = await workshop({ participants: 2, rooms: 1 });
  await planned(w, { start: true });
  const [ada] = w.participants;
  if (!ada) throw new Error('participant missing');
  const panel = await openPanel(w, ada);
  const askButton = () => panel.getByRole('button', { name: 'Ask for help' });
  await until(w, () => askButton(), 'help is offered');
  await panel.user.click(askButton());
  await until(
    w,
    () => panel.getByText('You asked for help. The facilitator has been told.'),
    'the request is in the queue',
  );
  await panel.user.click(askButton());
  await until(
    w,
    () => panel.getByText(/^You already asked for help at .+\. The facilitator has your request/),
    'a second click is not a second request',
  );
  const plan = w.facilitator.headless.reader.plan();
  expect(plan?.helpRequests.map((request) => request.personId)).toEqual([ada.user.id]);
}, 30_000);

test('the facilitator clears the whole help queue with "Clear all"', async () => {
  const w = await workshop({ participants: 3, rooms: 1 });
  await planned(w, { start: true });
  const panel = await openPanel(w, w.facilitator);
  for (const member of w.participants) {
    const own = await openPanel(w, member);
    const ask = () => own.getByRole('button', { name: 'Ask for help' });
    await until(w, () => ask(), 'help is offered');
    await own.user.click(ask());
  }
  await until(
    w,
    () => panel.getByRole('list', { name: 'Help requests' }).children.length === 3,
    'three requests are listed',
  );
  await panel.user.click(panel.getByRole('button', { name: 'Clear all' }));
  await until(
    w,
    () => panel.queryByRole('list', { name: 'Help requests' }) === null,
    'the queue is gone',
  );
  expect(w.facilitator.headless.reader.plan()?.helpRequests).toEqual([]);
}, 30_000);

test("a participant's request that could not be sent says so and can be sent again", async () => {
  const w = await workshop({ participants: 2, rooms: 1 });
  await planned(w, { start: true });
  const [ada] = w.participants;
  if (!ada) throw new Error('participant missing');
  answerInvitation(w, ada, 'accepted');
  const panel = await openPanel(w, ada);
  await until(w, () => panel.getByText('You are in your room.'), 'Ada is in');

  w.sim.setOptions({ failureRate: { 'events.broadcast': 1 } });
  await panel.user.click(panel.getByRole('button', { name: 'Ask for help' }));
  await until(w, () => panel.queryByRole('alert'), 'the failure shows');
  expect(panel.getByRole('alert').textContent).toContain('Your request for help could not be sent');

  w.sim.setOptions({ failureRate: {} });
  await panel.user.click(panel.getByRole('button', { name: 'Try again' }));
  await until(
    w,
    () => panel.getByText('You asked for help. The facilitator has been told.'),
    'the request arrives',
  );
  expect(panel.queryByRole('alert')).toBeNull();
}, 30_000);
