import type { OnlineUserInfo, Rect } from '../sdk/surface';
import type { SimTab, SimUser } from './api';
import { conflict, invalid, notFound } from './errors';
import { type Hub, tabFrames } from './hub';
import { copyJson } from './json';
import { canReceive, type FrameState, isPresent, type TabState, type UserState } from './model';
import { topics } from './subscriptions';

const DEFAULT_VIEWPORT: Rect = { x: -960, y: -540, width: 1920, height: 1080 };

export type UserHooks = {
  /** Builds an app iframe (headless or panel) with its own `miro`. */
  spawnFrame(tab: TabState, kind: 'headless' | 'panel'): FrameState;
  /** Closes the tab's panel (destroying it, resolving `waitForClose`). */
  closePanel(tab: TabState): void;
  /** A user appeared on or left the board (U2, C11, C13). */
  presenceChanged(user: UserState, present: boolean): void;
};

/** Users, their tabs and presence (U1, U2), viewports and the follow relation. */
export class Users {
  private userSeq = 0;

  constructor(
    private readonly hub: Hub,
    private readonly hooks: UserHooks,
  ) {}

  add(props: { id?: string; name: string; hasApp?: boolean }): SimUser {
    this.userSeq += 1;
    // Miro user ids are long numeric strings; the app must treat them as opaque.
    const id = props.id ?? `3074457350${String(this.userSeq).padStart(9, '0')}`;
    if (this.hub.users.has(id)) throw conflict(`User ${id} exists`);
    const slug = props.name.toLowerCase().replace(/[^a-z0-9]+/g, '.') || 'user';
    const user: UserState = {
      id,
      name: props.name,
      email: `${slug}@example.com`,
      hasApp: props.hasApp ?? true,
      online: true,
      viewport: { ...DEFAULT_VIEWPORT },
      followingId: null,
      tabs: [],
      removed: false,
      face: null as unknown as SimUser,
    };
    user.face = this.userFace(user);
    this.hub.users.set(id, user);
    this.hub.emit({ kind: 'users' });
    return user.face;
  }

  get(userId: string): UserState {
    const user = this.hub.users.get(userId);
    if (!user || user.removed) throw notFound(`No user ${userId}`);
    return user;
  }

  remove(userId: string): void {
    const user = this.get(userId);
    const wasPresent = isPresent(user);
    for (const tab of user.tabs) this.closeTab(tab, false);
    user.removed = true;
    this.hub.users.delete(userId);
    for (const other of this.hub.users.values()) {
      if (other.followingId === userId) other.followingId = null;
    }
    if (wasPresent) this.presenceChanged(user, false);
    this.hub.emit({ kind: 'users' });
  }

  setOnline(userId: string, online: boolean): void {
    const user = this.get(userId);
    if (user.online === online) return;
    const wasPresent = isPresent(user);
    user.online = online;
    if (isPresent(user) !== wasPresent) this.presenceChanged(user, !wasPresent);
    this.hub.emit({ kind: 'users' });
  }

  openTab(userId: string): SimTab {
    const user = this.get(userId);
    const wasPresent = isPresent(user);
    const tab: TabState = {
      id: this.hub.id('tab'),
      user,
      headless: null,
      panel: null,
      panelRequest: null,
      panelClosers: [],
      foreignPanelOpen: false,
      selection: [],
      closed: false,
      face: null as unknown as SimTab,
    };
    tab.face = this.tabFace(tab);
    user.tabs.push(tab);
    if (user.hasApp) tab.headless = this.hooks.spawnFrame(tab, 'headless');
    if (!wasPresent && isPresent(user)) this.presenceChanged(user, true);
    this.hub.emit({ kind: 'users' });
    return tab.face;
  }

  closeTab(tab: TabState, reportPresence = true): void {
    if (tab.closed) return;
    const wasPresent = isPresent(tab.user);
    this.hooks.closePanel(tab);
    tab.headless?.face.destroy();
    tab.closed = true;
    if (reportPresence && wasPresent && !isPresent(tab.user)) {
      this.presenceChanged(tab.user, false);
    }
    this.hub.emit({ kind: 'users' });
  }

