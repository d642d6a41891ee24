import { act, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { startHeadless } from '../../src/controller/headless';
import { ACTIVITY_POLL_MS } from '../../src/controller/room-activity';
import { connect } from '../../src/sdk/connect';
import { isFrame } from '../../src/sdk/surface';
import type { Workshop } from '../support/workshop';
import { answerInvitation, openPanel, planned, settled, until, workshop } from './harness';

const MIN = 60_000;
const TEMPLATE = { title: 'Template', x: 6000, y: -2000, width: 1000, height: 700 };

/**
 * A template: a note whose content is markup (board content is untrusted), three texts and a
 * connector (which the SDK cannot make).
 */
function drawTemplate(w: Workshop) {
  const frame = w.sim.addFrame(TEMPLATE);
  const left = TEMPLATE.x - TEMPLATE.width / 2;
  const top = TEMPLATE.y - TEMPLATE.height / 2;
  w.sim.addItems([
    {
      type: 'sticky_note',
      content: '<p>Who <img src=x onerror="window.__pwned=1"> are they?</p>',
      x: left + 150,
      y: top + 150,
      parentId: frame.id,
    },
    ...[1, 2, 3].map((n) => ({
      type: 'text' as const,
      content: `<p>Question ${n}</p>`,
      x: left + 300 + 150 * n,
      y: top + 100,
      parentId: frame.id,
    })),
    { type: 'connector', x: left + 10, y: top + 10, parentId: frame.id },
  ]);
  return frame;
}

/** Lets simulated minutes pass, as rounds of the harness' driver. */
async function pass(w: Workshop, ms: number) {
  await act(async () => {
    await w.advance(ms);
  });
  await settled(w);
}

describe('rooms from template', () => {
  it('rooms from template: the selected frame is copied K times, with progress, then what was made and what was not copied', async () => {
    const w = await workshop({ participants: 1, rooms: 1 });
    await planned(w);
    const template = drawTemplate(w);
    const panel = await openPanel(w, w.facilitator);
    await panel.user.click(panel.getByText('Create rooms from this frame'));
    await until(w, () => panel.getByLabelText('Number of rooms'), 'the tool opens');
    expect(panel.getByText(/Select one frame on the board/)).toBeTruthy();

    w.sim.select(w.facilitator.tab.id, [template.id]);
    await until(w, () => panel.getByText('Template: Template'), 'the template is named');
    const count = panel.getByLabelText('Number of rooms');
    await panel.user.clear(count);
    await panel.user.type(count, '3');
    await panel.user.type(panel.getByLabelText('Prompts (optional, one per line)'), 'Customers');
    await panel.user.click(panel.getByRole('button', { name: 'Create 3 rooms from this frame' }));

    await until(w, () => panel.getByText(/^3 rooms · /), 'the job is done');
    const bar = panel.getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe(bar.getAttribute('aria-valuemax'));
    expect(panel.getByText('Customers', { selector: 'li' })).toBeTruthy();
    expect(panel.getByText('Room 3', { selector: 'li' })).toBeTruthy();
    expect(panel.getByText(/Not copied .*: 1 connector/)).toBeTruthy();
    await until(
      w,
      () => panel.getByRole('button', { name: 'Rename Customers' }),
      'the new rooms are rooms of the plan at once',
    );
    const made = w.sim
      .items()
      .filter(isFrame)
      .filter((frame) => frame.title === 'Room 3');
    expect(made).toHaveLength(1);
    // Copied as text: the markup never became an element, in the panel or on the board.
    expect(document.querySelector('img')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  }, 30_000);

  it('rooms from template: a job cut short by a reload is offered for resuming, and resumed makes nothing twice', async () => {
    const w = await workshop({ participants: 1, rooms: 1, sim: { callLatencyMs: 100 } });
    await planned(w);
    const template = drawTemplate(w);
    const before = w.sim.items().length;
    let answered = false;
    void w.facilitator.headless.rooms
      .handle({
        type: 'createRoomsFromTemplate',
        templateFrameId: template.id,
        count: 4,
        names: '',
        prompts: '',
        prompt: { kind: 'text', spot: 'top-left' },
      })
      .then((result) => {
        answered = result.ok;
      });
    // Half-way: every frame made, and some of the rooms' content.
    for (let step = 0; step < 2_000 && !(answered && w.sim.items().length >= before + 7); step++) {
      await vi.advanceTimersByTimeAsync(20);
    }
    expect(answered).toBe(true);
    // The reload: the old app is gone mid-job; a new one starts in the same tab.
    w.facilitator.headless.stop();
    const frame = w.facilitator.tab.reloadApp();
    if (!frame) throw new Error('no app');
    const headless = await w.run(startHeadless(connect(frame.miro).board));
    try {
      const panel = await openPanel(w, w.facilitator);
      await until(w, () => panel.getByRole('button', { name: 'Resume' }), 'Resume is offered');
      expect(panel.getByText(/Stopped when the board was reloaded/)).toBeTruthy();
      await panel.user.click(panel.getByRole('button', { name: 'Resume' }));
      await until(w, () => panel.getByText(/^4 rooms · /), 'the resumed job finishes');
      const titles = w.sim
        .items()
        .filter(isFrame)
        .map((item) => item.title)
        .filter((title) => /^Room [2-5]$/.test(title));
      expect(titles.sort()).toEqual(['Room 2', 'Room 3', 'Room 4', 'Room 5']);
      for (const room of w.sim
        .items()
        .filter(isFrame)
        .filter((f) => /^Room [2-5]$/.test(f.title))) {
        expect(w.sim.items().filter((item) => item.parentId === room.id)).toHaveLength(4);
      }
    } finally {
      headless.stop();
    }
  }, 30_000);

  it('a board without sessions is explained before anyone plans', async () => {
    const w = await workshop({ participants: 1, rooms: 1, sim: { sessionsOffered: 'missing' } });
    await planned(w);
    const panel = await openPanel(w, w.facilitator);
    await until(w, () => panel.getByText(/No breakout sessions here/), 'the board is explained');
    expect(panel.getByRole('alert').textContent).toContain(
      'Miro does not offer collaboration sessions',
    );
  }, 30_000);
});

async function runningPanel() {
  const w = await workshop({ participants: 2, rooms: 2 });
  await planned(w, { start: true });
  for (const member of w.participants) answerInvitation(w, member, 'accepted');
  const panel = await openPanel(w, w.facilitator);
  await until(w, () => panel.getAllByText(/added or changed in 5 min/).length === 2, 'activity');
  return { w, panel };
}

const cardOf = (name: string) => {
  const heading = [...document.querySelectorAll('.room-card')].find(
    (card) => card.querySelector('.room-name')?.textContent === name,
  );
  if (!heading) throw new Error(`no card for ${name}`);
  return heading;
};

describe('room activity', () => {
  it('room activity: a room card counts the items added or changed in 5 minutes and says when it last changed', async () => {
    const { w } = await runningPanel();
    const room = w.rooms[0];
    if (!room) throw new Error('no room');
    w.sim.addItems([
      { type: 'sticky_note', content: '<p>an idea</p>', x: room.x, y: room.y, parentId: room.id },
    ]);
    await pass(w, ACTIVITY_POLL_MS);
    await until(
      w,
      () => cardOf('Room 1').textContent?.includes('1 item added or changed in 5 min'),
      'the change is counted',
    );
    // The poll dates the change by the item's own createdAt, a minute ago.
    await pass(w, 2 * MIN);
    await until(
      w,
      () => cardOf('Room 1').textContent?.includes('last change 3 min ago'),
      'the last change is dated',
    );
    expect(cardOf('Room 2').textContent).toContain('no change yet');
    expect(cardOf('Room 1').textContent).not.toContain('no change yet');
  }, 30_000);
});

describe('quiet room', () => {
  it('quiet room: a room with people and no change is flagged quiet, at the threshold set, and sorted first when asked', async () => {
    const { w, panel } = await runningPanel();
    // Folded behind one button in the toolbar: set rarely.
    await until(w, () => panel.getByRole('button', { name: 'Quiet rooms' }), 'the quiet button');
    await panel.user.click(panel.getByRole('button', { name: 'Quiet rooms' }));
    await until(w, () => panel.getByLabelText('Quiet after (min)'), 'the quiet controls show');
    const after = panel.getByLabelText('Quiet after (min)') as HTMLInputElement;
    expect(after.value).toBe('5');
    await panel.user.clear(after);
    await panel.user.type(after, '2{Enter}');
    const first = w.rooms[0];
    if (!first) throw new Error('no room');
    await pass(w, 90_000);
    w.sim.addItems([
      { type: 'text', content: '<p>busy</p>', x: first.x, y: first.y, parentId: first.id },
    ]);
    await pass(w, ACTIVITY_POLL_MS);
    await until(w, () => panel.getAllByText('quiet').length === 1, 'only the still room is quiet');
    expect(cardOf('Room 2').querySelector('.quiet-tag')?.textContent).toBe('quiet');
    expect(cardOf('Room 1').querySelector('.quiet-tag')).toBeNull();
    const order = () =>
      [...document.querySelectorAll('.room-card .room-name')].map((name) => name.textContent);
    expect(order()).toEqual(['Room 1', 'Room 2']);
    await panel.user.click(panel.getByLabelText('Quiet rooms first'));
    await until(w, () => order()[0] === 'Room 2', 'the quiet room comes first');
    await pass(w, 2 * MIN);
    await until(w, () => panel.getAllByText('quiet').length === 2, 'Room 1 went quiet too');
    // Nothing of this reaches a participant's panel.
    const participant = await openPanel(w, w.participants[0] as (typeof w.participants)[number]);
    expect(participant.queryByText('quiet')).toBeNull();
  }, 30_000);
});

describe('harvest', () => {
  it('harvest: after the end the results are gathered with progress, and each room shows what it did', async () => {
    const { w, panel } = await runningPanel();
    const room = w.rooms[0];
    if (!room) throw new Error('no room');
    w.sim.addItems([
      {
        type: 'sticky_note',
        content: '<p><b>Bold</b> <script>window.__pwned=2</script></p>',
        x: room.x,
        y: room.y,
        parentId: room.id,
      },
    ]);
    await pass(w, ACTIVITY_POLL_MS);
    await panel.user.click(panel.getByRole('button', { name: 'End breakout' }));
    const confirm = panel.getByRole('alertdialog');
    await panel.user.click(within(confirm).getByRole('button', { name: 'End breakout now' }));
    await until(
      w,
      () => panel.getByRole('button', { name: 'Gather results into the main area' }),
      'ended',
    );
    await until(w, () => panel.getByText(/1 item added · active 1 min/), 'per-room activity');
    await panel.user.click(
      panel.getByRole('button', { name: 'Gather results into the main area' }),
    );
    await until(w, () => panel.getByText(/^2 columns · /), 'the harvest is done');
    expect(panel.getByText('Results', { selector: 'li' })).toBeTruthy();
    expect(
      w.sim
        .items()
        .filter(isFrame)
        .filter((f) => f.title === 'Results'),
    ).toHaveLength(1);
    expect(document.querySelector('script, b')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  }, 30_000);
});
