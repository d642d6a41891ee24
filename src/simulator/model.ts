import type { Json, Rect } from '../sdk/surface';
import type { IframeKind, SimIframe, SimTab, SimUser } from './api';
import type { Subscriptions } from './subscriptions';

/** Internal state of a user; `SimUser` objects handed out are live views over it. */
export type UserState = {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly hasApp: boolean;
  /** The network flag of setOnline; presence also needs an open tab (see `isPresent`). */
  online: boolean;
  viewport: Rect;
  /** attention.follow: whom this user follows. */
  followingId: string | null;
  readonly tabs: TabState[];
  removed: boolean;
  face: SimUser;
};

export type TabState = {
  readonly id: string;
  readonly user: UserState;
  headless: FrameState | null;
  panel: FrameState | null;
  panelRequest: { url: string; data?: Json } | null;
  /** Resolvers of `waitForClose` of the open panel. */
  panelClosers: Array<(result: Json | undefined) => void>;
  foreignPanelOpen: boolean;
  selection: string[];
  closed: boolean;
  face: SimTab;
};

/** One app iframe with its own subscriptions and call FIFO. */
export type FrameState = {
  readonly id: string;
  readonly kind: IframeKind;
  readonly tab: TabState;
  readonly subs: Subscriptions;
  destroyed: boolean;
  face: SimIframe;
};

/** A user is on the board (U1) while their network is up and at least one tab is open. */
export const isPresent = (user: UserState): boolean =>
  user.online && !user.removed && user.tabs.some((tab) => !tab.closed);

/** A frame can receive deliveries while it lives and its user is connected. */
export const canReceive = (frame: FrameState): boolean =>
  !frame.destroyed && !frame.tab.closed && frame.tab.user.online && !frame.tab.user.removed;
