/**
 * Rooms with material under faults (issue #18), after the breakout's own checks: the results
 * gathered into the main area, then, planning again, rooms made from a template frame. Each job
 * runs under a drawn rate limit and the run's request failures, and may be cut by a reload of the
 * facilitator's app, then resumed as a person would from the panel. The checks: no item copied
 * twice, none lost without the job naming the room it is missing from. The draws come from a
 * stream of their own, so everything before this part of a run stays as it was.
 */
import type { RoomsCommand } from '../src/controller/commands';
import type { JobProgress } from '../src/controller/rooms-work';
import { createRandom, type Random, randomIndex } from '../src/domain/random';
import { plainTextOf } from '../src/domain/rooms/item-text';
import type { SimItem } from '../src/simulator/api';
import { HEALED } from './faults';
import { MINUTE, type Stage } from './stage';

type Job = { start: RoomsCommand; label: string };

const contentOf = (item: SimItem): string =>
  plainTextOf('content' in item && typeof item.content === 'string' ? item.content : '');

/** Runs the gathering and the copy job, then checks what they made. */
export async function roomsWork(s: Stage): Promise<void> {
  const random = createRandom(s.seed ^ 0x18);
  const tight = random() < 0.5;
  const creditsPerMinute = tight ? 2_000 + randomIndex(random, 8_000) : undefined;
  s.log(
    `rooms work: ${tight ? `rate limit ${creditsPerMinute} credits a minute` : 'no rate limit'}`,
  );
  await harvest(s, random, creditsPerMinute);
  await templateCopy(s, random, creditsPerMinute);
  s.sim.setOptions({ ...HEALED });
}

/** Sticky notes and text in the room frames (unique words), then "Gather results". */
async function harvest(s: Stage, random: Random, creditsPerMinute?: number): Promise<void> {
  const plan = s.plan();
  if (plan?.phase !== 'ended') return;
  const rooms = plan.rooms.filter((room) => !room.frameMissing);
  rooms.forEach((room, index) => {
    const count = randomIndex(random, 4);
    s.sim.addItems(
      Array.from({ length: count }, (_, n) => ({
        type: n % 2 === 0 ? ('sticky_note' as const) : ('text' as const),
        content: `<p>Note ${index}-${n} <b>${s.seed}</b></p>`,
        x: room.frame.x - room.frame.width / 4 + n * 60,
        y: room.frame.y,
        parentId: room.frameId,
      })),
    );
  });
  const before = new Set(s.sim.items().map((item) => item.id));
  const progress = await runJob(
    s,
    random,
    { start: { type: 'gatherResults' }, label: 'harvest' },
    creditsPerMinute,
  );
  if (!progress) return;
  const frames = s.sim
    .items()
    .filter((item) => item.type === 'frame' && !before.has(item.id) && /^Results/.test(item.title));
  if (frames.length > 1) s.violate(`harvest: ${frames.length} results frames made by one job`);
  const results = frames[0];
  if (!results) {
    if (progress.made.length > 0)
      s.violate('harvest: the results frame it lists is not on the board');
    return;
  }
  const copies = s.sim
    .items()
    .filter((item) => item.parentId === results.id)
    .map(contentOf);
  const seen = new Map<string, number>();
  for (const words of copies) seen.set(words, (seen.get(words) ?? 0) + 1);
  for (const [words, times] of seen) {
    if (/^Note /.test(words) && times > 1) s.violate(`harvest: "${words}" copied ${times} times`);
  }
  for (const room of rooms) {
    const reported = progress.problems.some((problem) => problem.startsWith(`${room.name}:`));
    const notes = s.sim
      .items()
      .filter(
        (item) =>
          item.parentId === room.frameId && (item.type === 'sticky_note' || item.type === 'text'),
      )
      .map(contentOf)
      .filter((words) => /^Note /.test(words));
    const lost = notes.filter((words) => !seen.has(words));
    if (lost.length > 0 && !reported && progress.state === 'done') {
      s.violate(`harvest: ${lost.length} item(s) of ${room.name} neither gathered nor reported`);
    }
  }
}

