import type { BoardInfo } from '../sdk/surface';
import type { Attention } from './attention';
import type { Hub } from './hub';
import type { Invitations } from './invitations';
import type { Items } from './items';
import type { Notifications } from './notifications';
import type { Panels } from './panels';
import type { RealtimeEvents } from './realtime-events';
import type { Sessions } from './sessions';
import type { Storage } from './storage';
import type { BoardTimer } from './timer';
import type { Users } from './users';

/** Everything a simulated `miro` object calls into; one set per board. */
export type Services = {
  readonly hub: Hub;
  readonly info: BoardInfo;
  readonly users: Users;
  readonly items: Items;
  readonly panels: Panels;
  readonly storage: Storage;
  readonly events: RealtimeEvents;
  readonly timer: BoardTimer;
  readonly sessions: Sessions;
  readonly invitations: Invitations;
  readonly notifications: Notifications;
  readonly attention: Attention;
};

/**
 * Runs `prepare` now (argument validation and the S7 copy happen at call time, so later
 * mutation by app code cannot leak in) but reports its error only when the call settles: the
 * SDK never throws synchronously.
 */
export const capture = <T>(prepare: () => T): (() => T) => {
  try {
    const value = prepare();
    return () => value;
  } catch (error) {
    return () => {
      throw error;
    };
  }
};
