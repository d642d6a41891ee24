/**
 * The facilitator's path through a breakout, as a person clicks it: claim, rooms, main area,
 * duration and a balanced split; Start until it holds; End (by hand or when the time runs out)
 * until every room is closed. A failure is pressed again after a while, as someone reading the
 * message would. What the facilitator does while the rooms run is in `facilitate.ts`.
 */
import { randomIndex } from '../src/domain/random';
import { assignBalanced } from '../src/domain/split';
import type { FrameRef } from '../src/sdk/surface';
import { MINUTE, type Stage } from './stage';

const rect = ({ x, y, width, height }: FrameRef) => ({ x, y, width, height });

/** Claim, rooms, main area, duration and a balanced split of whoever is online. */
export async function prepare(s: Stage): Promise<void> {
  const me = () => s.acting;
  await s.retry(me, { type: 'claim' });
  const frames = s.roomFrames.map(({ id, title, x, y, width, height }) => ({
    id,
    title,
    x,
    y,
    width,
    height,
  }));
  const mainArea =
    s.random() < 0.7 ? ({ kind: 'frame', frameId: s.main.id, frame: rect(s.main) } as const) : null;
  await s.retry(me, {
    type: 'edit',
    actions: [
      { type: 'roomsAdded', frames },
      { type: 'mainAreaChosen', mainArea },
      { type: 'durationSet', durationMs: s.faults.durationMs },
    ],
  });
  if (s.faults.placing === 'split') await split(s);
}

/** A balanced split of whoever is online (also after a room was removed before the start). */
export async function split(s: Stage): Promise<void> {
  const plan = s.plan();
  if (!plan) return;
  const online = new Set(s.sim.onlineUsers().map((user) => user.id));
  const people = s.participants
    .filter((member) => online.has(member.user.id))
    .map((member) => ({ id: member.user.id, name: member.user.name }));
  const rooms = plan.rooms.filter((room) => !room.frameMissing).map((room) => room.id);
  const assignment = Object.fromEntries(
    assignBalanced(
      people.map((p) => p.id),
      rooms,
      s.random,
    ),
  );
  await s.retry(() => s.acting, {
    type: 'edit',
    actions: [{ type: 'peopleSplit', people, assignment }],
  });
}

/** Presses Start until the breakout runs; a room whose frame is gone is removed as asked. */
export async function start(s: Stage): Promise<void> {
  for (let attempt = 1; attempt <= 6; attempt += 1) {
    if (s.plan()?.phase === 'running') return;
    // A reloaded board shows no Start button until its app runs again: nobody can press it.
    await s.clock.until(() => s.acting.headless !== null, 10 * MINUTE);
    if (s.faults.reloadAtStart && attempt === 1)
      s.later(randomIndex(s.random, 3_000), () => s.reload(s.acting, 'during the start'));
    if (s.faults.panelToggles) s.later(randomIndex(s.random, 2_000), () => s.togglePanel(s.acting));
    s.observed.startPresses.push({ at: s.clock.now(), plan: s.plan() });
    const result = await s.command(s.acting, { type: 'start' });
    await s.clock.advance(2_000);
    if (result.ok || s.plan()?.phase === 'running') return;
    if (/no longer on the board/.test(result.message)) {
      const plan = s.plan();
      const missing = plan?.rooms.filter((room) => room.frameMissing) ?? [];
      await s.retry(() => s.acting, {
        type: 'edit',
        actions: missing.map((room) => ({ type: 'roomRemoved', roomId: room.id }) as const),
      });
      await split(s);
    }
    await s.clock.advance(5_000 + randomIndex(s.random, 10_000));
  }
  s.violate(`the breakout never started: ${s.plan()?.phase ?? 'no plan'}`);
}

/**
 * A slow start (a tight rate limit) can leave a short breakout less time than the checks while
 * it runs need: the facilitator adds five minutes, as one would for a group that needs longer.
 */
export async function keepRunningFor(s: Stage, ms: number): Promise<void> {
  const plan = s.plan();
  if (plan?.phase !== 'running' || plan.endsAt === null || plan.facilitation.pausedAt !== null)
    return;
  if (plan.endsAt - s.clock.now() > ms) return;
  await s.retry(() => s.acting, { type: 'extendTime', minutes: 5 });
}

/** Ends the breakout by hand or lets its time run out, and presses End again while it is not. */
export async function end(s: Stage): Promise<void> {
  const plan = s.plan();
  if (plan?.phase !== 'running') return;
  s.observed.membersAtEnd = new Set(
    s.sim
      .sessions()
      .filter((session) => !session.ended)
      .flatMap((session) => session.memberIds),
  );
  if (s.faults.reloadAtEnd)
    s.later(randomIndex(s.random, 3_000), () => s.reload(s.acting, 'during the end'));
  if (s.faults.panelToggles) s.later(randomIndex(s.random, 3_000), () => s.togglePanel(s.acting));
  if (s.faults.endByHand || plan.endsAt === null) {
    s.observed.endPressed = true;
    await s.command(s.acting, { type: 'end' });
  } else {
    // A paused countdown never runs out: the facilitator resumes it first.
    if (plan.facilitation.pausedAt !== null) await s.retry(() => s.acting, { type: 'resumeTime' });
    const endsAt = s.plan()?.endsAt ?? plan.endsAt;
    s.log('waiting for the time to run out');
    await s.clock.until(() => s.plan()?.phase === 'ended', endsAt - s.clock.now() + 5 * MINUTE);
    s.observed.endPressed = true;
  }
  await s.clock.advance(5_000);
  // A person sees "could not be closed" or a running breakout, and presses End again.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const problem = s.acting.headless?.facilitator.currentNotice().problem ?? null;
    const open = s.sim.sessions().some((session) => !session.ended);
    if (s.plan()?.phase === 'ended' && !open && problem === null) break;
    s.log(`End pressed again (${problem ?? (open ? 'sessions still open' : 'plan not ended')})`);
    await s.command(s.acting, { type: 'end' });
    await s.clock.advance(10_000);
  }
}
