/**
 * One seeded breakout under faults, from the first tab to the last check. Everything random comes
 * from the seed and all time is the FakeClock's, so a seed replays the same run exactly.
 */
import type { CommandResult } from '../src/controller/commands';
import { type Headless, startHeadless } from '../src/controller/headless';
import { BROADCAST_EVENT, helpRequested } from '../src/domain/messages';
import { PLAN_COLLECTION, PLAN_KEY, type Plan } from '../src/domain/plan';
import { createRandom, type Random, randomIndex } from '../src/domain/random';
import { parsePlan } from '../src/domain/schema';
import { assignBalanced } from '../src/domain/split';
import { type Board, connect } from '../src/sdk/connect';
import type { FrameRef, Json } from '../src/sdk/surface';
import type { SimBoard, SimTab, SimUser } from '../src/simulator/api';
import { createBoard } from '../src/simulator/index';
import { FakeClock } from './clock';
import { scheduleFacilitation } from './facilitate';
import { describeFaults, drawFaults, type Faults, HEALED } from './faults';
import { checkEnd, checkRun, type Observed, watchBoard } from './invariants';

export type RunResult = {
  seed: number;
  violations: string[];
  faults: string[];
  trace: string[];
  /** Simulated milliseconds the run covered. */
  simulatedMs: number;
  participants: number;
  rooms: number;
};

export type Member = {
  user: SimUser;
  tab: SimTab;
  headless: Headless | null;
  board: Board | null;
  /** The last reason this member's app could not start. */
  startError: string | null;
  /** Set while the app is being started. */
  starting: Promise<void> | null;
};

const START_TIME = Date.UTC(2025, 0, 6, 9, 0, 0);
const MINUTE = 60_000;

/** Unhandled rejections are global to the process: the run that is going gets them. */
let current: { unhandled: unknown[] } | null = null;
let listening = false;
const onUnhandled = (reason: unknown) => {
  if (current) current.unhandled.push(reason);
  else throw reason;
};

export async function runOne(seed: number): Promise<RunResult> {
  if (!listening) {
    process.on('unhandledRejection', onUnhandled);
    listening = true;
  }
  const faults = drawFaults(seed);
  const clock = new FakeClock(START_TIME);
  const state = { unhandled: [] as unknown[] };
  current = state;
  clock.install();
  const trace: string[] = [];
  const log = (line: string) => {
    trace.push(`[${((clock.now() - START_TIME) / 1000).toFixed(3).padStart(9)}s] ${line}`);
  };
  let run: Scenario | null = null;
  const violations: string[] = [];
  // What the app logs (a panel that could not open, a start that failed) belongs to this run's
  // trace, not to the output of a few thousand runs.
  const consoleError = console.error;
  console.error = (...parts: unknown[]) => log(`app logged: ${parts.map(explain).join(' ')}`);
  try {
    run = new Scenario(seed, faults, clock, log);
    await run.play();
    violations.push(...run.violations);
  } catch (error) {
    violations.push(`runner crashed: ${explain(error)}`);
  } finally {
    run?.stopAll();
    await clock.advance(0);
    for (const error of clock.errors)
      violations.push(`uncaught error in a timer: ${explain(error)}`);
    for (const reason of state.unhandled)
      violations.push(`unhandled rejection: ${explain(reason)}${where(reason)}`);
    for (const error of run?.sim.handlerErrors() ?? []) {
      violations.push(`app handler threw: ${explain(error)}`);
    }
    clock.uninstall();
    console.error = consoleError;
    current = null;
  }
  return {
    seed,
    violations,
    faults: describeFaults(faults),
    trace,
    simulatedMs: clock.now() - START_TIME,
    participants: faults.participants,
    rooms: faults.rooms,
  };
}

/** Where an error was made: the simulator makes its errors inside the app's call. */
const where = (error: unknown): string => {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const frames = stack
    .split('\n')
    .filter((line) => /src\/(controller|sdk|domain)/.test(line))
    .slice(0, 4)
    .map((line) =>
      line
        .trim()
        .replace(/^at /, '')
        .replace(/\(?file:\/\/[^)]*\/src\//, 'src/')
        .replace(/\)$/, ''),
    );
  return frames.length > 0 ? ` (at ${frames.join(' < ')})` : '';
};

