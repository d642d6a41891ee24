import type { Presence } from './presence';

/**
 * Since when each person has been missing from Miro's online users, as this app saw it: the
 * offline clause of the take-over rule (domain/co-facilitation.ts). Miro's list is the one fact a
 * participant's client cannot forge; what this app did not see it cannot vouch for, so someone
 * never seen online counts as away only from when this app first had the list.
 */
export class Absences {
  private watchingSince: number | null = null;
  private previous: ReadonlySet<string> = new Set();
  private readonly goneAt = new Map<string, number>();

  constructor(
    private readonly presence: Presence,
    private readonly now: () => number,
  ) {
    presence.onChange(() => this.update());
  }

  /** Null while they are online, or before this app has had Miro's list. */
  offlineSince(personId: string): number | null {
    if (this.watchingSince === null || this.presence.onlineIds().has(personId)) return null;
    return this.goneAt.get(personId) ?? this.watchingSince;
  }

  private update(): void {
    const now = this.now();
    const online = this.presence.onlineIds();
    this.watchingSince ??= now;
    for (const id of this.previous) {
      if (!online.has(id) && !this.goneAt.has(id)) this.goneAt.set(id, now);
    }
    for (const id of online) this.goneAt.delete(id);
    this.previous = online;
  }
}
