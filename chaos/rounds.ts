/**
 * A second breakout after the first ended, under the run's faults: the next round of the rotation
 * the facilitator planned before the first (the "Start round" button), or the same groups again
 * ("Run again"). The check: the groups that run are the ones the rotation computed for that
 * round, or the ones of the breakout before; then it ends and everyone is back, as after the
 * first. Draws come from a stream of their own.
 */
import type { Plan, Rotation } from '../src/domain/plan';
import { planRotation } from '../src/domain/planning/rotation';
import { createRandom, type Random, randomIndex } from '../src/domain/random';
import { end, start } from './facilitator';
import { answerInvitation } from './people';
import type { Stage } from './stage';

/** What a second breakout needs of the scenario: the checks after an end, and healing. */
type Rounds = Stage & {
  heal(when: string): Promise<void>;
  checkEnd(): void;
};

export class SecondBreakout {
  private readonly random: Random;

  constructor(private readonly s: Rounds) {
    this.random = createRandom(`${s.seed}/second-breakout`);
  }

  /** Before the first start: the facilitator plans rotation rounds over the people placed. */
  async planRotation(): Promise<void> {
    const s = this.s;
    const plan = s.plan();
    if (!plan || s.faults.followUp !== 'next-round') return;
    const people = plan.people.map(({ id, name }) => ({ id, name }));
    const roomIds = plan.rooms.filter((room) => !room.frameMissing).map((room) => room.id);
    const result = planRotation({
      people: people.map((person) => person.id),
      roomCount: roomIds.length,
      rounds: 2 + randomIndex(this.random, 3),
      random: this.random,
    });
    if (result.status !== 'ok' || people.length === 0) {
      s.log(`no rotation planned: ${result.status === 'ok' ? 'nobody placed' : result.message}`);
      return;
    }
    const index = new Map(people.map((person, at) => [person.id, at]));
    const rotation: Rotation = {
      people,
      roomIds,
      rounds: result.rounds.map((round) =>
        round.map((room) => room.map((id) => index.get(id) ?? -1)),
      ),
      next: 0,
      repeatPairs: result.repeatPairs,
      lowerBound: result.lowerBound,
    };
    await s.retry(() => s.acting, { type: 'setRotation', rotation });
  }

  /** After the first breakout's checks: the second one, started, checked, ended. */
  async run(): Promise<void> {
    const s = this.s;
    const before = s.plan();
    if (before?.phase !== 'ended' || s.faults.followUp === 'none') return;
    const rotation = before.rotation;
    if (s.faults.followUp === 'next-round' && !rotation) return;
    // Every room's frame was deleted: removing them leaves no room, and nobody could start.
    if (before.rooms.every((room) => room.frameMissing)) {
      s.log('second breakout: not run, no room has its frame any more');
      return;
    }
    s.sim.setOptions(s.faults.sim);
    s.observed.endPressed = false;
    if (s.faults.followUp === 'next-round') await s.command(s.acting, { type: 'startNextRound' });
    else await s.command(s.acting, { type: 'runAgain' });
    // A failed start leaves the panel in planning with the groups applied: Start is pressed.
    await start(s);
    const running = s.observed.firstRunning.get(s.plan()?.runId ?? '');
    // A room whose frame went is removed before the start, and everyone split again (start()).
    if (before.rooms.some((room) => room.frameMissing))
      s.log('second breakout: groups not checked, a room was removed');
    else if (running) {
      if (rotation) this.checkRound(running, rotation);
      else this.checkSameGroups(before, running);
    }
    for (const member of s.participants)
      s.later(randomIndex(this.random, 20_000), () => answerInvitation(s, member, 'accepted', 0));
    await s.clock.advance(40_000);
    await s.heal('before the second end');
    await end(s);
    await s.heal('after the second end');
    s.checkEnd();
  }

  /** The round that runs is the one the rotation computed next. */
  private checkRound(running: Plan, rotation: Rotation): void {
    const groups = rotation.rounds[rotation.next];
    if (!groups) return;
    groups.forEach((group, roomIndex) => {
      const roomId = rotation.roomIds[roomIndex];
      const room = running.rooms.find((candidate) => candidate.id === roomId);
      if (!room || room.frameMissing) return;
      for (const index of group) {
        const person = rotation.people[index];
        const now = running.people.find((candidate) => candidate.id === person?.id);
        if (person && now?.roomId !== roomId)
          this.s.violate(
            `next round: ${person.name} should be in "${room.name}" (round ${rotation.next + 1}) but is in ${now?.roomId ?? 'no room'}`,
          );
      }
    });
  }

  /** Run again keeps everyone in the room they had. */
  private checkSameGroups(before: Plan, running: Plan): void {
    for (const person of before.people) {
      if (person.roomId === null) continue;
      const now = running.people.find((candidate) => candidate.id === person.id);
      if (now?.roomId !== person.roomId)
        this.s.violate(
          `run again: ${person.name} was in ${person.roomId} and is now in ${now?.roomId ?? 'no room'}`,
        );
    }
  }
}
