import type { Json } from '../sdk/surface';
import { invalid } from './errors';
import type { Hub } from './hub';
import { assertJson, jsonBytes } from './json';
import { canReceive, type FrameState } from './model';
import { topics } from './subscriptions';

/**
 * `board.events.broadcast` (miro-sdk.md 2.5, E1–E4): fire-and-forget to the iframes subscribed
 * at that moment, never to the sending tab (or only not the sending iframe, E1 variant);
 * FIFO per sender; nothing stored for late subscribers.
 */
export class RealtimeEvents {
  constructor(private readonly hub: Hub) {}

  broadcast(sender: FrameState, event: string, payload: unknown): void {
    if (typeof event !== 'string' || event.length === 0) {
      throw invalid('broadcast needs an event name');
    }
    const json: Json | undefined =
      payload === undefined ? undefined : assertJson(payload, 'Broadcast payload');
    const limit = this.hub.options.broadcastLimitBytes;
    const bytes = jsonBytes(json);
    if (limit !== null && bytes > limit) {
      throw invalid(`Broadcast payload exceeds ${limit} bytes (${bytes})`);
    }
    this.hub.ledger.recordBroadcast();
    const text = json === undefined ? undefined : JSON.stringify(json);
    const excludeTab = this.hub.options.broadcastExcludeScope === 'tab';
    for (const frame of this.hub.frames()) {
      if (!canReceive(frame)) continue;
      if (frame === sender || (excludeTab && frame.tab === sender.tab)) continue;
      this.hub.deliver(
        frame,
        `broadcast:${sender.id}`,
        frame.subs.active(topics.event(event)),
        () => [text === undefined ? undefined : JSON.parse(text)],
        { drop: this.hub.options.dropBroadcast, mayDuplicate: true },
      );
    }
  }
}
