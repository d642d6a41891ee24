/**
 * One run's board and timeline: the frames and the people, the apps started, the breakout
 * planned, started, lived through and ended under the drawn faults, with the checks between.
 * The parts each live in their own file and act on this scenario as a `Stage`.
 */
import { type CommandResult, isPlanningCommand } from '../src/controller/commands';
import type { Plan } from '../src/domain/plan';
import { createRandom, type Random, randomIndex } from '../src/domain/random';
import type { FrameRef } from '../src/sdk/surface';
import type { SimBoard } from '../src/simulator/api';
import { createBoard } from '../src/simulator/index';
import { planInStorage } from '../tests/support/stored-plan';
import {
  forgeMessages,
  scheduleForgedPlans,
  scheduleHelpSpam,
  startAsParticipant,
} from './adversary';
import { Apps } from './apps';
import type { FakeClock } from './clock';
import { scheduleFacilitation } from './facilitate';
import { end, keepRunningFor, prepare, start } from './facilitator';
import { describeFaults, type Faults, HEALED } from './faults';
import { checkEnd, checkRun, watchBoard } from './invariants';
import type { Observed } from './observed';
import { scheduleParticipants, scheduleTakeOver, setOnline } from './people';
import { PreAssigned } from './pre-assigned';
import { reportBack } from './report-back';
import { roomsWork } from './rooms';
import { SecondBreakout } from './rounds';
import { SelfSelect } from './self-select';
import { type Command, explain, type Member, MINUTE, type Stage } from './stage';

/** How long a healed board gets to recover before the checks. */
const HEAL_MS = 90_000;

export class Scenario implements Stage {
  readonly sim: SimBoard;
  readonly random: Random;
  readonly violations: string[] = [];
  readonly observed: Observed;
  readonly members = new Map<string, Member>();
  facilitator!: Member;
  participants: Member[] = [];
  acting!: Member;
  main!: FrameRef;
  roomFrames: FrameRef[] = [];
  private readonly apps: Apps;

  constructor(
    readonly seed: number,
    readonly faults: Faults,
    readonly clock: FakeClock,
    readonly log: (line: string) => void,
  ) {
    this.random = createRandom(seed ^ 0x5eed);
    this.sim = createBoard({ seed, clock, ...faults.sim });
    this.observed = watchBoard(this.sim, clock.now, (problem) => this.violate(problem));
    this.apps = new Apps(this);
  }

  violate(problem: string): void {
    this.log(`VIOLATION ${problem}`);
    this.violations.push(problem);
  }

  async play(): Promise<void> {
    for (const line of describeFaults(this.faults)) this.log(line);
    this.setup();
    await this.apps.startAll([...this.members.values()]);
    await prepare(this);
    const placing = this.placing();
    await placing?.plan();
    const second = new SecondBreakout(this);
    await second.planRotation();
    this.boardChangesBeforeStart();
    if (this.faults.secondStarts) await startAsParticipant(this);
    placing?.beforeStart();
    await start(this);
    await this.during();
    await this.heal('before the end', () => keepRunningFor(this, HEAL_MS + MINUTE));
    checkRun(this, (problem) => this.violate(problem));
    placing?.check();
    // The faults come back for the end.
    this.sim.setOptions(this.faults.sim);
    await end(this);
    await this.heal('after the end');
    this.checkEnd();
    await reportBack(this);
    await second.run();
    await roomsWork(this);
  }

  checkEnd(): void {
    checkEnd(this, (problem) => this.violate(problem));
  }

  /** The planning tool the facilitator fills the rooms with, when not a balanced split. */
  private placing(): SelfSelect | PreAssigned | null {
    if (this.faults.placing === 'self-select') return new SelfSelect(this);
    if (this.faults.placing === 'list') return new PreAssigned(this);
    return null;
  }

  stopAll(): void {
    this.apps.stopAll(this.members.values());
  }

  private setup(): void {
    this.main = this.sim.addFrame({ title: 'Main area', x: 0, y: 0, width: 1600, height: 900 });
    for (let index = 0; index < this.faults.rooms; index += 1) {
      const column = index % 6;
      const row = Math.floor(index / 6);
      this.roomFrames.push(
        this.sim.addFrame({
          title: `Room ${index + 1}`,
          x: (column - 2.5) * 1200,
          y: 1400 + row * 1000,
          width: 1000,
          height: 700,
        }),
      );
    }
    const add = (name: string): Member => {
      const user = this.sim.addUser({ name });
      const member: Member = {
        user,
        tab: this.sim.openTab(user.id),
        headless: null,
        board: null,
        startError: null,
        starting: null,
      };
      this.members.set(user.id, member);
      return member;
    };
    this.facilitator = add('Fran Facilitator');
    this.acting = this.facilitator;
    for (let index = 0; index < this.faults.participants; index += 1) {
      this.participants.push(add(`Participant ${index + 1}`));
    }
    this.log(`board: ${this.faults.rooms} room frames, ${this.faults.participants} participants`);
  }

