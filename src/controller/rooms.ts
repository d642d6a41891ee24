import type { CommandResult, RoomsCommand } from './commands';
import { RoomActivityWatcher } from './room-activity';
import { RoomsJobs, type RoomsJobsDeps } from './rooms-jobs';
import type { RoomsWork } from './rooms-work';
import { SessionsCheck } from './sessions-check';

/** What the jobs need, but rooms work changes are announced to the panel as a whole. */
export type RoomsDeps = Omit<RoomsJobsDeps, 'changed'> & {
  /** Rooms work changed: the panel is told. */
  announce: (work: RoomsWork) => void;
};

/**
 * Rooms that hold the work, in the headless app: the jobs that make rooms from a template and
 * gather results, the watch over rooms while they run, and whether Miro offers sessions here.
 */
export class RoomsController {
  readonly jobs: RoomsJobs;
  readonly activity: RoomActivityWatcher;
  readonly sessions: SessionsCheck;
  private announceSoon: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(private readonly deps: RoomsDeps) {
    const changed = () => this.changed();
    this.sessions = new SessionsCheck(deps.board, changed);
    this.jobs = new RoomsJobs({ ...deps, changed });
    this.activity = new RoomActivityWatcher({ ...deps, changed });
  }

  work(): RoomsWork {
    return {
      job: this.jobs.progress(),
      activity: this.activity.work(),
      sessions: this.sessions.current(),
    };
  }

  planChanged(): void {
    this.jobs.planChanged();
    this.activity.planChanged(this.deps.reader.plan());
  }

  handle(command: RoomsCommand): Promise<CommandResult> {
    const plan = () => this.deps.reader.plan();
    switch (command.type) {
      case 'createRoomsFromTemplate':
        return this.jobs.createRooms(command);
      case 'gatherResults':
        return this.jobs.gather();
      case 'resumeRoomsJob':
        return this.jobs.resume();
      case 'cancelRoomsJob':
        return Promise.resolve(this.jobs.cancel());
      case 'dismissRoomsJob':
        return Promise.resolve(this.jobs.dismiss());
      case 'checkSessions':
        return this.sessions.check().then(() => ({ ok: true, plan: plan() }));
      case 'setQuietAfter':
        return this.activity
          .setQuietAfter(command.minutes * 60_000)
          .then(() => ({ ok: true, plan: plan() }));
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.announceSoon !== null) globalThis.clearTimeout(this.announceSoon);
    this.jobs.stop();
    this.activity.stop();
  }

  /** Progress comes item by item: the panel hears of it at most a few times a second. */
  private changed(): void {
    if (this.announceSoon !== null || this.stopped) return;
    this.announceSoon = globalThis.setTimeout(() => {
      this.announceSoon = null;
      this.deps.announce(this.work());
    }, 200);
  }
}