export const explain = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

class Scenario {
  readonly sim: SimBoard;
  readonly random: Random;
  readonly violations: string[] = [];
  readonly observed: Observed;
  readonly members = new Map<string, Member>();
  facilitator!: Member;
  participants: Member[] = [];
  /** Who acts as the facilitator now (changes when someone takes over). */
  acting!: Member;
  main!: FrameRef;
  roomFrames: FrameRef[] = [];
  private ids = 0;

  constructor(
    readonly seed: number,
    readonly faults: Faults,
    readonly clock: FakeClock,
    readonly log: (line: string) => void,
  ) {
    this.random = createRandom(seed ^ 0x5eed);
    this.sim = createBoard({ seed, clock, ...faults.sim });
    this.observed = watchBoard(this.sim, clock.now, (problem) => this.violate(problem));
  }

  violate(problem: string): void {
    this.log(`VIOLATION ${problem}`);
    this.violations.push(problem);
  }

  async play(): Promise<void> {
    for (const line of describeFaults(this.faults)) this.log(line);
    this.setup();
    await this.startApps([...this.members.values()]);
    await this.prepare();
    await this.start();
    await this.during();
    await this.heal('before the end');
    checkRun(this, (problem) => this.violate(problem));
    // The faults come back for the end.
    this.sim.setOptions(this.faults.sim);
    await this.end();
    await this.heal('after the end');
    checkEnd(this, (problem) => this.violate(problem));
  }

  stopAll(): void {
    this.stopped = true;
    for (const member of this.members.values()) {
      member.headless?.stop();
      member.headless = null;
    }
    for (const member of this.extraApps) member.stop();
  }

  private stopped = false;

  /** Apps of tabs replaced by a reload: stopped, as a destroyed iframe's code would be. */
  private readonly extraApps: Headless[] = [];

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

  /** Starts the headless app of each member's tab, as Miro does when the board opens. */
  async startApps(members: Member[]): Promise<void> {
    const pending = members.map((member) => this.startApp(member));
    let done = 0;
    for (const promise of pending) void promise.finally(() => (done += 1));
    await this.clock.until(() => done === pending.length, 10 * MINUTE);
    if (done !== pending.length)
      this.violate(`${pending.length - done} app(s) never finished starting`);
  }

  /** One start per member at a time: a heal while a reload's start is going must not add one. */
  private startApp(member: Member): Promise<void> {
    member.starting ??= this.startAppOnce(member).finally(() => {
      member.starting = null;
    });
    return member.starting;
  }