  async settle<T>(promise: Promise<T>, maxMs = 10 * MINUTE): Promise<T | undefined> {
    let result: { value: T } | null = null;
    let failure: { error: unknown } | null = null;
    promise.then(
      (value) => {
        result = { value };
      },
      (error: unknown) => {
        failure = { error };
      },
    );
    await this.clock.until(() => result !== null || failure !== null, maxMs);
    if (failure) throw (failure as { error: unknown }).error;
    if (!result) {
      this.violate(`a command never finished (waited ${maxMs / 1000} s)`);
      return undefined;
    }
    return (result as { value: T }).value;
  }

  async command(member: Member, command: Command): Promise<CommandResult> {
    const headless = member.headless;
    if (!headless) return { ok: false, message: 'app not running' };
    const result = await this.settle(
      isPlanningCommand(command)
        ? headless.planning.handle(command)
        : headless.facilitator.handle(command),
    );
    if (!result) return { ok: false, message: 'no answer' };
    if (!result.ok && !result.message.trim())
      this.violate(`${command.type} failed without a message`);
    this.log(
      `${member.user.name}: ${command.type} -> ${result.ok ? `ok (rev ${result.plan?.revision ?? '-'})` : `failed: ${result.message}`}`,
    );
    return result;
  }

  async retry(member: () => Member, command: Command, attempts = 5): Promise<CommandResult> {
    let result: CommandResult = { ok: false, message: 'not tried' };
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      result = await this.command(member(), command);
      if (result.ok) return result;
      await this.clock.advance(5_000 + randomIndex(this.random, 10_000));
    }
    return result;
  }

  plan(): Plan | null {
    const result = planInStorage(this.sim);
    return result.status === 'ok' ? result.plan : null;
  }

  later(ms: number, action: () => unknown): void {
    globalThis.setTimeout(() => {
      Promise.resolve()
        .then(action)
        .catch((error: unknown) => this.log(`runner action failed: ${explain(error)}`));
    }, ms);
  }

  reload(member: Member, when: string): Promise<void> {
    return this.apps.reload(member, when);
  }

  togglePanel(member: Member): void {
    this.apps.togglePanel(member);
  }

  private boardChangesBeforeStart(): void {
    if (this.faults.deleteFrameBeforeStart && this.roomFrames.length > 1) {
      const frame = this.roomFrames[this.roomFrames.length - 1] as FrameRef;
      this.sim.deleteItem(frame.id);
      this.log(`frame "${frame.title}" deleted before the start`);
    }
  }

  /** The board's own changes while rooms run: frames renamed with markup, or deleted. */
  private scheduleBoardChanges(window: number): void {
    if (this.faults.renameFrames) {
      for (const frame of this.roomFrames.slice(0, 3)) {
        this.later(randomIndex(this.random, window), () => {
          if (this.sim.items().some((item) => item.id === frame.id)) {
            this.sim.renameFrame(frame.id, `<b>Renamed</b> ${'ع'.repeat(50)} 🎉 ${frame.title}`);
            this.log(`frame "${frame.title}" renamed`);
          }
        });
      }
    }
    if (this.faults.deleteFrameDuringRun && this.roomFrames.length > 1) {
      const frame = this.roomFrames[0] as FrameRef;
      this.later(randomIndex(this.random, window), () => {
        if (this.sim.items().some((item) => item.id === frame.id)) {
          this.sim.deleteItem(frame.id);
          this.log(`frame "${frame.title}" deleted while running`);
        }
      });
    }
  }

  /**
   * While rooms run: participants answer and drop off, the facilitator's panel and app come and
   * go, frames change, the adversary acts, the facilitator facilitates, someone may take over.
   * Everything is drawn here, in this order, from the scenario's stream, so a seed keeps its run.
   */
  private async during(): Promise<void> {
    const window = 100_000;
    scheduleParticipants(this, window);
    if (this.faults.panelToggles) {
      for (let count = 0; count < 4; count += 1)
        this.later(randomIndex(this.random, window), () => this.togglePanel(this.acting));
    }
    if (this.faults.reloadDuringRun) {
      this.later(randomIndex(this.random, window), () => this.reload(this.acting, 'while running'));
    }
    this.scheduleBoardChanges(window);
    if (this.faults.helpSpam) scheduleHelpSpam(this);
    if (this.faults.forgedMessages)
      this.later(randomIndex(this.random, window), () => forgeMessages(this));
    scheduleFacilitation(this, this.faults.facilitationActions, window);
    // Drawn after the rest, so seeds without it keep their runs.
    if (this.faults.forgedPlans) scheduleForgedPlans(this, window);
    scheduleTakeOver(this, window);
    await this.clock.advance(window + 30_000);
  }

  /**
   * Faults off, everyone online and every app running; then `healed` (what the facilitator does
   * on a healthy board before the checks) and time passes for recovery.
   */
  async heal(when: string, healed: () => Promise<void> = async () => {}): Promise<void> {
    this.sim.setOptions({ ...HEALED });
    for (const member of this.members.values()) {
      if (!member.user.online) setOnline(this, member, true);
    }
    const down = [...this.members.values()].filter(
      (member) => member.tab.headless && !member.headless,
    );
    if (down.length > 0) {
      this.log(`${down.length} app(s) not running ${when}; restarting them`);
      await this.apps.startAll(down);
    }
    this.log(`faults healed ${when}`);
    await healed();
    await this.clock.advance(HEAL_MS);
  }
}
