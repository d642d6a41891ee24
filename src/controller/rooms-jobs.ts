import type { FrameInfo } from '../domain/actions';
import { MAX_ROOMS } from '../domain/limits';
import { type PersonRef, PLAN_COLLECTION, type Plan, type Rect } from '../domain/plan';
import { fitsOnBoard } from '../domain/planning/room-frames';
import {
  planRoomsFromTemplate,
  planTemplateCopy,
  type TemplateCopy,
} from '../domain/rooms/copy-plan';
import { harvestColumns, planHarvest, type RoomMaterial } from '../domain/rooms/harvest-plan';
import type { BoardThing, ItemToMake } from '../domain/rooms/make-plan';
import { namesOf, type PromptPlacement, promptItem, promptsOf } from '../domain/rooms/prompts';
import {
  encodeRoomsJob,
  type JobFrame,
  type JobPart,
  MAX_JOB_ROOMS,
  ROOMS_JOB_KEY,
  type RoomsJob,
  readRoomsJob,
} from '../domain/rooms/stored';
import type { Board } from '../sdk/connect';
import { errorMessage } from '../sdk/retry';
import type { FrameItem, Json } from '../sdk/surface';
import { BoardMaker } from './board-maker';
import type { CommandResult } from './commands';
import { CreditPacer } from './credit-pacer';
import { progressOf } from './job-progress';
import type { PlanReader } from './plan-reader';
import type { PlanWriter } from './plan-writer';
import { done, refused } from './results';
import { retryLater } from './retry-later';
import type { JobProgress, JobState } from './rooms-work';

export type CopyRequest = {
  templateFrameId: string;
  count: number;
  /** Typed by the facilitator, one line per room. */
  names: string;
  prompts: string;
  prompt: PromptPlacement;
};

export type RoomsJobsDeps = {
  board: Board;
  reader: PlanReader;
  writer: PlanWriter;
  me: PersonRef;
  instanceId: string;
  isFacilitator: (plan?: Plan | null) => boolean;
  /** True while this tab runs the breakout (tab-lease.ts): only it runs jobs. */
  runsHere: () => boolean;
  now: () => number;
  newId: () => string;
  /** The job's progress changed. */
  changed: () => void;
  /** The pace of a job; the default is half of the facilitator's budget (credit-pacer.ts). */
  pacer?: () => CreditPacer;
};

const rectOf = (frame: JobFrame): Rect => ({
  x: frame.x,
  y: frame.y,
  width: frame.width,
  height: frame.height,
});

const sameRect = (a: Rect, b: Rect) =>
  Math.abs(a.x - b.x) <= 1 &&
  Math.abs(a.y - b.y) <= 1 &&
  Math.abs(a.width - b.width) <= 1 &&
  Math.abs(a.height - b.height) <= 1;

const finished = (part: JobPart) => part.state === 'done' || part.state === 'failed';

/** A job's items per part, rebuilt from the board whenever the job (re)starts. */
type PartItems = ReadonlyArray<readonly ItemToMake[]>;

/** Why a running job stops: its owner cancelled it, or this app stepped down for another tab. */
type Stop = 'cancel' | 'step-down';

type Running = { job: RoomsJob; stop: Stop | null; waiting: boolean; done: Promise<void> };

/**
 * Long board work in the facilitator's headless app: "Create rooms from this frame" (K rooms
 * copied from a template, each with its material and prompt) and "Gather results" (a harvest
 * frame with a column per room). One job at a time, paced to half the credit budget; cancelled,
 * what was made stays and is listed. Its progress is stored (`rooms-job`) room by room; after a
 * reload the job is offered for resuming, and a resumed job recognises what it had made.
 */
export class RoomsJobs {
  private running: Running | null = null;
  /** The last job this app knows of (its own, or read from storage). */
  private last: RoomsJob | null = null;
  private problem: string | null = null;
  /** True once the stored job has been read (or found absent) since this app started. */
  private storedRead = false;
  private listening = false;
  /** Stopped (another tab took over, a reload): a job planned before it must not begin here. */
  private stopped = false;
  /** One pace for every job of this app: the budget is the user's, whatever the job. */
  private readonly pacer: CreditPacer;

  constructor(private readonly deps: RoomsJobsDeps) {
    this.pacer = deps.pacer?.() ?? new CreditPacer();
  }

  /** The job as the panel shows it, or null when there is none. */
  progress(): JobProgress | null {
    const job = this.running?.job ?? this.last;
    if (!job) return null;
    const view = progressOf(job, this.stateOf(job));
    return this.problem ? { ...view, problems: [...view.problems, this.problem] } : view;
  }