  private async startAppOnce(member: Member): Promise<void> {
    const frame = member.tab.headless;
    if (!frame) return;
    const random = createRandom(`${this.seed}/${member.user.id}/${this.ids}`);
    const { board } = connect(frame.miro, { random });
    // The entry point tries again after a failed start, as a reload by the user would.
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      try {
        const headless = await startHeadless(board, {
          now: this.clock.now,
          newId: () => this.newId(),
        });
        if (member.tab.headless !== frame || this.stopped) {
          headless.stop();
          return;
        }
        member.headless = headless;
        member.board = board;
        member.startError = null;
        return;
      } catch (error) {
        member.startError = explain(error);
        this.log(`app of ${member.user.name} did not start (${member.startError})`);
        await new Promise((resolve) => globalThis.setTimeout(resolve, 5_000));
      }
    }
  }

  newId(): string {
    this.ids += 1;
    return `run${this.seed}-${this.ids}`;
  }

  /** Awaits an app promise while simulated time runs; gives up after `maxMs`. */
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

  /** A command from the panel of `member`, as the facilitator clicks it. */
  async command(
    member: Member,
    command: Parameters<Headless['facilitator']['handle']>[0],
  ): Promise<CommandResult> {
    const headless = member.headless;
    if (!headless) return { ok: false, message: 'app not running' };
    const result = await this.settle(headless.facilitator.handle(command));
    if (!result) return { ok: false, message: 'no answer' };
    if (!result.ok && !result.message.trim())
      this.violate(`${command.type} failed without a message`);
    this.log(
      `${member.user.name}: ${command.type} -> ${result.ok ? `ok (rev ${result.plan?.revision ?? '-'})` : `failed: ${result.message}`}`,
    );
    return result;
  }

  /** Presses a button again after a failure, as a person reading the message would. */
  async retry(
    member: () => Member,
    command: Parameters<Headless['facilitator']['handle']>[0],
    attempts = 5,
  ): Promise<CommandResult> {
    let result: CommandResult = { ok: false, message: 'not tried' };
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      result = await this.command(member(), command);
      if (result.ok) return result;
      await this.clock.advance(5_000 + randomIndex(this.random, 10_000));
    }
    return result;
  }

  plan(): Plan | null {
    const result = parsePlan(this.sim.storageValue(PLAN_COLLECTION, PLAN_KEY));
    return result.status === 'ok' ? result.plan : null;
  }

  /** Claim, rooms, main area, duration and a balanced split of whoever is online. */
  private async prepare(): Promise<void> {
    const me = () => this.acting;
    await this.retry(me, { type: 'claim' });
    const frames = this.roomFrames.map(({ id, title, x, y, width, height }) => ({
      id,
      title,
      x,
      y,
      width,
      height,
    }));
    const mainArea =
      this.random() < 0.7
        ? ({ kind: 'frame', frameId: this.main.id, frame: rect(this.main) } as const)
        : null;
    await this.retry(me, {
      type: 'edit',
      actions: [
        { type: 'roomsAdded', frames },
        { type: 'mainAreaChosen', mainArea },
        { type: 'durationSet', durationMs: this.faults.durationMs },
      ],
    });
    await this.split();
  }

  private async split(): Promise<void> {
    const plan = this.plan();
    if (!plan) return;
    const online = new Set(this.sim.onlineUsers().map((user) => user.id));
    const people = this.participants
      .filter((member) => online.has(member.user.id))
      .map((member) => ({ id: member.user.id, name: member.user.name }));
    const rooms = plan.rooms.filter((room) => !room.frameMissing).map((room) => room.id);
    const assignment = Object.fromEntries(
      assignBalanced(
        people.map((p) => p.id),
        rooms,
        this.random,
      ),
    );
    await this.retry(() => this.acting, {
      type: 'edit',
      actions: [{ type: 'peopleSplit', people, assignment }],
    });
  }

  private async start(): Promise<void> {
    if (this.faults.deleteFrameBeforeStart && this.roomFrames.length > 1) {
      const frame = this.roomFrames[this.roomFrames.length - 1] as FrameRef;
      this.sim.deleteItem(frame.id);
      this.log(`frame "${frame.title}" deleted before the start`);
    }
    if (this.faults.secondStarts) {
      const other = this.participants[0];
      if (other?.headless) {
        const result = await this.command(other, { type: 'start' });
        if (result.ok)
          this.violate(`${other.user.name}, not the facilitator, could start the breakout`);
      }
    }
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      if (this.plan()?.phase === 'running') return;
      // A reloaded board shows no Start button until its app runs again: nobody can press it.
      await this.clock.until(() => this.acting.headless !== null, 10 * MINUTE);
      if (this.faults.reloadAtStart && attempt === 1)
        this.later(randomIndex(this.random, 3_000), () =>
          this.reload(this.acting, 'during the start'),
        );
      if (this.faults.panelToggles)
        this.later(randomIndex(this.random, 2_000), () => this.togglePanel(this.acting));
      const result = await this.command(this.acting, { type: 'start' });
      await this.clock.advance(2_000);
      if (result.ok || this.plan()?.phase === 'running') return;
      if (/no longer on the board/.test(result.message)) {
        const plan = this.plan();
        const missing = plan?.rooms.filter((room) => room.frameMissing) ?? [];
        await this.retry(() => this.acting, {
          type: 'edit',
          actions: missing.map((room) => ({ type: 'roomRemoved', roomId: room.id }) as const),
        });
        await this.split();
      }
      await this.clock.advance(5_000 + randomIndex(this.random, 10_000));
    }
    this.violate(`the breakout never started: ${this.plan()?.phase ?? 'no plan'}`);
  }

  /** Runs `action` after `ms` of simulated time, logging its failure instead of throwing. */
  later(ms: number, action: () => unknown): void {
    globalThis.setTimeout(() => {
      Promise.resolve()
        .then(action)
        .catch((error: unknown) => this.log(`runner action failed: ${explain(error)}`));
    }, ms);
  }

  /** The app of this member is reloaded in place, or the board is reopened in a new tab. */
  async reload(member: Member, when: string): Promise<void> {
    const old = member.headless;
    member.headless = null;
    this.observed.reloaded.add(member.user.id);
    if (old) this.extraApps.push(old);
    old?.stop();
    if (this.faults.newTabOnReload) {
      const oldTab = member.tab;
      member.tab = this.sim.openTab(member.user.id);
      oldTab.close();
      this.log(`${member.user.name} reopened the board in a new tab ${when}`);
    } else {
      member.tab.reloadApp();
      this.log(`${member.user.name}'s app reloaded ${when}`);
    }
    await this.startApp(member);
  }

  togglePanel(member: Member): void {
    if (member.tab.closed) return;
    if (member.tab.panel) {
      member.tab.closePanel();
      this.log(`${member.user.name} closed the panel`);
    } else {
      member.tab.clickAppIcon();
      this.log(`${member.user.name} clicked the app icon`);
    }
  }

  /** Participants answer, drop off, ask for help; frames change; someone may take over. */
  private async during(): Promise<void> {
    const window = 100_000;
    for (const member of this.participants) {
      const roll = this.random();
      const answer =
        roll < this.faults.accept
          ? 'accepted'
          : roll < this.faults.accept + this.faults.decline
            ? 'rejected'
            : null;
      const at = randomIndex(this.random, 45_000);
      if (answer) this.later(at, () => this.answer(member, answer, 0));
      if (this.random() < this.faults.offline) {
        const off = randomIndex(this.random, window);
        const back = off + 5_000 + randomIndex(this.random, 60_000);
        this.later(off, () => this.setOnline(member, false));
        this.later(back, () => this.setOnline(member, true));
      }
    }
    if (this.faults.panelToggles) {
      for (let count = 0; count < 4; count += 1)
        this.later(randomIndex(this.random, window), () => this.togglePanel(this.acting));
    }
    if (this.faults.reloadDuringRun) {
      this.later(randomIndex(this.random, window), () => this.reload(this.acting, 'while running'));
    }
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
    if (this.faults.helpSpam) {
      const spammer = this.participants[this.participants.length - 1] as Member;
      for (let count = 0; count < 20; count += 1) {
        this.later(20_000 + count * 500, () =>
          this.broadcast(spammer, () => {
            const runId = this.plan()?.runId ?? 'none';
            return helpRequested(runId, { id: spammer.user.id, name: spammer.user.name });
          }),
        );
      }
    }
    if (this.faults.forgedMessages)
      this.later(randomIndex(this.random, window), () => this.forge());
    scheduleFacilitation(this, this.faults.facilitationActions, window);
    if (this.faults.takeOver && this.participants.length > 1) {
      const taker = this.participants[1] as Member;
      this.later(randomIndex(this.random, window), async () => {
        const result = await this.command(taker, { type: 'claim' });
        if (result.ok) {
          this.acting = taker;
          this.log(`${taker.user.name} took over as facilitator`);
        }
      });
    }
    await this.clock.advance(window + 30_000);
  }

  async answer(member: Member, response: 'accepted' | 'rejected', tries: number): Promise<void> {
    const invitations = this.sim.invitations(member.user.id);
    if (invitations.length === 0 || !member.user.online) {
      // The toast may not be there yet (a retried invite, a late start): look again later.
      if (tries < 20) this.later(5_000, () => this.answer(member, response, tries + 1));
      return;
    }
    for (const invitation of invitations) {
      try {
        this.sim.respondToInvitation(invitation.id, response);
        this.log(`${member.user.name} ${response} the invitation to ${invitation.sessionName}`);
        this.observed.answered.set(member.user.id, { response, sessionId: invitation.sessionId });
      } catch (error) {
        this.log(`${member.user.name} could not answer: ${explain(error)}`);
      }
    }
  }

  setOnline(member: Member, online: boolean): void {
    this.sim.setOnline(member.user.id, online);
    this.log(`${member.user.name} went ${online ? 'online' : 'offline'}`);
  }

  async broadcast(member: Member, payload: () => unknown): Promise<void> {
    if (!member.board) return;
    await member.board.events.broadcast(BROADCAST_EVENT, payload() as Json).catch(() => {});
  }

  /** A participant's client pretends to be the facilitator, or someone else. */
  private async forge(): Promise<void> {
    const forger = this.participants[0] as Member;
    const victim = this.participants[this.participants.length - 1] as Member;
    const plan = this.plan();
    if (!plan) return;
    const runId = plan.runId;
    const facilitator = { id: plan.facilitator.id, name: plan.facilitator.name };
    const forged: unknown[] = [
      { type: 'breakout-ended', runId, from: facilitator },
      { type: 'end', runId, from: facilitator },
      {
        type: 'personAssigned',
        person: { id: forger.user.id, name: 'x' },
        roomId: plan.rooms[0]?.id ?? 'r',
      },
      {
        type: 'joined-room',
        runId,
        sessionId: 'not-a-session',
        from: { id: victim.user.id, name: victim.user.name },
      },
      // Well formed, for the victim's real room: only Miro may say who joined.
      ...plan.rooms
        .filter(
          (room) =>
            room.sessionId !== null &&
            plan.people.some((p) => p.id === victim.user.id && p.roomId === room.id),
        )
        .map((room) => ({
          type: 'joined-room',
          runId,
          sessionId: room.sessionId,
          from: { id: victim.user.id, name: victim.user.name },
        })),
      { type: 'help-requested', runId, from: { id: 'x'.repeat(5000), name: 'n' } },
      { type: 'rejoin-requested', runId, from: facilitator, extra: true },
      // Acted on only after the end: rooms stay open while the breakout runs.
      { type: 'close-your-rooms', runId, from: facilitator },
      ['not', 'an', 'object'],
      'x'.repeat(60_000),
    ];
    this.log(`${forger.user.name} broadcast ${forged.length} forged messages`);
    for (const payload of forged) await this.broadcast(forger, () => payload);
    this.observed.forgedBy = forger.user.id;
  }

  /** Faults off, everyone online and every app running; then time passes for recovery. */
  async heal(when: string): Promise<void> {
    this.sim.setOptions({ ...HEALED });
    for (const member of this.members.values()) {
      if (!member.user.online) this.setOnline(member, true);
    }
    const down = [...this.members.values()].filter(
      (member) => member.tab.headless && !member.headless,
    );
    if (down.length > 0) {
      this.log(`${down.length} app(s) not running ${when}; restarting them`);
      await this.startApps(down);
    }
    this.log(`faults healed ${when}`);
    await this.clock.advance(90_000);
  }

  private async end(): Promise<void> {
    const plan = this.plan();
    if (plan?.phase !== 'running') return;
    this.observed.membersAtEnd = new Set(
      this.sim
        .sessions()
        .filter((s) => !s.ended)
        .flatMap((s) => s.memberIds),
    );
    if (this.faults.reloadAtEnd)
      this.later(randomIndex(this.random, 3_000), () => this.reload(this.acting, 'during the end'));
    if (this.faults.panelToggles)
      this.later(randomIndex(this.random, 3_000), () => this.togglePanel(this.acting));
    if (this.faults.endByHand || plan.endsAt === null) {
      this.observed.endPressed = true;
      await this.command(this.acting, { type: 'end' });
    } else {
      // A paused countdown never runs out: the facilitator resumes it first.
      if (plan.facilitation.pausedAt !== null)
        await this.retry(() => this.acting, { type: 'resumeTime' });
      const endsAt = this.plan()?.endsAt ?? plan.endsAt;
      this.log('waiting for the time to run out');
      await this.clock.until(
        () => this.plan()?.phase === 'ended',
        endsAt - this.clock.now() + 5 * MINUTE,
      );
      this.observed.endPressed = true;
    }
    await this.clock.advance(5_000);
    // A person sees "could not be closed" or a running breakout, and presses End again.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const problem = this.acting.headless?.facilitator.currentNotice().problem ?? null;
      const open = this.sim.sessions().some((session) => !session.ended);
      if (this.plan()?.phase === 'ended' && !open && problem === null) break;
      this.log(
        `End pressed again (${problem ?? (open ? 'sessions still open' : 'plan not ended')})`,
      );
      await this.command(this.acting, { type: 'end' });
      await this.clock.advance(10_000);
    }
  }
}

const rect = ({ x, y, width, height }: FrameRef) => ({ x, y, width, height });

export type { Scenario };
