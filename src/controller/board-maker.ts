import type { Rect } from '../domain/plan';
import { contentOf } from '../domain/rooms/item-text';
import {
  type BoardThing,
  type FoundItem,
  foundIn,
  type ItemToMake,
  recognise,
  standsIn,
} from '../domain/rooms/make-plan';
import type { Board } from '../sdk/connect';
import { isRateLimitError, SdkCallError } from '../sdk/retry';
import { type BoardItem, type FrameItem, isFrame } from '../sdk/surface';
import type { CreditPacer } from './credit-pacer';

/** How long a job waits after Miro's limit still refused it through the seam's own retries. */
export const RATE_LIMIT_PAUSE_MS = 60_000;

export const isRateLimited = (error: unknown): boolean =>
  error instanceof SdkCallError ? error.rateLimited : isRateLimitError(error);

/** A job stopped by its owner (cancel, or the app stepping down): what was made stays. */
export class JobStopped extends Error {
  override readonly name = 'JobStopped';
  constructor() {
    super('The job was stopped.');
  }
}

export type MakerDeps = {
  board: Board;
  pacer: CreditPacer;
  /** True once the job must not make anything more. */
  stopped: () => boolean;
  /** Told while a job waits for Miro's rate limit, so the panel can say so. */
  waiting: (waiting: boolean) => void;
};

export type Filled = { made: number; failed: Array<{ item: ItemToMake; problem: string }> };

const corner = (frame: Rect) => ({ x: frame.x - frame.width / 2, y: frame.y - frame.height / 2 });

/** The create call of one planned item, in board coordinates, with its text escaped. */
function createCall(
  board: Board,
  frame: Rect,
  item: ItemToMake,
): [string, () => Promise<BoardItem>] {
  const at = { x: corner(frame).x + item.x, y: corner(frame).y + item.y };
  const style = item.style as Record<string, never>;
  switch (item.kind) {
    case 'sticky_note':
      return [
        'board.createStickyNote',
        () =>
          board.createStickyNote({
            ...at,
            width: item.width,
            content: contentOf(item.text),
            style,
            ...(item.shape === 'rectangle' || item.shape === 'square' ? { shape: item.shape } : {}),
          }),
      ];
    case 'text':
      return [
        'board.createText',
        () =>
          board.createText({
            ...at,
            width: item.width,
            rotation: item.rotation ?? 0,
            content: contentOf(item.text),
            style,
          }),
      ];
    case 'shape':
      return [
        'board.createShape',
        () =>
          board.createShape({
            ...at,
            width: item.width,
            height: item.height ?? item.width,
            rotation: item.rotation ?? 0,
            content: contentOf(item.text),
            style,
            ...(item.shape ? { shape: item.shape as 'rectangle' } : {}),
          }),
      ];
    case 'card':
      return [
        'board.createCard',
        () =>
          board.createCard({
            ...at,
            width: item.width,
            rotation: item.rotation ?? 0,
            title: contentOf(item.text),
            description: contentOf(item.description ?? ''),
            style,
          }),
      ];
    case 'image':
      return [
        'board.createImage',
        () =>
          board.createImage({
            ...at,
            url: item.url ?? '',
            width: item.width,
            rotation: item.rotation ?? 0,
          }),
      ];
    case 'embed':
      return ['board.createEmbed', () => board.createEmbed({ ...at, url: item.url ?? '' })];
  }
}

/**
 * Makes frames and their items on the board for a job, within the job's credit pace. Miro's
 * rate limit pauses it and it goes on; any other failure of a create may still have made the
 * item, so it looks at the board before trying once more. It never makes what it finds made.
 */
export class BoardMaker {
  constructor(private readonly deps: MakerDeps) {}

  /** One SDK call, paced; a rate-limit refusal waits and tries again, for as long as it takes. */
  async call<T>(method: string, call: () => Promise<T>): Promise<T> {
    for (;;) {
      if (this.deps.stopped()) throw new JobStopped();
      try {
        return await this.deps.pacer.call(method, call);
      } catch (error) {
        if (!isRateLimited(error)) throw error;
        this.deps.waiting(true);
        this.deps.pacer.holdFor(RATE_LIMIT_PAUSE_MS);
      }
    }
  }