  private stateOf(job: RoomsJob): JobState {
    if (this.running?.job === job) return this.running.waiting ? 'waiting' : 'running';
    if (job.state !== 'running') return job.state;
    return this.deps.runsHere() && job.by.id === this.deps.me.id ? 'interrupted' : 'elsewhere';
  }

  /** Reads the stored job once this user facilitates, and follows it (other tabs' progress). */
  planChanged(): void {
    if (this.listening || this.stopped || !this.deps.isFacilitator()) return;
    this.listening = true;
    this.follow(0);
  }

  /**
   * Subscribes to the stored job and reads it. Refused (the client offline, storage failing past
   * connect.ts's own retries), both are asked again after a doubling wait until they succeed, this
   * app stops or the user no longer facilitates: a job shown in the panel must not stay unread
   * until the plan happens to change. Registering the handler twice is harmless (connect.ts).
   */
  private follow(tries: number): void {
    const collection = this.deps.board.storage.collection(PLAN_COLLECTION);
    const again = () => {
      if (this.stopped || !this.deps.isFacilitator()) {
        this.listening = false;
        return;
      }
      retryLater(
        tries,
        () => this.stopped,
        () => this.follow(tries + 1),
      );
    };
    Promise.all([
      collection.onValue(ROOMS_JOB_KEY, this.onStored),
      collection.get(ROOMS_JOB_KEY).then(this.onStored),
    ]).catch(again);
  }

  /** The app stops (another tab takes over): a running job stays stored as running. */
  stop(): void {
    this.stopped = true;
    if (this.running) this.running.stop = 'step-down';
    if (this.listening) {
      void this.deps.board.storage
        .collection(PLAN_COLLECTION)
        .offValue(ROOMS_JOB_KEY, this.onStored);
    }
  }

  private readonly onStored = (value: Json | undefined) => {
    this.storedRead = true;
    if (value === undefined || this.running) return;
    const read = readRoomsJob(value);
    if (!read.ok) return;
    this.last = read.value;
    this.deps.changed();
  };

  cancel(): CommandResult {
    if (!this.running) return refused('No job is running.');
    this.running.stop = 'cancel';
    return done(this.deps.reader.plan());
  }

  /** Forgets a finished or interrupted job: the panel stops showing it. */
  dismiss(): CommandResult {
    if (this.running) return refused('The job is still running: cancel it first.');
    this.last = null;
    this.problem = null;
    this.deps.changed();
    return done(this.deps.reader.plan());
  }

  /** For tests and the runner: settles when the running job has stopped. */
  idle(): Promise<void> {
    return this.running?.done ?? Promise.resolve();
  }

  private busy(): string | null {
    if (this.running) return 'Another job is making things on the board. Wait for it or cancel it.';
    const plan = this.deps.reader.plan();
    if (!plan || !this.deps.isFacilitator(plan)) {
      return plan ? `${plan.facilitator.name} is the facilitator.` : 'Set up a breakout first.';
    }
    return null;
  }

  /**
   * Why a new job may not begin. Besides `busy`, a job a reload cut short comes first: after a
   * reload the panel may be asked before the stored job has been read (a rate limit holds the
   * read back), and a new copy would make that job's rooms a second time. The stored job is read
   * here if it has not been yet.
   */
  private async refusalOfNew(maker: BoardMaker): Promise<string | null> {
    const busy = this.busy();
    if (busy) return busy;
    if (!this.storedRead) {
      const collection = this.deps.board.storage.collection(PLAN_COLLECTION);
      this.onStored(await maker.call('storage.get', () => collection.get(ROOMS_JOB_KEY)));
    }
    if (this.running) return this.busy();
    const last = this.last;
    if (last && this.stateOf(last) === 'interrupted') {
      return `The last job (${last.type === 'copy' ? 'making rooms' : 'gathering results'}) was cut short by a reload: resume it, or choose “Leave it as it is”, before starting another.`;
    }
    return null;
  }

  /** Makes on the board for `running` (null: reading before a job starts). */
  private newMaker(running: Running | null): BoardMaker {
    return new BoardMaker({
      board: this.deps.board,
      pacer: this.pacer,
      stopped: () => running?.stop != null,
      waiting: (waiting) => {
        if (!running || running.waiting === waiting) return;
        running.waiting = waiting;
        this.deps.changed();
      },
    });
  }

