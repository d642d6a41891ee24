import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RoomsCommand } from '../../src/controller/commands';
import { startHeadless } from '../../src/controller/headless';
import { type CopyRequest, RoomsJobs } from '../../src/controller/rooms-jobs';
import { PLAN_COLLECTION } from '../../src/domain/plan';
import { plainTextOf } from '../../src/domain/rooms/item-text';
import { ROOMS_JOB_KEY, readRoomsJob } from '../../src/domain/rooms/stored';
import { connect } from '../../src/sdk/connect';
import { type FrameRef, isFrame } from '../../src/sdk/surface';
import type { SimItem } from '../../src/simulator/api';
import { createWorkshop, type Member, type Workshop } from '../support/workshop';
import { expectOk, storedPlan } from './plan-breakout';

afterEach(() => {
  vi.useRealTimers();
});

/** Node's own setImmediate, taken before any test fakes it: unhandled rejections surface after it. */
const realImmediate = globalThis.setImmediate;

const TEMPLATE = { title: 'Template', x: 6000, y: -2000, width: 1000, height: 700 };

/** A template frame with a note, a text, a shape, a card and a connector (which is not copied). */
function drawTemplate(w: Workshop): FrameRef {
  const frame = w.sim.addFrame(TEMPLATE);
  const left = TEMPLATE.x - TEMPLATE.width / 2;
  const top = TEMPLATE.y - TEMPLATE.height / 2;
  w.sim.addItems([
    {
      type: 'sticky_note',
      content: '<p>Who are they?</p>',
      fillColor: 'light_green',
      x: left + 150,
      y: top + 150,
      parentId: frame.id,
    },
    {
      type: 'text',
      content: '<p>Notes &amp; ideas</p>',
      x: left + 500,
      y: top + 80,
      parentId: frame.id,
    },
    {
      type: 'shape',
      content: 'Goal',
      shape: 'circle',
      x: left + 800,
      y: top + 500,
      parentId: frame.id,
    },
    { type: 'card', title: 'Task', x: left + 300, y: top + 550, parentId: frame.id },
    { type: 'connector', x: left + 10, y: top + 10, parentId: frame.id },
  ]);
  return frame;
}

const rooms = (member: Member) => member.headless.rooms;
const send = (w: Workshop, command: RoomsCommand, member = w.facilitator) =>
  w.run(rooms(member).handle(command));

const copyRooms = (
  w: Workshop,
  template: FrameRef,
  count: number,
  extra: Partial<RoomsCommand> = {},
) =>
  send(w, {
    type: 'createRoomsFromTemplate',
    templateFrameId: template.id,
    count,
    names: '',
    prompts: '',
    prompt: { kind: 'text', spot: 'top-left' },
    ...extra,
  } as RoomsCommand);

const finish = (w: Workshop, member = w.facilitator) => w.run(rooms(member).jobs.idle());

/**
 * Sends a command without running the board to rest (which would run the whole job): time moves
 * in small steps until the command has answered, and then until `until` holds.
 */
async function startAndStep(w: Workshop, command: RoomsCommand, until: () => boolean) {
  let answered = false;
  void rooms(w.facilitator)
    .handle(command)
    .then(() => {
      answered = true;
    });
  for (let i = 0; i < 2_000 && !(answered && until()); i++) await vi.advanceTimersByTimeAsync(20);
  expect(answered).toBe(true);
}

const copyRequest = (template: FrameRef, count: number, prompts = ''): CopyRequest => ({
  templateFrameId: template.id,
  count,
  names: '',
  prompts,
  prompt: { kind: 'text', spot: 'top-left' },
});

const copyCommand = (template: FrameRef, count: number, prompts = ''): RoomsCommand => ({
  type: 'createRoomsFromTemplate',
  ...copyRequest(template, count, prompts),
});

/** An item's place and words relative to its frame, as a person sees it. */
const contentOf = (w: Workshop, frame: FrameRef) =>
  w.sim
    .items()
    .filter((item) => item.parentId === frame.id)
    .map((item) => ({
      type: item.type,
      x: Math.round(item.x - (frame.x - frame.width / 2)),
      y: Math.round(item.y - (frame.y - frame.height / 2)),
      text: plainTextOf('content' in item ? item.content : 'title' in item ? item.title : ''),
    }))
    .sort((a, b) => a.type.localeCompare(b.type) || a.x - b.x);

