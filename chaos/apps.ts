/**
 * Every member's tab and the headless app in it: started as Miro starts them when the board
 * opens, reloaded in place or reopened in a new tab, the panel opened and closed, and stopped at
 * the end of the run as destroyed iframes would be.
 */
import { type Headless, startHeadless } from '../src/controller/headless';
import { type Journal, memoryJournal } from '../src/controller/storage-guard';
import { createRandom } from '../src/domain/random';
import { connect } from '../src/sdk/connect';
import type { SimBoard, SimIframe } from '../src/simulator/api';
import type { FakeClock } from './clock';
import type { Faults } from './faults';
import type { Observed } from './observed';
import { explain, type Member, MINUTE } from './stage';

type Needs = {
  seed: number;
  sim: SimBoard;
  clock: FakeClock;
  faults: Faults;
  observed: Observed;
  log(line: string): void;
  violate(problem: string): void;
};

export class Apps {
  private stopped = false;
  /** Apps of tabs replaced by a reload: stopped, as a destroyed iframe's code would be. */
  private readonly replaced: Headless[] = [];
  private ids = 0;
  /** One browser per person: their tabs and reloads share what their app wrote. */
  private readonly journals = new Map<string, Journal>();

  constructor(private readonly s: Needs) {}

  private journalOf(userId: string): Journal {
    const journal = this.journals.get(userId) ?? memoryJournal();
    this.journals.set(userId, journal);
    return journal;
  }

  /** Starts the headless app of each member's tab, as Miro does when the board opens. */
  async startAll(members: Member[]): Promise<void> {
    const pending = members.map((member) => this.start(member));
    let done = 0;
    for (const promise of pending) void promise.finally(() => (done += 1));
    await this.s.clock.until(() => done === pending.length, 10 * MINUTE);
    if (done !== pending.length)
      this.s.violate(`${pending.length - done} app(s) never finished starting`);
  }

  /** One start per member at a time: a heal while a reload's start is going must not add one. */
  private start(member: Member): Promise<void> {
    member.starting ??= this.startOnce(member).finally(() => {
      member.starting = null;
    });
    return member.starting;
  }

  /**
   * Starts the app of the member's tab, and again for the page a reload put in its place while
   * it was starting: carrying on with the page that went away would leave the new one without
   * an app.
   */
  private async startOnce(member: Member): Promise<void> {
    let frame = member.tab.headless;
    while (frame && !this.stopped) {
      await this.startIn(member, frame);
      if (member.tab.headless === frame) return;
      frame = member.tab.headless;
    }
  }

  private async startIn(member: Member, frame: SimIframe): Promise<void> {
    const random = createRandom(`${this.s.seed}/${member.user.id}/${this.ids}`);
    const { board } = connect(frame.miro, { random });
    // The entry point tries again after a failed start, as a reload by the user would.
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      try {
        const headless = await startHeadless(board, {
          now: this.s.clock.now,
          newId: () => this.newId(),
          journal: this.journalOf(member.user.id),
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
        this.s.log(`app of ${member.user.name} did not start (${member.startError})`);
        if (member.tab.headless !== frame) return;
        await new Promise((resolve) => globalThis.setTimeout(resolve, 5_000));
      }
    }
  }

  private newId(): string {
    this.ids += 1;
    return `run${this.s.seed}-${this.ids}`;
  }

  /** The app of this member is reloaded in place, or the board is reopened in a new tab. */
  async reload(member: Member, when: string): Promise<void> {
    const old = member.headless;
    member.headless = null;
    this.s.observed.reloaded.add(member.user.id);
    if (old) this.replaced.push(old);
    old?.stop();
    if (this.s.faults.newTabOnReload) {
      const oldTab = member.tab;
      member.tab = this.s.sim.openTab(member.user.id);
      oldTab.close();
      this.s.log(`${member.user.name} reopened the board in a new tab ${when}`);
    } else {
      member.tab.reloadApp();
      this.s.log(`${member.user.name}'s app reloaded ${when}`);
    }
    await this.start(member);
  }

  togglePanel(member: Member): void {
    if (member.tab.closed) return;
    if (member.tab.panel) {
      member.tab.closePanel();
      this.s.log(`${member.user.name} closed the panel`);
    } else {
      member.tab.clickAppIcon();
      this.s.log(`${member.user.name} clicked the app icon`);
    }
  }

  stopAll(members: Iterable<Member>): void {
    this.stopped = true;
    for (const member of members) {
      member.headless?.stop();
      member.headless = null;
    }
    for (const app of this.replaced) app.stop();
  }
}
