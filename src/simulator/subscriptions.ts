import type { Registrations } from './api';

/** A handler as stored: app code's own function, called with copied arguments. */
export type Listener = (...args: never[]) => unknown;

/** One registration; `active` turns false on `off`, so queued deliveries skip it. */
export type SubscriptionRecord = { readonly handler: Listener; active: boolean };

/**
 * The subscriptions of one app iframe, keyed by topic ('ui:icon:click', 'event:<name>',
 * 'storage:<collection>\0<key>', 'timer:<event>', 'collab:<event>', 'session:<id>:<event>').
 * Dies with the iframe (miro-sdk.md 1.3).
 */
export class Subscriptions {
  private readonly topics = new Map<string, SubscriptionRecord[]>();

  /** X1: whether `on` with a function already registered adds a second registration. */
  constructor(private readonly keepsDuplicates: () => boolean = () => false) {}

  /**
   * Adding the same function twice to one topic keeps one registration, as DOM events do (X1
   * default); in the variant each `on` adds one, and `off` removes them all.
   */
  add(topic: string, handler: Listener): void {
    const records = this.topics.get(topic) ?? [];
    const known = records.some((record) => record.handler === handler);
    if (known && !this.keepsDuplicates()) return;
    records.push({ handler, active: true });
    this.topics.set(topic, records);
  }

  remove(topic: string, handler: Listener): void {
    const records = this.topics.get(topic);
    if (!records) return;
    for (const record of records) if (record.handler === handler) record.active = false;
    this.topics.set(
      topic,
      records.filter((record) => record.active),
    );
  }

  active(topic: string): SubscriptionRecord[] {
    return (this.topics.get(topic) ?? []).filter((record) => record.active);
  }

  has(topic: string): boolean {
    return this.active(topic).length > 0;
  }

  /** Drops every topic starting with `prefix` (a session's handlers when it ends, C9). */
  dropPrefix(prefix: string): void {
    for (const [topic, records] of this.topics) {
      if (!topic.startsWith(prefix)) continue;
      for (const record of records) record.active = false;
      this.topics.delete(topic);
    }
  }

  clear(): void {
    this.dropPrefix('');
  }

  /** Live registrations: storage subscriptions (`onValue`) apart from every other handler. */
  count(): Registrations {
    let listeners = 0;
    let storage = 0;
    for (const [topic, records] of this.topics) {
      const live = records.filter((record) => record.active).length;
      if (topic.startsWith('storage:')) storage += live;
      else listeners += live;
    }
    return { listeners, storageSubscriptions: storage };
  }
}

export const topics = {
  ui: (event: string) => `ui:${event}`,
  event: (name: string) => `event:${name}`,
  storage: (collection: string, key: string) => `storage:${collection}\u0000${key}`,
  timer: (event: string) => `timer:${event}`,
  collab: (event: string) => `collab:${event}`,
  session: (sessionId: string, event: string) => `session:${sessionId}:${event}`,
  sessionPrefix: (sessionId: string) => `session:${sessionId}:`,
};
