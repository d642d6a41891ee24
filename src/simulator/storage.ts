import type { Json } from '../sdk/surface';
import { invalid } from './errors';
import type { Hub } from './hub';
import { assertJson, jsonBytes } from './json';
import { canReceive, type FrameState } from './model';
import { type Listener, topics } from './subscriptions';

type Entry = { text: string; version: string };

/**
 * Realtime storage (miro-sdk.md 2.4, S1–S7): per board, per app; values kept as JSON text so
 * nothing the app holds can alias a stored value. Writes commit in arrival order at the
 * simulated server; every subscriber sees them in that order.
 */
export class Storage {
  private readonly data = new Map<string, Entry>();
  private readonly counters = new Map<string, number>();

  constructor(private readonly hub: Hub) {}

  keys(collection: string): string[] {
    const prefix = slot(collection, '');
    return [...this.data.keys()]
      .filter((id) => id.startsWith(prefix))
      .map((id) => id.slice(prefix.length));
  }

  get(collection: string, key: string): Json | undefined {
    const entry = this.data.get(slot(collection, key));
    return entry ? (JSON.parse(entry.text) as Json) : undefined;
  }

  /** `set` from `writer` (null when the board itself writes, e.g. corrupt-data tests). */
  set(collection: string, key: string, value: unknown, writer: FrameState | null): void {
    if (value === undefined) throw invalid('Storage value must be JSON, got undefined');
    const json = assertJson(value, 'Storage value');
    const bytes = jsonBytes(json);
    const limit = this.hub.options.storageLimitBytes;
    if (bytes > limit) {
      throw invalid(
        limit === 65_536
          ? 'Storage value exceeds 64 KB'
          : `Storage value exceeds ${limit} bytes (${bytes})`,
      );
    }
    this.commit(collection, key, JSON.stringify(json), writer);
    this.hub.ledger.recordStorageWrite(bytes);
  }

  remove(collection: string, key: string, writer: FrameState | null): void {
    this.commit(collection, key, undefined, writer);
    this.hub.ledger.recordStorageWrite(0);
  }

  subscribe(frame: FrameState, collection: string, key: string, handler: Listener): void {
    frame.subs.add(topics.storage(collection, key), handler);
    const entry = this.data.get(slot(collection, key));
    if (this.hub.options.initialDelivery && entry) {
      // S2 variant: the current value follows the subscription, to this handler only.
      const records = frame.subs
        .active(topics.storage(collection, key))
        .filter((record) => record.handler === handler);
      const text = entry.text;
      this.hub.deliver(
        frame,
        storageChannel(collection, key),
        records,
        () => [JSON.parse(text), entry.version],
        { onDelivered: () => this.hub.ledger.recordStorageDelivery(utf8Bytes(text)) },
      );
    }
  }

  private commit(
    collection: string,
    key: string,
    text: string | undefined,
    writer: FrameState | null,
  ): void {
    const id = slot(collection, key);
    const before = this.data.get(id);
    if (this.hub.options.suppressUnchanged && before?.text === text) return;
    const version = this.nextVersion(id);
    if (text === undefined) this.data.delete(id);
    else this.data.set(id, { text, version });
    this.hub.emit({ kind: 'storage', collection, key });
    const topic = topics.storage(collection, key);
    const deliveredBytes = text === undefined ? 0 : utf8Bytes(text);
    for (const frame of this.hub.frames()) {
      if (!canReceive(frame) || !this.echoes(frame, writer)) continue;
      this.hub.deliver(
        frame,
        storageChannel(collection, key),
        frame.subs.active(topic),
        () => [text === undefined ? undefined : (JSON.parse(text) as Json), version],
        {
          drop: this.hub.options.dropStorageNotification,
          onDelivered: () => this.hub.ledger.recordStorageDelivery(deliveredBytes),
        },
      );
    }
  }

  /** S1: whether the writer's own iframes hear their write. */
  private echoes(frame: FrameState, writer: FrameState | null): boolean {
    if (!writer || frame.tab !== writer.tab) return true;
    switch (this.hub.options.echoToWriter) {
      case 'all':
        return true;
      case 'none':
        return false;
      case 'other-iframes-of-tab':
        return frame !== writer;
    }
  }

  /** S5: a per-key decimal counter, or an opaque token. */
  private nextVersion(id: string): string {
    const next = (this.counters.get(id) ?? 0) + 1;
    this.counters.set(id, next);
    return this.hub.options.versionFormat === 'counter' ? String(next) : `v${this.hub.rng.token()}`;
  }
}

const slot = (collection: string, key: string): string => `${collection}\u0000${key}`;
const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;
const storageChannel = (collection: string, key: string): string =>
  `storage:${slot(collection, key)}`;
