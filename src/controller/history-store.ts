import { PLAN_COLLECTION, type Plan } from '../domain/plan';
import {
  appendHistory,
  emptyHistory,
  type History,
  historyEntryOf,
  parseHistory,
} from '../domain/planning/history';
import type { Board } from '../sdk/connect';
import { errorMessage } from '../sdk/retry';

/** Past breakouts live next to the plan, in their own key: the plan's 64 KB stay for the run. */
export const HISTORY_KEY = 'history';

/**
 * Records every breakout (rooms, people, times) in board storage, from the facilitator's headless
 * app, once, when it ends: every started breakout ends (by hand, on time, or after a reload), and
 * writing then keeps the start itself one storage write cheaper. Only this app writes the key,
 * through one queue, so entries never overwrite each other; a newer app's history is left alone.
 */
export class HistoryStore {
  private readonly recorded = new Set<string>();
  private held: Promise<History | null | 'unreadable'> | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly board: Board,
    private readonly onProblem: (message: string) => void,
  ) {}

  /** Read once ahead of time (while planning), so recording a run costs one write and no read. */
  prefetch(): void {
    this.held ??= this.read();
  }

  /** Called with every plan this client writes as facilitator. */
  planChanged(plan: Plan): void {
    if (plan.phase === 'planning') {
      this.prefetch();
      return;
    }
    if (plan.phase !== 'ended') return;
    const entry = historyEntryOf(plan);
    if (entry === null) return;
    const key = plan.runId;
    if (this.recorded.has(key)) return;
    this.recorded.add(key);
    this.queue = this.queue.then(async () => {
      const history = await (this.held ?? this.read());
      if (history === 'unreadable') {
        this.held = null;
        this.recorded.delete(key);
        return;
      }
      if (history === null) return;
      const result = appendHistory(history, entry);
      if (result.tooLarge) {
        this.onProblem('This breakout is too large to keep in the history.');
        return;
      }
      try {
        await this.board.storage.collection(PLAN_COLLECTION).set(HISTORY_KEY, result.history);
        this.held = Promise.resolve(result.history);
      } catch (error) {
        // Tried again at the next plan change of this run (or after a reload).
        this.recorded.delete(key);
        this.onProblem(`The breakout history could not be saved. ${errorMessage(error)}`);
      }
    });
  }

  /**
   * Null: a newer app version wrote it, so it must not be overwritten. 'unreadable': the read
   * failed, and writing now could replace good entries: tried again at the next change.
   */
  private async read(): Promise<History | null | 'unreadable'> {
    try {
      const result = parseHistory(
        await this.board.storage.collection(PLAN_COLLECTION).get(HISTORY_KEY),
      );
      if (result.status === 'ok') return result.history;
      if (result.status === 'future') return null;
      // A damaged history is a log nobody can read any more: it is started afresh.
      return emptyHistory();
    } catch {
      return 'unreadable';
    }
  }
}
