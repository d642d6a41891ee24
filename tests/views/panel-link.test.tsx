import { afterEach, expect, test } from 'vitest';
import { channelName } from '../../src/controller/panel-link';
import { commandFailed, serveCommands } from '../../src/controller/serve-commands';
import { openPanel, planned, until, workshop } from './harness';

const serving: Array<{ close(): void }> = [];
afterEach(() => {
  for (const endpoint of serving.splice(0)) endpoint.close();
});

test('a command that throws in the tab’s app is shown in the panel at once, not after the timeout', async () => {
  const w = await workshop({ participants: 1, rooms: 1 });
  await planned(w);
  const panel = await openPanel(w, w.facilitator);
  const app = w.facilitator.headless;
  const { id: boardId } = await w.run(w.facilitator.board.getInfo());
  // The tab's app as one whose command throws (a defect, a platform call failing where nothing
  // catches it): the same instance on the same link, answering with the real link code.
  app.stop();
  const failure = new Error('the board went away');
  serving.push(
    serveCommands(
      channelName(boardId, w.facilitator.user.id),
      app.instanceId,
      async () => {
        throw failure;
      },
      () => ({
        notice: app.facilitator.currentNotice(),
        plan: app.reader.plan(),
        work: app.rooms.work(),
      }),
    ),
  );

  await panel.user.click(panel.getByRole('button', { name: 'Start breakout' }));
  // `until` gives up after 10 s of board time, half the link's 20 s timeout.
  await until(w, () => panel.getByRole('alert'), 'the failure is shown');
  expect(panel.getByRole('alert').textContent).toContain(commandFailed(failure));
});