  tabs(userId?: string): SimTab[] {
    const users = userId === undefined ? [...this.hub.users.values()] : [this.get(userId)];
    return users.flatMap((user) => user.tabs.filter((tab) => !tab.closed).map((tab) => tab.face));
  }

  tabById(tabId: string): TabState {
    for (const user of this.hub.users.values()) {
      const tab = user.tabs.find((t) => t.id === tabId && !t.closed);
      if (tab) return tab;
    }
    throw notFound(`No open tab ${tabId}`);
  }

  /** U1: one entry per present user, whatever the number of tabs. */
  online(): OnlineUserInfo[] {
    return [...this.hub.users.values()]
      .filter(isPresent)
      .map((user) => ({ id: user.id, name: user.name }));
  }

  /** Moves a user's viewport; those who follow them see the same (attention). */
  setViewport(user: UserState, viewport: Rect): Rect {
    const valid = [viewport?.x, viewport?.y, viewport?.width, viewport?.height].every(
      (n) => typeof n === 'number' && Number.isFinite(n),
    );
    if (!valid || !(viewport.width > 0 && viewport.height > 0)) {
      throw invalid('Viewport needs finite x, y and a positive width and height');
    }
    const moved = (target: UserState, seen: Set<string>): void => {
      if (seen.has(target.id)) return;
      seen.add(target.id);
      target.viewport = { ...viewport };
      this.hub.emit({ kind: 'viewport', userId: target.id });
      for (const follower of this.hub.users.values()) {
        if (follower.followingId === target.id) moved(follower, seen);
      }
    };
    moved(user, new Set());
    return { ...viewport };
  }

  private presenceChanged(user: UserState, present: boolean): void {
    this.hooks.presenceChanged(user, present);
    const users = this.online();
    const payload = this.hub.options.onlineUsersPayload === 'full' ? users : [];
    for (const frame of this.hub.frames()) {
      if (!canReceive(frame)) continue;
      const records = frame.subs.active(topics.ui('online_users:update'));
      this.hub.deliver(frame, 'ui', records, () => [{ users: copyJson(payload) }], {
        mayDuplicate: true,
      });
    }
  }

  private userFace(user: UserState): SimUser {
    const users = this;
    return {
      id: user.id,
      name: user.name,
      email: user.email,
      hasApp: user.hasApp,
      get online() {
        return user.online;
      },
      set online(value: boolean) {
        users.setOnline(user.id, value);
      },
      get viewport() {
        return { ...user.viewport };
      },
      set viewport(value: Rect) {
        users.setViewport(user, value);
      },
    };
  }

  private tabFace(tab: TabState): SimTab {
    const hooks = this.hooks;
    const hub = this.hub;
    return {
      id: tab.id,
      get user() {
        return tab.user.face;
      },
      get headless() {
        return tab.headless?.face ?? null;
      },
      get panel() {
        return tab.panel?.face ?? null;
      },
      get panelRequest() {
        return tab.panelRequest ? copyJson(tab.panelRequest) : null;
      },
      closePanel: () => hooks.closePanel(tab),
      clickAppIcon: () => {
        const frame = tab.headless;
        if (!frame || !canReceive(frame)) return;
        hub.deliver(frame, 'ui', frame.subs.active(topics.ui('icon:click')), () => []);
      },
      reloadApp: () => {
        if (tab.closed) return null;
        hooks.closePanel(tab);
        tab.headless?.face.destroy();
        tab.headless = tab.user.hasApp ? hooks.spawnFrame(tab, 'headless') : null;
        hub.emit({ kind: 'panel', tabId: tab.id });
        return tab.headless?.face ?? null;
      },
      close: () => this.closeTab(tab),
      get closed() {
        return tab.closed;
      },
    };
  }
}

export const framesOfUser = (user: UserState): FrameState[] => user.tabs.flatMap(tabFrames);
