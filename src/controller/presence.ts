import type { Board } from '../sdk/connect';
import type { OnlineUserInfo } from '../sdk/surface';

/**
 * Who is online, kept by the headless app from `online_users:update` so that starting and
 * re-inviting never spend a call on it. Some clients send the list with the event, some an empty
 * payload (miro-sdk.md U2): then it is fetched once.
 */
export class Presence {
  private online = new Map<string, OnlineUserInfo>();
  private started: Promise<void> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly board: Board) {}

  /** Starts listening; cheap to call again, and tried afresh after a failed start. */
  start(): Promise<void> {
    this.started ??= (async () => {
      await this.board.ui.on('online_users:update', this.onUpdate);
      this.replace(await this.board.getOnlineUsers());
    })().catch((error: unknown) => {
      // A rejected start must not be kept: the next command or plan change tries again.
      this.started = null;
      throw error;
    });
    return this.started;
  }

  stop(): void {
    if (this.started) void this.board.ui.off('online_users:update', this.onUpdate);
    this.started = null;
  }

  /** Everyone online now, as `{id, name}`: the planning tools match imported names to them. */
  onlineUsers(): OnlineUserInfo[] {
    return [...this.online.values()];
  }

  /** Called after every change of the list; returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onlineIds(): ReadonlySet<string> {
    return new Set(this.online.keys());
  }

  private readonly onUpdate = (event: { users?: OnlineUserInfo[] }) => {
    if (event?.users?.length) {
      this.replace(event.users);
      return;
    }
    this.board.getOnlineUsers().then(
      (users) => this.replace(users),
      () => {
        // The next update will try again; until then the last known list stands.
      },
    );
  };

  private replace(users: readonly OnlineUserInfo[]): void {
    this.online = new Map(users.map(({ id, name }) => [id, { id, name }]));
    for (const listener of [...this.listeners]) listener();
  }
}
