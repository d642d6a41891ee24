import type { SimNotification } from './api';
import { invalid } from './errors';
import type { Hub } from './hub';
import type { FrameState } from './model';

export const NOTIFICATION_MAX_CHARS = 80;

/** Toasts (miro-sdk.md 2.7, N1, N2): shown only to the calling user in the calling tab. */
export class Notifications {
  private readonly shown: SimNotification[] = [];

  constructor(private readonly hub: Hub) {}

  show(caller: FrameState, type: 'info' | 'error', message: unknown): void {
    if (typeof message !== 'string') throw invalid('Notification message must be a string');
    // "80 characters, spaces included": count characters (code points), not UTF-16 units.
    const characters = Array.from(message);
    let text = message;
    if (characters.length > NOTIFICATION_MAX_CHARS) {
      if (this.hub.options.notificationOverflow === 'reject') {
        throw invalid(
          `Notification message is ${characters.length} characters; the limit is ${NOTIFICATION_MAX_CHARS}`,
        );
      }
      text = characters.slice(0, NOTIFICATION_MAX_CHARS).join('');
    }
    const notification: SimNotification = {
      id: this.hub.id('notification'),
      userId: caller.tab.user.id,
      tabId: caller.tab.id,
      type,
      message: text,
      at: this.hub.now(),
    };
    this.shown.push(notification);
    this.hub.emit({ kind: 'notification', notification: { ...notification } });
  }

  list(userId?: string): SimNotification[] {
    return this.shown
      .filter((n) => userId === undefined || n.userId === userId)
      .map((n) => ({ ...n }));
  }
}
