/**
 * Report-back after the end, as a facilitator walks it: room after room, now and then a step
 * back, under the run's faults; then, on a healed board, one more step. The checks: once that
 * step has had time, everyone whose app runs looks at the room being reported; and while the
 * walk goes on nobody's view is taken into a room the walk never went to. The draws come from a
 * stream of their own, so everything before this part of a run stays as it was.
 */
import { reportBackOrder } from '../src/domain/planning/report-back';
import { createRandom, type Random, randomIndex } from '../src/domain/random';
import { roomsOf } from '../src/domain/reduce-planning';
import { centreIn } from './geometry';
import type { Stage } from './stage';

/** What the walk needs of the scenario: healing the board is the scenario's. */
type Walk = Stage & { heal(when: string): Promise<void> };

/** Time for every app to hear of a step on a healed board and move its user's view. */
const SETTLE_MS = 30_000;

/** Walks report-back in some runs (not every facilitator does), and checks where people look. */
export async function reportBack(s: Walk): Promise<void> {
  const random = createRandom(`${s.seed}/report-back`);
  const plan = s.plan();
  if (random() < 0.4 || plan?.phase !== 'ended') return;
  const rooms = plan.rooms;
  const order = reportBackOrder(roomsOf(plan));
  if (order.length === 0) return;
  const walked = new Set<string>();
  const frameOf = (roomId: string) => rooms.find((room) => room.id === roomId)?.frame;
  const stopWatching = s.sim.subscribe((change) => {
    if (change.kind !== 'viewport') return;
    const user = s.sim.users().find((candidate) => candidate.id === change.userId);
    const room = rooms.find((candidate) => user && centreIn(user.viewport, candidate.frame));
    if (user && room && !walked.has(room.id))
      s.violate(`${user.name} was taken to "${room.name}" which report-back never went to`);
  });
  const step = async (index: number) => {
    const roomId = order[index];
    if (roomId !== undefined) walked.add(roomId);
    await s.command(s.acting, { type: 'reportBack', index });
  };
  s.sim.setOptions(s.faults.sim);
  let at = -1;
  for (const index of steps(random, order.length)) {
    await step(index);
    at = index;
    await s.clock.advance(randomIndex(random, 20_000));
  }
  await s.heal('during report-back');
  // A step to another room, so that every app hears of a change on the healed board.
  const last = pickOther(random, order.length, at);
  if (last === at) await step(-1);
  await step(last);
  await s.clock.advance(SETTLE_MS);
  stopWatching();
  const frame = frameOf(order[last] as string);
  if (!frame) return;
  for (const member of s.members.values()) {
    if (!member.headless || !member.user.online) continue;
    const user = s.sim.users().find((candidate) => candidate.id === member.user.id);
    if (user && !centreIn(user.viewport, frame))
      s.violate(`${member.user.name} is not looking at the room report-back is at`);
  }
}

/** Forward through the rooms, sometimes one back, sometimes stopping early. */
function steps(random: Random, total: number): number[] {
  const indexes: number[] = [];
  for (let index = 0; index < total; index += 1) {
    if (index > 0 && random() < 0.2) indexes.push(index - 1);
    indexes.push(index);
    if (random() < 0.15) break;
  }
  return indexes;
}

/** A room index other than `at`, or the only room there is. */
function pickOther(random: Random, total: number, at: number): number {
  if (total === 1) return 0;
  const index = randomIndex(random, total - 1);
  return index >= at ? index + 1 : index;
}