const framesTitled = (w: Workshop, prefix: string) =>
  w.sim
    .items()
    .filter(isFrame)
    .filter((frame) => frame.title.startsWith(prefix));

const overlaps = (a: FrameRef, b: FrameRef) =>
  Math.abs(a.x - b.x) < (a.width + b.width) / 2 && Math.abs(a.y - b.y) < (a.height + b.height) / 2;

const storedJob = (w: Workshop) => {
  const read = readRoomsJob(w.sim.storageValue(PLAN_COLLECTION, ROOMS_JOB_KEY));
  if (!read.ok) throw new Error(read.problem);
  return read.value;
};

/** The jobs of an app that has not read the stored job yet (as if just reloaded). */
const unreadJobs = (w: Workshop, board: Member['board'], app: Member['headless']) =>
  new RoomsJobs({
    board,
    reader: app.reader,
    writer: app.writer,
    me: { id: w.facilitator.user.id, name: w.facilitator.user.name },
    instanceId: 'after-reload',
    isFacilitator: () => true,
    runsHere: () => true,
    now: Date.now,
    newId: () => 'after-reload-job',
    changed: () => {},
  });

async function claimed(options: Parameters<typeof createWorkshop>[0] = {}) {
  const w = await createWorkshop({ participants: 1, rooms: 2, ...options });
  expectOk(await w.run(w.facilitator.headless.facilitator.handle({ type: 'claim' })));
  return w;
}

