import { afterEach, describe, expect, it, vi } from 'vitest';
import { connect } from '../../src/sdk/connect';
import { creditsOf } from '../../src/sdk/credits';
import { isNoSessions, NO_SESSIONS_MESSAGE } from '../../src/sdk/no-sessions';
import { type FrameItem, hasCollaboration, isFrame } from '../../src/sdk/surface';
import { fakeBoard, rejection, run, userWithTab } from '../simulator/helpers';

afterEach(() => {
  vi.useRealTimers();
});

const connected = (options = {}) => {
  const sim = fakeBoard(options);
  const user = userWithTab(sim, 'F');
  const { board, meter } = connect(user.miro, { random: () => 0 });
  const frame = sim.addFrame({ title: 'Room', x: 0, y: 0, width: 800, height: 600 });
  return { sim, user, board, meter, frame };
};

describe('board items through the seam', () => {
  it("a frame's own calls (add, getChildren) are counted and priced like any call", async () => {
    const { sim, board, meter, frame } = connected();
    const [room] = (await run(sim, board.get({ id: frame.id }))).filter(isFrame);
    const note = await run(sim, board.createStickyNote({ content: 'x', x: 0, y: 0 }));
    await run(sim, (room as FrameItem).add(note));
    const children = await run(sim, (room as FrameItem).getChildren());
    expect(children.map((child) => child.id)).toEqual([note.id]);
    const { calls, credits } = meter.snapshot();
    expect(calls).toMatchObject({
      'board.get': 1,
      'board.createStickyNote': 1,
      'frame.add': 1,
      'frame.getChildren': 1,
    });
    expect(credits).toBe(4 * 50);
  });

  it('an item read through the seam is still its data: spread, JSON and fields as Miro gave them', async () => {
    const { sim, board, frame } = connected();
    const [room] = await run(sim, board.get({ id: frame.id }));
    expect({ ...room }).toEqual(frame);
    expect(JSON.parse(JSON.stringify(room))).toEqual(frame);
    expect(room).toMatchObject({ title: 'Room', parentId: null, style: { fillColor: '#ffffff' } });
  });

  it('a create that failed is not tried again by the seam (it may have happened); a rate-limited one is', async () => {
    const { sim, user, board, meter } = connected({
      failureRate: { 'board.createStickyNote': 1 },
    });
    const failed = await rejection(sim, board.createStickyNote({}));
    expect(failed.message).toMatch(/createStickyNote.*tried once/);
    expect(meter.snapshot().calls['board.createStickyNote']).toBe(1);

    // A budget of one call a minute, spent: the next create is refused for the rate limit.
    sim.setOptions({ failureRate: {}, creditsPerMinute: 50 });
    sim.resetCounters();
    await run(sim, board.getInfo());
    const made = board.createStickyNote({});
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    await expect(run(sim, made)).resolves.toMatchObject({ type: 'sticky_note' });
    expect(sim.counters().rateLimited[user.user.id]).toBeGreaterThan(0);
    expect(sim.items().filter((item) => item.type === 'sticky_note')).toHaveLength(1);
  });

  it('images and embeds cost Level 3 in the seam’s table, as in the simulator’s ledger (4.1)', () => {
    expect(creditsOf('board.createImage')).toBe(500);
    expect(creditsOf('board.createEmbed')).toBe(500);
    expect(creditsOf('image.sync')).toBe(500);
    expect(creditsOf('board.createStickyNote')).toBe(50);
    expect(creditsOf('frame.add')).toBe(50);
    expect(creditsOf('ui.on')).toBe(0);
  });

  it('a board without sessions gets a stand-in through the seam: no sessions, none can start, and why', async () => {
    const { sim, user } = connected();
    expect(isNoSessions(connect(user.miro).board.collaboration)).toBe(false);
    sim.setOptions({ sessionsOffered: 'missing' });
    const late = userWithTab(sim, 'Late');
    expect(hasCollaboration(late.miro.board)).toBe(false);
    const { board } = connect(late.miro);
    expect(isNoSessions(board.collaboration)).toBe(true);
    await expect(board.collaboration.getSessions()).resolves.toEqual([]);
    await expect(board.collaboration.on('sessions:started', () => {})).resolves.toBeUndefined();
    await expect(board.collaboration.startSession({ name: 'R' })).rejects.toThrow(
      NO_SESSIONS_MESSAGE,
    );
  });
});