  private job(type: RoomsJob['type'], fields: Partial<RoomsJob>): RoomsJob {
    return {
      schema: 1,
      kind: 'rooms-job',
      id: this.deps.newId(),
      type,
      by: { id: this.deps.me.id, name: this.deps.me.name },
      instance: this.deps.instanceId.slice(0, 100),
      startedAt: this.deps.now(),
      state: 'running',
      template: null,
      prompt: { kind: 'text', spot: 'top-left' },
      runId: null,
      leftOut: [],
      frames: [],
      parts: [],
      ...fields,
    };
  }

  /** "Create rooms from this frame". Resolves once the job is under way (or refused). */
  async createRooms(request: CopyRequest): Promise<CommandResult> {
    const busy = this.busy();
    if (busy) return refused(busy);
    const plan = this.deps.reader.plan() as Plan;
    if (plan.phase !== 'planning') return refused('Rooms are added before the start.');
    const room = Math.min(MAX_JOB_ROOMS, MAX_ROOMS - plan.rooms.length);
    const count = Math.floor(request.count);
    if (!Number.isFinite(count) || count < 1 || count > room) {
      return refused(`Choose between 1 and ${Math.max(1, room)} rooms.`);
    }
    const maker = this.newMaker(null);
    try {
      const refusal = await this.refusalOfNew(maker);
      if (refusal) return refused(refusal);
      const frames = await maker.frames();
      const template = frames.find((frame) => frame.id === request.templateFrameId);
      if (!template)
        return refused('The template frame is no longer on the board. Choose another.');
      const copy = await this.templateCopy(maker, template);
      const names = namesOf(request.names, count);
      const prompts = promptsOf(request.prompts, count);
      const rooms = planRoomsFromTemplate({
        template,
        count,
        obstacles: frames,
        names,
        prompts,
        prompt: request.prompt,
        firstNumber: plan.rooms.length + 1,
        copy,
      });
      if (!fitsOnBoard(rooms.map(({ title, frame }) => ({ title, ...frame })))) {
        return refused('There is no free space on the board for these rooms.');
      }
      const job = this.job('copy', {
        template: template.id,
        prompt: request.prompt,
        leftOut: [...copy.leftOut],
        frames: rooms.map(({ title, frame }, index) => ({
          title,
          prompt: prompts[index] ?? null,
          ...frame,
          frameId: null,
        })),
        parts: rooms.map(({ title, items }, index) => ({
          frame: index,
          label: title,
          source: null,
          state: 'waiting',
          made: 0,
          total: items.length,
          problem: null,
        })),
      });
      return await this.begin(
        job,
        rooms.map((entry) => entry.items),
        false,
      );
    } catch (error) {
      return refused(`The rooms could not be planned: ${errorMessage(error)}`);
    }
  }

  /** "Gather results into the main area", after the end. A second run makes a second harvest. */
  async gather(): Promise<CommandResult> {
    const busy = this.busy();
    if (busy) return refused(busy);
    const plan = this.deps.reader.plan() as Plan;
    if (plan.phase !== 'ended') return refused('Results are gathered after the end.');
    const maker = this.newMaker(null);
    try {
      const refusal = await this.refusalOfNew(maker);
      if (refusal) return refused(refusal);
      const frames = await maker.frames();
      const rooms = plan.rooms.filter((room) => !room.frameMissing);
      const material = await this.material(
        maker,
        rooms.map((room) => ({ label: room.name, source: room.frameId })),
        frames,
      );
      const harvest = planHarvest({
        title: harvestTitle(frames),
        rooms: material,
        anchor: anchorOf(plan, frames),
        obstacles: frames,
      });
      if (!fitsOnBoard([{ title: harvest.title, ...harvest.frame }])) {
        return refused('There is no free space on the board for the results.');
      }
      const job = this.job('harvest', {
        runId: plan.runId,
        frames: [{ title: harvest.title, prompt: null, ...harvest.frame, frameId: null }],
        parts: rooms.map((room, index) => ({
          frame: 0,
          label: room.name,
          source: room.frameId,
          state: 'waiting',
          made: 0,
          total: harvest.columns[index]?.length ?? 0,
          problem: null,
        })),
      });
      return await this.begin(job, harvest.columns, false);
    } catch (error) {
      return refused(`The results could not be gathered: ${errorMessage(error)}`);
    }
  }