describe('rooms from template', () => {
  it('makes K rooms beside the template, clear of every frame, each with its content at the same place, colour and words', async () => {
    const w = await claimed();
    const template = drawTemplate(w);
    expectOk(await copyRooms(w, template, 4, { prompts: 'Customers\nRisks', names: 'Team A' }));
    await finish(w);
    const made = w.sim
      .items()
      .filter(isFrame)
      .filter(
        (f) => f.id !== template.id && f.title !== 'Main area' && !/^Room [12]$/.test(f.title),
      );
    expect(made.map((frame) => frame.title)).toEqual(['Team A', 'Risks', 'Room 3', 'Room 4']);
    const all = w.sim.items().filter(isFrame);
    for (const frame of made) {
      expect([frame.width, frame.height]).toEqual([TEMPLATE.width, TEMPLATE.height]);
      for (const other of all)
        if (other.id !== frame.id) expect(overlaps(frame, other)).toBe(false);
    }
    const expected = contentOf(w, template).filter((item) => item.type !== 'connector');
    const withPrompt = (prompt: string) =>
      [...expected, { type: 'text', x: 240, y: 70, text: prompt }].sort(
        (a, b) => a.type.localeCompare(b.type) || a.x - b.x,
      );
    expect(contentOf(w, made[0] as FrameRef)).toEqual(withPrompt('Customers'));
    expect(contentOf(w, made[1] as FrameRef)).toEqual(withPrompt('Risks'));
    expect(contentOf(w, made[3] as FrameRef)).toEqual(expected);
    const sticky = w.sim
      .items()
      .find(
        (item): item is Extract<SimItem, { type: 'sticky_note' }> =>
          item.type === 'sticky_note' && item.parentId === made[2]?.id,
      );
    expect(sticky?.style.fillColor).toBe('light_green');
    // The rooms are in the plan, known to every view at once.
    expect(storedPlan(w).rooms.map((room) => room.name)).toEqual([
      'Team A',
      'Risks',
      'Room 3',
      'Room 4',
    ]);
    const progress = rooms(w.facilitator).jobs.progress();
    expect(progress).toMatchObject({ state: 'done', summary: '4 rooms · 18 items' });
    expect(progress?.leftOut).toBe('1 connector');
    expect(progress?.made.map((frame) => frame.title)).toEqual([
      'Team A',
      'Risks',
      'Room 3',
      'Room 4',
    ]);
    expect(storedJob(w).state).toBe('done');
  });

  it('costs one create per item and one add per item Miro did not make a child itself (I5)', async () => {
    for (const createInsideFrame of ['not-child', 'child'] as const) {
      const w = await claimed({ sim: { createInsideFrame } });
      const template = drawTemplate(w);
      w.sim.resetCounters();
      expectOk(await copyRooms(w, template, 3));
      await finish(w);
      const calls = w.sim.counters().calls[w.facilitator.user.id] ?? {};
      expect(calls['board.createFrame']).toBe(3);
      expect(calls['board.createStickyNote']).toBe(3);
      expect(calls['frame.add'] ?? 0).toBe(createInsideFrame === 'child' ? 0 : 12);
      vi.useRealTimers();
    }
  });

  it('spends at most about half of the minute budget, and goes on through rate limits with nothing made twice', async () => {
    const w = await claimed();
    const template = drawTemplate(w);
    w.sim.resetCounters();
    expectOk(await copyRooms(w, template, 40));
    await finish(w);
    const peak = w.sim.counters().peakCreditsPerMinute[w.facilitator.user.id] ?? 0;
    expect(peak).toBeLessThanOrEqual(55_000);
    expect(framesTitled(w, 'Room ')).toHaveLength(42);

    vi.useRealTimers();
    const tight = await claimed({ sim: { creditsPerMinute: 1_000 } });
    const small = drawTemplate(tight);
    expectOk(await copyRooms(tight, small, 3));
    await finish(tight);
    expect(tight.sim.counters().rateLimited[tight.facilitator.user.id]).toBeGreaterThan(0);
    for (const frame of framesTitled(tight, 'Room ').filter((f) => !/^Room [12]$/.test(f.title))) {
      expect(contentOf(tight, frame)).toHaveLength(4);
    }
    expect(rooms(tight.facilitator).jobs.progress()?.state).toBe('done');
  });

  it('cancelled, what was made stays, is listed and is in the plan; nothing more is made', async () => {
    const w = await claimed({ sim: { callLatencyMs: 200 } });
    const template = drawTemplate(w);
    const notes = () => w.sim.items().filter((item) => item.type === 'sticky_note').length;
    await startAndStep(w, copyCommand(template, 6), () => notes() >= 3);
    expect(rooms(w.facilitator).jobs.cancel()).toMatchObject({ ok: true });
    await finish(w);
    const made = w.sim.items().length;
    await w.advance(60_000);
    expect(w.sim.items().length).toBe(made);
    const progress = rooms(w.facilitator).jobs.progress();
    expect(progress?.state).toBe('cancelled');
    expect(progress?.made).toHaveLength(6);
    expect(storedPlan(w).rooms).toHaveLength(6);
    expect(storedJob(w).state).toBe('cancelled');
  });

  it('after a reload the job is offered for resuming; resumed, every room is completed and nothing is made twice', async () => {
    for (const createInsideFrame of ['not-child', 'child'] as const) {
      for (const cut of [2, 7, 13]) {
        const w = await claimed({ sim: { callLatencyMs: 100, createInsideFrame } });
        const template = drawTemplate(w);
        const madeItems = () => w.sim.items().filter((item) => item.type !== 'frame').length - 5;
        await startAndStep(w, copyCommand(template, 4, 'A\nB\nC\nD'), () => madeItems() >= cut);
        // The reload: the old app is gone mid-call; a new one starts in the same tab.
        w.facilitator.headless.stop();
        const frame = w.facilitator.tab.reloadApp();
        if (!frame) throw new Error('no app');
        const headless = await w.run(startHeadless(connect(frame.miro).board));
        await w.run(headless.rooms.jobs.idle());
        await w.settle();
        expect(headless.rooms.jobs.progress()?.state).toBe('interrupted');
        expectOk(await w.run(headless.rooms.handle({ type: 'resumeRoomsJob' })));
        await w.run(headless.rooms.jobs.idle());
        const made = framesTitled(w, '').filter((f) => /^[ABCD]$/.test(f.title));
        expect(made.map((f) => f.title).sort(), `cut ${cut}, ${createInsideFrame}`).toEqual([
          'A',
          'B',
          'C',
          'D',
        ]);
        for (const room of made) expect(contentOf(w, room), `cut ${cut}`).toHaveLength(5);
        // No item stands loose on the board: everything made is inside its room.
        const loose = w.sim
          .items()
          .filter((item) => item.type !== 'frame' && item.parentId === null);
        expect(loose).toEqual([]);
        expect(headless.reader.plan()?.rooms.map((room) => room.name)).toEqual([
          'A',
          'B',
          'C',
          'D',
        ]);
        expect(headless.rooms.jobs.progress()?.state).toBe('done');
        headless.stop();
        vi.useRealTimers();
      }
    }
  });

  it('asked to make rooms again before a reloaded app has read the job a reload cut short, it refuses and points to Resume: nothing is made twice', async () => {
    const w = await claimed({ sim: { callLatencyMs: 100 } });
    const template = drawTemplate(w);
    const made = () => framesTitled(w, '').filter((f) => /^[AB]$/.test(f.title));
    await startAndStep(w, copyCommand(template, 2, 'A\nB'), () => made().length === 2);
    w.facilitator.headless.stop();
    const frame = w.facilitator.tab.reloadApp();
    if (!frame) throw new Error('no app');
    const headless = await w.run(startHeadless(connect(frame.miro).board));
    // The reloaded app's jobs before their first read of the stored job came back (a rate
    // limit holds it back): the panel shows no job, and the facilitator asks for the rooms again.
    const jobs = unreadJobs(w, connect(frame.miro).board, headless);
    expect(jobs.progress()).toBeNull();
    expect(await w.run(jobs.createRooms(copyRequest(template, 2, 'A\nB')))).toEqual({
      ok: false,
      message:
        'The last job (making rooms) was cut short by a reload: resume it, or choose “Leave it as it is”, before starting another.',
    });
    expect(jobs.progress()?.state).toBe('interrupted');
    expectOk(await w.run(jobs.resume()));
    await w.run(jobs.idle());
    expect(made()).toHaveLength(2);
    for (const room of made()) expect(contentOf(w, room)).toHaveLength(5);
    // Left as it is, a new job may begin.
    jobs.dismiss();
    expectOk(await w.run(jobs.createRooms(copyRequest(template, 1, 'C'))));
    await w.run(jobs.idle());
    expect(framesTitled(w, 'C')).toHaveLength(1);
    jobs.stop();
    headless.stop();
  });

  it('an app stopped while it plans the job (another tab took over) refuses it and makes nothing', async () => {
    const w = await claimed({ sim: { callLatencyMs: 100 } });
    const template = drawTemplate(w);
    const frames = w.sim.items().filter(isFrame).length;
    const answer = rooms(w.facilitator).handle(copyCommand(template, 2));
    w.facilitator.headless.stop();
    expect(await w.run(answer)).toEqual({
      ok: false,
      message: 'This tab stopped running the breakout. Try again.',
    });
    await w.settle();
    expect(w.sim.items().filter(isFrame)).toHaveLength(frames);
    expect(w.sim.storageValue(PLAN_COLLECTION, ROOMS_JOB_KEY)).toBeUndefined();
  });

  it('refuses what it cannot do, with the reason', async () => {
    const w = await claimed();
    const template = drawTemplate(w);
    expect(await copyRooms(w, template, 0)).toEqual({
      ok: false,
      message: 'Choose between 1 and 50 rooms.',
    });
    expect(await copyRooms(w, { ...template, id: 'gone' }, 2)).toEqual({
      ok: false,
      message: 'The template frame is no longer on the board. Choose another.',
    });
    const long = Array.from({ length: 50 }, () => '😀'.repeat(120)).join('\n');
    const tooMuch = await copyRooms(w, template, 50, { prompts: long, names: long });
    expect(tooMuch).toMatchObject({ ok: false, message: expect.stringMatching(/too much text/) });
    const participant = w.participants[0] as Member;
    expect(await send(w, { type: 'gatherResults' }, participant)).toMatchObject({ ok: false });
  });
});

