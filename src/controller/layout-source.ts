import { PLAN_COLLECTION } from '../domain/plan';
import type { Board } from '../sdk/connect';
import type { Json } from '../sdk/surface';

/**
 * The keys of the breakout's storage a reader follows, and nothing else: it subscribes to each
 * key it is told to follow (before reading it, so no change falls between the read and the
 * subscription), unsubscribes from what it no longer needs, and reads keys again on request, one
 * read of a key at a time (a read on its way answers every wish to read that key again). Every
 * notification and every read goes to `receive`, in the order it arrives.
 */
export class LayoutSource {
  private readonly handlers = new Map<string, (value: Json | undefined) => void>();
  private readonly reading = new Map<string, Promise<void>>();
  private stopped = false;

  constructor(
    private readonly board: Board,
    private readonly receive: (key: string, value: Json | undefined) => void,
  ) {}

  private get storage() {
    return this.board.storage.collection(PLAN_COLLECTION);
  }

  /** Follows exactly `keys` from now on; resolves once the new ones are subscribed and read. */
  async follow(keys: readonly string[]): Promise<void> {
    if (this.stopped) return;
    const wanted = new Set(keys);
    for (const [key, handler] of this.handlers) {
      if (wanted.has(key)) continue;
      this.handlers.delete(key);
      void this.storage.offValue(key, handler);
    }
    const added = keys.filter((key) => !this.handlers.has(key));
    await Promise.all(
      added.map(async (key) => {
        const handler = (value: Json | undefined) => {
          if (!this.stopped && this.handlers.get(key) === handler) this.receive(key, value);
        };
        this.handlers.set(key, handler);
        try {
          await this.storage.onValue(key, handler);
        } catch (error) {
          // Not followed after all: the next follow tries again.
          if (this.handlers.get(key) === handler) this.handlers.delete(key);
          throw error;
        }
        await this.read(key);
      }),
    );
  }

  /** The keys followed now. */
  followed(): string[] {
    return [...this.handlers.keys()];
  }

  /** Reads `key` again (a notification may have been lost, S3). */
  read(key: string): Promise<void> {
    const on = this.reading.get(key);
    if (on) return on;
    const read = this.storage
      .get(key)
      .then((value) => {
        if (!this.stopped) this.receive(key, value);
      })
      .finally(() => this.reading.delete(key));
    this.reading.set(key, read);
    return read;
  }

  /** Reads every followed key again. */
  async readAll(): Promise<void> {
    await Promise.all(this.followed().map((key) => this.read(key)));
  }

  stop(): void {
    this.stopped = true;
    for (const [key, handler] of this.handlers) void this.storage.offValue(key, handler);
    this.handlers.clear();
  }
}