  /** Goes on with an interrupted job: what it made is recognised, never made twice. */
  async resume(): Promise<CommandResult> {
    const busy = this.busy();
    if (busy) return refused(busy);
    const job = this.last;
    if (!job || this.stateOf(job) !== 'interrupted') return refused('There is no job to resume.');
    const maker = this.newMaker(null);
    try {
      const items = await this.itemsAgain(maker, job);
      return await this.begin(structuredClone(job), items, true);
    } catch (error) {
      return refused(`The job could not be resumed: ${errorMessage(error)}`);
    }
  }

  /** Each part's items as they would be made now, from the template or the rooms. */
  private async itemsAgain(maker: BoardMaker, job: RoomsJob): Promise<PartItems> {
    if (job.type === 'harvest') {
      const frames = await maker.frames();
      const material = await this.material(
        maker,
        job.parts.map((part) => ({ label: part.label, source: part.source ?? '' })),
        frames,
      );
      return harvestColumns(material).columns;
    }
    const template = job.template === null ? null : await maker.frameById(job.template);
    const copy: TemplateCopy | null = template ? await this.templateCopy(maker, template) : null;
    return job.parts.map((part) => {
      const frame = job.frames[part.frame];
      if (!copy || !frame) return [];
      return frame.prompt
        ? [...copy.items, promptItem(frame.prompt, job.prompt, rectOf(frame))]
        : copy.items;
    });
  }

  private async templateCopy(maker: BoardMaker, template: FrameItem): Promise<TemplateCopy> {
    const children = await maker.call('frame.getChildren', () => template.getChildren());
    return planTemplateCopy(children as BoardThing[]);
  }

  /** The rooms' items, in two calls whatever their number: their frames, then all children. */
  private async material(
    maker: BoardMaker,
    rooms: ReadonlyArray<{ label: string; source: string }>,
    frames: readonly FrameItem[],
  ): Promise<RoomMaterial[]> {
    const wanted = new Set(rooms.map((room) => room.source));
    const childIds = frames.filter((frame) => wanted.has(frame.id)).flatMap((f) => f.childrenIds);
    const children =
      childIds.length === 0
        ? []
        : await maker.call('board.get', () => this.deps.board.get({ id: childIds }));
    return rooms.map((room) => ({
      name: room.label,
      items: children.filter((child) => child.parentId === room.source) as BoardThing[],
    }));
  }

  /** Stores the job and runs it in the background; resolves once it is under way. */
  private async begin(job: RoomsJob, items: PartItems, resuming: boolean): Promise<CommandResult> {
    // Planning took calls; meanwhile the tab that runs the breakout may have changed, and two
    // apps making the same rooms would make them twice.
    if (this.stopped) return refused('This tab stopped running the breakout. Try again.');
    const encoded = encodeRoomsJob(job);
    if (!encoded.ok) return refused(encoded.problem);
    job.parts.forEach((part, index) => {
      if (!finished(part)) part.total = items[index]?.length ?? part.total;
    });
    const running: Running = { job, stop: null, waiting: false, done: Promise.resolve() };
    const maker = this.newMaker(running);
    this.running = running;
    this.problem = null;
    running.done = this.run(running, maker, items, resuming);
    this.deps.changed();
    return done(this.deps.reader.plan());
  }

  private async run(
    running: Running,
    maker: BoardMaker,
    items: PartItems,
    resuming: boolean,
  ): Promise<void> {
    const { job } = running;
    try {
      await this.save(maker, job);
      const frames = await this.makeFrames(maker, job, resuming);
      if (job.type === 'copy') await this.addRooms(job);
      for (const [index, part] of job.parts.entries()) {
        if (finished(part)) continue;
        const frame = frames.get(part.frame);
        const target = job.frames[part.frame];
        if (!frame || !target) {
          part.state = 'failed';
          part.problem = 'Its frame is no longer on the board.';
          continue;
        }
        part.state = 'making';
        part.made = 0;
        const filled = await maker.fill(frame, rectOf(target), items[index] ?? [], resuming, () => {
          part.made += 1;
          this.deps.changed();
        });
        part.made = filled.made;
        part.state = 'done';
        if (filled.failed.length > 0) {
          const [first] = filled.failed;
          part.problem = `${filled.failed.length} of ${part.total} items could not be made (${first?.problem}).`;
        }
        await this.save(maker, job);
      }
      job.state = 'done';
    } catch (error) {
      // Stepping down leaves the job to the tab that takes over: it stays stored as running.
      if (running.stop === 'step-down') return;
      // Cancelled, what was made stays and is listed. Failed, it stays resumable.
      if (running.stop === 'cancel') job.state = 'cancelled';
      else this.problem = `The job stopped: ${errorMessage(error)}. Resume it to go on.`;
      if (job.type === 'copy') await this.addRooms(job).catch(() => {});
    } finally {
      if (running.stop !== 'step-down') await this.storeQuietly(job);
      this.last = job;
      if (this.running === running) this.running = null;
      this.deps.changed();
    }
  }