describe('the stored job', () => {
  it('read while storage refuses (an iframe going away): no unhandled rejection, and read again, backed off, without waiting for a plan change', async () => {
    const w = await claimed({ sim: { callLatencyMs: 100 } });
    const template = drawTemplate(w);
    await startAndStep(
      w,
      copyCommand(template, 2),
      () => w.sim.storageValue(PLAN_COLLECTION, ROOMS_JOB_KEY) !== undefined,
    );
    const { facilitator } = w;
    facilitator.headless.stop();
    const jobs = unreadJobs(w, facilitator.board, facilitator.headless);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      w.sim.setOptions({ failureRate: { 'storage.onValue': 1, 'storage.get': 1 } });
      jobs.planChanged();
      await vi.advanceTimersByTimeAsync(60_000);
      await new Promise((resolve) => realImmediate(resolve));
      expect(unhandled).toEqual([]);
      expect(jobs.progress()).toBeNull();

      // Storage answers again and nothing else happens (no plan change): the next try, at most
      // 30 s later, reads the job.
      w.sim.setOptions({ failureRate: {} });
      await vi.advanceTimersByTimeAsync(35_000);
      expect(jobs.progress()?.state).toBe('interrupted');
    } finally {
      process.off('unhandledRejection', onUnhandled);
      jobs.stop();
    }
  });
});