  private readonly settled = () => this.deps.waiting(false);

  /** Every frame on the board (one call). */
  async frames(): Promise<FrameItem[]> {
    const items = await this.call('board.get', () => this.deps.board.get({ type: 'frame' }));
    this.settled();
    return items.filter(isFrame) as FrameItem[];
  }

  async frameById(id: string): Promise<FrameItem | null> {
    const [frame] = (await this.call('board.get', () => this.deps.board.get({ id }))).filter(
      isFrame,
    );
    this.settled();
    return (frame as FrameItem | undefined) ?? null;
  }

  async createFrame(title: string, rect: Rect): Promise<FrameItem> {
    const frame = await this.call('board.createFrame', () =>
      this.deps.board.createFrame({ title, ...rect }),
    );
    this.settled();
    return frame;
  }

  /**
   * Fills `frame` (standing at `rect`) with `items`. `resuming`: some may be there already (an
   * interrupted job), so it looks first. `onMade` is told of each item made.
   */
  async fill(
    frame: FrameItem,
    rect: Rect,
    items: readonly ItemToMake[],
    resuming: boolean,
    onMade: () => void,
  ): Promise<Filled> {
    const there = resuming ? await this.recognise(frame, rect, items) : items.map(() => null);
    const result: Filled = { made: 0, failed: [] };
    for (const [index, item] of items.entries()) {
      if (there[index] === null) {
        const problem = await this.makeOne(frame, rect, item);
        if (problem !== null) {
          result.failed.push({ item, problem });
          continue;
        }
      }
      result.made += 1;
      onMade();
    }
    return result;
  }

  /** Makes one item and puts it in its frame; null when done, else what went wrong. */
  private async makeOne(frame: FrameItem, rect: Rect, item: ItemToMake): Promise<string | null> {
    const [method, create] = createCall(this.deps.board, rect, item);
    let made: BoardItem;
    try {
      made = await this.call(method, create);
    } catch (error) {
      if (error instanceof JobStopped) throw error;
      // It may have been made all the same: look, and try once more only if it is not there.
      const [found] = await this.recognise(frame, rect, [item]);
      if (found) return null;
      try {
        made = await this.call(method, create);
      } catch (again) {
        if (again instanceof JobStopped) throw again;
        return messageOf(again);
      }
    }
    this.settled();
    return this.putInFrame(frame, made);
  }

  /** Miro may have made it a child already (I5); otherwise `frame.add`, one more call. */
  private async putInFrame(frame: FrameItem, item: BoardItem): Promise<string | null> {
    if (item.parentId === frame.id) return null;
    try {
      await this.call('frame.add', () => frame.add(item));
      this.settled();
      return null;
    } catch (error) {
      if (error instanceof JobStopped) throw error;
      return `It was made but could not be put in its frame: ${messageOf(error)}`;
    }
  }

  /**
   * What of `items` is on the board already: the frame's children, and items standing inside
   * it that are not yet its children (made, but interrupted before `frame.add`), which are
   * added now. Two calls, and one `add` for each such item.
   */
  private async recognise(
    frame: FrameItem,
    rect: Rect,
    items: readonly ItemToMake[],
  ): Promise<(string | null)[]> {
    const children = await this.call('frame.getChildren', () => frame.getChildren());
    const kinds = [...new Set(items.map((item) => item.kind))];
    const loose = (await this.call('board.get', () => this.deps.board.get({ type: kinds }))).filter(
      (item) => !item.parentId && standsIn(rect, item as BoardThing),
    );
    this.settled();
    const found: FoundItem[] = [
      ...children.map((child) => foundIn(rect, child as BoardThing, true)),
      ...loose.map((item) => foundIn(rect, item as BoardThing, false)),
    ].filter((item): item is FoundItem => item !== null);
    const ids = recognise(items, found);
    const looseIds = new Set(loose.map((item) => item.id));
    for (const id of ids) {
      const item = id !== null && looseIds.has(id) ? loose.find((l) => l.id === id) : undefined;
      if (item) await this.putInFrame(frame, item);
    }
    return ids;
  }
}

const messageOf = (error: unknown): string =>
  error instanceof Error && error.message ? error.message : String(error);