/** Planning again: a template frame of unique items copied into 2–5 rooms. */
async function templateCopy(s: Stage, random: Random, creditsPerMinute?: number): Promise<void> {
  if (s.plan()?.phase !== 'planning') {
    const again = await s.command(s.acting, { type: 'runAgain' });
    if (!again.ok) return;
  }
  const template = s.sim.addFrame({ title: 'Template', x: 0, y: -3000, width: 1000, height: 700 });
  const items = 1 + randomIndex(random, 6);
  s.sim.addItems([
    ...Array.from({ length: items }, (_, n) => ({
      type: (['sticky_note', 'text', 'shape'] as const)[n % 3] ?? 'text',
      content: `<p>T${n} ${s.seed}</p>`,
      x: template.x - 400 + n * 120,
      y: template.y - 200,
      parentId: template.id,
    })),
    { type: 'connector' as const, x: template.x, y: template.y, parentId: template.id },
  ]);
  const count = 2 + randomIndex(random, 4);
  const names = Array.from({ length: count }, (_, n) => `Copy ${s.seed}-${n + 1}`);
  const before = new Set(s.sim.items().map((item) => item.id));
  const progress = await runJob(
    s,
    random,
    {
      start: {
        type: 'createRoomsFromTemplate',
        templateFrameId: template.id,
        count,
        names: names.join('\n'),
        prompts: '',
        prompt: { kind: 'text', spot: 'top-left' },
      },
      label: 'copy',
    },
    creditsPerMinute,
  );
  if (!progress) return;
  const expected = s.sim
    .items()
    .filter((item) => item.parentId === template.id && item.type !== 'connector')
    .map(contentOf)
    .sort();
  for (const name of names) {
    const frames = s.sim
      .items()
      .filter((item) => item.type === 'frame' && !before.has(item.id) && item.title === name);
    if (frames.length > 1) s.violate(`copy: room ${name} made ${frames.length} times`);
    const frame = frames[0];
    const reported = progress.problems.some((problem) => problem.startsWith(`${name}:`));
    if (!frame) {
      if (progress.state === 'done' && !reported) s.violate(`copy: room ${name} never made`);
      continue;
    }
    const inside = s.sim
      .items()
      .filter((item) => item.parentId === frame.id)
      .map(contentOf)
      .sort();
    const twice = inside.filter((words, index) => inside.indexOf(words) !== index);
    if (twice.length > 0) s.violate(`copy: ${name} holds ${twice.join(', ')} twice`);
    const missing = expected.filter((words) => !inside.includes(words));
    if (missing.length > 0 && progress.state === 'done' && !reported) {
      s.violate(`copy: ${name} lacks ${missing.length} item(s), not reported`);
    }
  }
  // Nothing made for the job outside its rooms: every new item sits in a new frame.
  const loose = s.sim
    .items()
    .filter((item) => !before.has(item.id) && item.type !== 'frame' && item.parentId === null);
  if (loose.length > 0) s.violate(`copy: ${loose.length} item(s) made outside any room`);
}

/**
 * Starts the job and sees it through as a person would: after a reload, the panel offers
 * Resume; a job still running is waited for. Returns its last progress, or null if it never ran.
 */
async function runJob(
  s: Stage,
  random: Random,
  job: Job,
  creditsPerMinute?: number,
): Promise<JobProgress | null> {
  s.sim.setOptions({ ...s.faults.sim, ...(creditsPerMinute ? { creditsPerMinute } : {}) });
  const reloadAt = random() < 0.5 ? randomIndex(random, 20_000) : null;
  // Drawn for this job, the reload may come after it, during the next one: it still cuts that.
  if (reloadAt !== null) {
    s.later(reloadAt, () =>
      s.reload(s.acting, `${(reloadAt / 1000).toFixed(1)} s after the ${job.label} job began`),
    );
  }
  const type = job.start.type === 'gatherResults' ? 'harvest' : 'copy';
  // The panel shows the last job, which may be the other kind.
  const ours = (progress: JobProgress | null | undefined) =>
    progress?.type === type ? progress : null;
  let started = false;
  for (let attempt = 0; attempt < 8; attempt += 1) {
    await s.clock.until(() => s.acting.headless !== null, 10 * MINUTE);
    const rooms = s.acting.headless?.rooms;
    if (!rooms) continue;
    // The panel shows what the app read of the stored job before anyone clicks.
    await s.clock.advance(3_000);
    const before = ours(rooms.jobs.progress());
    if (started && before?.state === 'done') return before;
    const command: RoomsCommand | null =
      before?.state === 'interrupted'
        ? { type: 'resumeRoomsJob' }
        : !started
          ? job.start
          : before?.state === 'running' || before?.state === 'waiting'
            ? null
            : job.start;
    if (command) {
      const result = await s.settle(rooms.handle(command));
      s.log(
        `${s.acting.user.name}: ${command.type} -> ${result?.ok ? 'ok' : `failed: ${result?.message}`}`,
      );
      if (result?.ok) started = true;
    }
    await s.settle(rooms.jobs.idle(), 60 * MINUTE);
    const after = ours(s.acting.headless?.rooms.jobs.progress());
    if (after && s.acting.headless?.rooms === rooms) {
      s.log(`${job.label} job: ${after.state}, ${after.summary}`);
      if (after.state === 'done' || after.state === 'cancelled') return after;
    }
    await s.clock.advance(5_000);
  }
  s.sim.setOptions({ ...HEALED });
  const last = ours(s.acting.headless?.rooms.jobs.progress());
  if (started && last?.state !== 'done') {
    s.violate(`${job.label} job never finished: ${last?.state ?? 'no job'} ${last?.summary ?? ''}`);
  }
  return last;
}