  /** The job's frames: found again (resuming) or made, each stored as soon as it exists. */
  private async makeFrames(
    maker: BoardMaker,
    job: RoomsJob,
    resuming: boolean,
  ): Promise<Map<number, FrameItem>> {
    const made = new Map<number, FrameItem>();
    let onBoard: FrameItem[] | null = null;
    for (const [index, frame] of job.frames.entries()) {
      const needed = job.parts.some((part) => part.frame === index && !finished(part));
      if (!needed) continue;
      const rect = rectOf(frame);
      let item: FrameItem | null = null;
      if (frame.frameId !== null) {
        item = await maker.frameById(frame.frameId);
        if (item === null) continue;
      } else if (resuming) {
        onBoard ??= await maker.frames();
        const taken = new Set(job.frames.map((f) => f.frameId));
        item =
          onBoard.find(
            (candidate) =>
              !taken.has(candidate.id) &&
              candidate.title === frame.title &&
              sameRect(candidate, rect),
          ) ?? null;
      }
      if (item === null) item = await maker.createFrame(frame.title, rect);
      if (frame.frameId !== item.id) {
        frame.frameId = item.id;
        await this.save(maker, job);
      }
      made.set(index, item);
      this.deps.changed();
    }
    return made;
  }

  /** The made frames become rooms, in one plan write; frames the plan has already are skipped. */
  private async addRooms(job: RoomsJob): Promise<void> {
    const plan = this.deps.reader.plan();
    if (!plan) return;
    const known = new Set(plan.rooms.map((room) => room.frameId));
    const frames: FrameInfo[] = job.frames.flatMap((frame) =>
      frame.frameId === null || known.has(frame.frameId)
        ? []
        : [{ id: frame.frameId, ...rectOf(frame), title: frame.title }],
    );
    if (frames.length === 0) return;
    if (plan.phase !== 'planning') {
      this.problem = `${frames.length} frames were made, but the breakout had started, so they are not rooms.`;
      return;
    }
    await this.deps.writer.apply([{ type: 'roomsAdded', frames }]);
  }

  private async save(maker: BoardMaker, job: RoomsJob): Promise<void> {
    const encoded = encodeRoomsJob(job);
    if (!encoded.ok) throw new Error(encoded.problem);
    const collection = this.deps.board.storage.collection(PLAN_COLLECTION);
    await maker.call('storage.set', () => collection.set(ROOMS_JOB_KEY, encoded.value as Json));
  }

  /** The final record: written even after a stop, without pacing or giving up the job's result. */
  private async storeQuietly(job: RoomsJob): Promise<void> {
    const encoded = encodeRoomsJob(job);
    if (!encoded.ok) return;
    await this.deps.board.storage
      .collection(PLAN_COLLECTION)
      .set(ROOMS_JOB_KEY, encoded.value as Json)
      .catch((error: unknown) => {
        this.problem = `The job's progress could not be saved: ${errorMessage(error)}`;
      });
  }
}

/** "Results", then "Results 2", … : a second harvest is its own frame. */
function harvestTitle(frames: readonly FrameItem[]): string {
  const earlier = frames.filter((frame) => /^Results( \d+)?$/.test(frame.title)).length;
  return earlier === 0 ? 'Results' : `Results ${earlier + 1}`;
}

/** Beside the main area: its frame, the facilitator's viewport at start, or the rooms. */
function anchorOf(plan: Plan, frames: readonly FrameItem[]): Rect {
  const main = plan.mainArea;
  if (main?.kind === 'frame') return main.frame;
  if (main?.kind === 'viewport') {
    const { x, y, width, height } = main.rect;
    return { x: x + width / 2, y: y + height / 2, width, height };
  }
  const rooms = new Set(plan.rooms.map((room) => room.frameId));
  const boxes = frames.filter((frame) => rooms.has(frame.id));
  if (boxes.length === 0) return { x: 0, y: 0, width: 1, height: 1 };
  const left = Math.min(...boxes.map((b) => b.x - b.width / 2));
  const right = Math.max(...boxes.map((b) => b.x + b.width / 2));
  const top = Math.min(...boxes.map((b) => b.y - b.height / 2));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height / 2));
  return {
    x: (left + right) / 2,
    y: (top + bottom) / 2,
    width: right - left,
    height: bottom - top,
  };
}
