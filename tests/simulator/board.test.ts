import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BoardChange } from '../../src/simulator/api';
import { fakeBoard, miroOf, recorder, rejection, run, settle, userWithTab } from './helpers';

afterEach(() => {
  vi.useRealTimers();
});

describe('users and presence (miro-sdk.md 2.8, U1–U3)', () => {
  it('getUserInfo returns id, name and email (U3 default) and no email in the variant', async () => {
    const board = fakeBoard();
    const { user, miro } = userWithTab(board, 'Ada Lovelace');
    expect(await run(board, miro.board.getUserInfo())).toEqual({
      id: user.id,
      name: 'Ada Lovelace',
      email: user.email,
    });
    board.setOptions({ userInfoEmail: false });
    expect(await run(board, miro.board.getUserInfo())).toEqual({
      id: user.id,
      name: 'Ada Lovelace',
    });
  });

  it('getOnlineUsers includes the caller once however many tabs they have (U1)', async () => {
    const board = fakeBoard();
    const a = userWithTab(board, 'A');
    board.openTab(a.user.id);
    const b = userWithTab(board, 'B');
    board.addUser({ name: 'No tab yet' });
    expect(await run(board, a.miro.board.getOnlineUsers())).toEqual([
      { id: a.user.id, name: 'A' },
      { id: b.user.id, name: 'B' },
    ]);
  });

  it('online_users:update fires when the set of online users changes, not for a second tab (U2 default)', async () => {
    const board = fakeBoard();
    const a = userWithTab(board, 'A');
    const seen = recorder<[{ users: Array<{ id: string }> }]>();
    await run(board, Promise.resolve(a.miro.board.ui.on('online_users:update', seen.handler)));
    const b = userWithTab(board, 'B');
    await settle(board);
    board.openTab(b.user.id);
    await settle(board);
    board.setOnline(b.user.id, false);
    await settle(board);
    expect(seen.calls.map(([e]) => e.users.map((u) => u.id))).toEqual([
      [a.user.id, b.user.id],
      [a.user.id],
    ]);
  });

  it("onlineUsersPayload 'empty': the event carries no users, apps must re-fetch (U2 variant)", async () => {
    const board = fakeBoard({ onlineUsersPayload: 'empty' });
    const a = userWithTab(board, 'A');
    const seen = recorder<[{ users: unknown[] }]>();
    await run(board, Promise.resolve(a.miro.board.ui.on('online_users:update', seen.handler)));
    userWithTab(board, 'B');
    await settle(board);
    expect(seen.calls).toEqual([[{ users: [] }]]);
  });

  it('an offline user is not listed and their calls reject UNAVAILABLE', async () => {
    const board = fakeBoard();
    const a = userWithTab(board, 'A');
    const b = userWithTab(board, 'B');
    board.setOnline(b.user.id, false);
    expect((await run(board, a.miro.board.getOnlineUsers())).map((u) => u.name)).toEqual(['A']);
    expect((await rejection(board, b.miro.board.getInfo())).code).toBe('UNAVAILABLE');
  });
});

describe('items and selection (miro-sdk.md 2.9, 2.10, B1–B3)', () => {
  const withFrames = () => {
    const board = fakeBoard();
    const a = userWithTab(board, 'A');
    const f1 = board.addFrame({ title: 'Room 1', x: 0, y: 0, width: 400, height: 300 });
    const sticky = board.addSticky({ content: 'hi', x: 10, y: 10 });
    return { board, a, f1, sticky };
  };

  it('board.get always returns an array, also for one id, and filters by type', async () => {
    const { board, a, f1 } = withFrames();
    expect(await run(board, a.miro.board.get({ id: f1.id }))).toEqual([f1]);
    expect((await run(board, a.miro.board.get({ type: 'frame' }))).map((i) => i.id)).toEqual([
      f1.id,
    ]);
    expect((await run(board, a.miro.board.get())).length).toBe(2);
  });

  it("get with an unknown id resolves [] (B1 default) or rejects ('reject' variant)", async () => {
    const { board, a } = withFrames();
    expect(await run(board, a.miro.board.get({ id: 'nope' }))).toEqual([]);
    board.setOptions({ getUnknownId: 'reject' });
    expect((await rejection(board, a.miro.board.get({ id: 'nope' }))).code).toBe('NOT_FOUND');
  });

  it("get({type, id}) ANDs both filters (B2 default); 'ignore-type' uses the id only", async () => {
    const { board, a, sticky } = withFrames();
    const filter = { type: 'frame', id: sticky.id } as unknown as { id: string };
    expect(await run(board, a.miro.board.get(filter))).toEqual([]);
    board.setOptions({ getTypeAndId: 'ignore-type' });
    expect((await run(board, a.miro.board.get(filter))).map((i) => i.id)).toEqual([sticky.id]);
  });

  it("getById of an unknown id rejects (B3 default) or resolves undefined ('undefined' variant)", async () => {
    const { board, a, f1 } = withFrames();
    expect(await run(board, a.miro.board.getById(f1.id))).toEqual(f1);
    expect((await rejection(board, a.miro.board.getById('gone'))).code).toBe('NOT_FOUND');
    board.setOptions({ getByIdUnknown: 'undefined' });
    expect(await run(board, a.miro.board.getById('gone'))).toBeUndefined();
  });

  it('selection belongs to one tab: selection:update and getSelection only there (2.9)', async () => {
    const { board, a, f1 } = withFrames();
    const tab2 = board.openTab(a.user.id);
    const one = recorder<[{ items: Array<{ id: string }> }]>();
    const two = recorder();
    await run(board, Promise.resolve(a.miro.board.ui.on('selection:update', one.handler)));
    await run(board, Promise.resolve(miroOf(tab2).board.ui.on('selection:update', two.handler)));
    board.select(a.tab.id, [f1.id]);
    await settle(board);
    expect(one.calls.map(([e]) => e.items.map((i) => i.id))).toEqual([[f1.id]]);
    expect(two.calls).toEqual([]);
    expect((await run(board, a.miro.board.getSelection())).map((i) => i.id)).toEqual([f1.id]);
    expect(await run(board, miroOf(tab2).board.getSelection())).toEqual([]);
  });

  it('renaming a frame emits experimental:items:update; deleting emits items:delete and clears selection', async () => {
    const { board, a, f1 } = withFrames();
    const updates = recorder<[{ items: Array<{ id: string; title?: string }> }]>();
    const deletes = recorder<[{ items: Array<{ id: string }> }]>();
    await run(
      board,
      Promise.resolve(a.miro.board.ui.on('experimental:items:update', updates.handler)),
    );
    await run(board, Promise.resolve(a.miro.board.ui.on('items:delete', deletes.handler)));
    board.select(a.tab.id, [f1.id]);
    board.renameFrame(f1.id, 'Renamed');
    board.deleteItem(f1.id);
    await settle(board);
    expect(updates.calls.map(([e]) => e.items[0]?.title)).toEqual(['Renamed']);
    expect(deletes.calls.map(([e]) => e.items[0]?.id)).toEqual([f1.id]);
    expect(board.selection(a.tab.id)).toEqual([]);
  });

  it('createFrame adds a frame to the board', async () => {
    const board = fakeBoard();
    const { miro } = userWithTab(board, 'A');
    const frame = await run(board, miro.board.createFrame({ title: 'Main', x: 5, y: 6 }));
    expect(frame).toMatchObject({ type: 'frame', title: 'Main', x: 5, y: 6 });
    expect(board.items().map((i) => i.id)).toEqual([frame.id]);
  });
});

describe('viewport and attention (miro-sdk.md 2.3, 2.11)', () => {
  it("viewport.set and zoomTo move only the caller's viewport; x/y is the top-left corner", async () => {
    const board = fakeBoard();
    const a = userWithTab(board, 'A');
    const b = userWithTab(board, 'B');
    const before = b.user.viewport;
    const rect = { x: 100, y: 200, width: 800, height: 600 };
    expect(await run(board, a.miro.board.viewport.set({ viewport: rect }))).toEqual(rect);
    expect(await run(board, a.miro.board.viewport.get())).toEqual(rect);
    const frame = board.addFrame({ title: 'R', x: 0, y: 0, width: 1000, height: 500 });
    await run(board, a.miro.board.viewport.zoomTo(frame));
    const vp = a.user.viewport;
    expect(vp.x).toBeLessThanOrEqual(-500);
    expect(vp.y).toBeLessThanOrEqual(-250);
    expect(vp.x + vp.width).toBeGreaterThanOrEqual(500);
    expect(b.user.viewport).toEqual(before);
  });

  it('follow makes the followers see the followee viewport, and unfollow stops it', async () => {
    const board = fakeBoard();
    const f = userWithTab(board, 'F');
    const p = userWithTab(board, 'P');
    const fInfo = { id: f.user.id, name: 'F' };
    await run(
      board,
      f.miro.board.collaboration.attention.follow(fInfo, {
        followers: [{ id: p.user.id, name: 'P' }],
      }),
    );
    expect(await run(board, p.miro.board.collaboration.attention.isFollowing())).toBe(true);
    expect(await run(board, p.miro.board.collaboration.attention.getFollowedUser())).toEqual(fInfo);
    const rect = { x: 1, y: 2, width: 300, height: 200 };
    await run(board, f.miro.board.viewport.set({ viewport: rect }));
    expect(p.user.viewport).toEqual(rect);
    await run(board, p.miro.board.collaboration.attention.unfollow());
    await run(board, f.miro.board.viewport.set({ viewport: { ...rect, x: 50 } }));
    expect(p.user.viewport).toEqual(rect);
    expect(await run(board, p.miro.board.collaboration.attention.isFollowing())).toBe(false);
  });
});

describe('notifications (miro-sdk.md 2.7, N1, N2)', () => {
  it('showInfo/showError are shown to the calling user and tab only, as plain text (N2)', async () => {
    const board = fakeBoard();
    const a = userWithTab(board, 'A');
    userWithTab(board, 'B');
    await run(board, a.miro.board.notifications.showInfo('<b>Hello</b> 👋'));
    await run(board, a.miro.board.notifications.showError('Oops'));
    expect(board.notifications().map((n) => [n.userId, n.tabId, n.type, n.message])).toEqual([
      [a.user.id, a.tab.id, 'info', '<b>Hello</b> 👋'],
      [a.user.id, a.tab.id, 'error', 'Oops'],
    ]);
  });

  it('a message over 80 characters is rejected (N1 default); 80 with emoji is accepted', async () => {
    const board = fakeBoard();
    const a = userWithTab(board, 'A');
    await run(board, a.miro.board.notifications.showInfo(`${'x'.repeat(79)}👋`));
    expect((await rejection(board, a.miro.board.notifications.showInfo('x'.repeat(81)))).code).toBe(
      'INVALID_INPUT',
    );
    expect(board.notifications().length).toBe(1);
  });

  it("notificationOverflow 'truncate' cuts the message to 80 characters (N1 variant)", async () => {
    const board = fakeBoard({ notificationOverflow: 'truncate' });
    const a = userWithTab(board, 'A');
    await run(board, a.miro.board.notifications.showInfo('y'.repeat(100)));
    expect(board.notifications()[0]?.message).toBe('y'.repeat(80));
  });
});

describe('iframes, panels and tabs (miro-sdk.md 1.1–1.3, 2.12, P1, P2)', () => {
  it('icon:click reaches only the headless iframe', async () => {
    const board = fakeBoard();
    const a = userWithTab(board, 'A');
    const headless = recorder();
    const panel = recorder();
    await run(board, Promise.resolve(a.miro.board.ui.on('icon:click', headless.handler)));
    await run(board, a.miro.board.ui.openPanel({ url: 'app.html' }));
    await run(board, Promise.resolve(a.tab.panel?.miro.board.ui.on('icon:click', panel.handler)));
    a.tab.clickAppIcon();
    await settle(board);
    expect(headless.calls.length).toBe(1);
    expect(panel.calls).toEqual([]);
  });

  it('openPanel creates a panel iframe, calls the panel host, and getPanelData returns the data there', async () => {
    const board = fakeBoard();
    const a = userWithTab(board, 'A');
    const hosted: string[] = [];
    board.setPanelHost((tab, request) => {
      hosted.push(`${tab.id}:${request.url}:${tab.panel?.kind}`);
    });
    await run(board, a.miro.board.ui.openPanel({ url: 'app.html', data: { role: 'facilitator' } }));
    expect(hosted).toEqual([`${a.tab.id}:app.html:panel`]);
    expect(a.tab.panelRequest).toEqual({ url: 'app.html', data: { role: 'facilitator' } });
    expect(
      await run(board, a.tab.panel?.miro.board.ui.getPanelData() ?? Promise.resolve()),
    ).toEqual({ role: 'facilitator' });
  });

  it("closePanel(result) from the panel resolves the opener's waitForClose with the result and destroys the panel", async () => {
    const board = fakeBoard();
    const a = userWithTab(board, 'A');
    const handle = await run(board, a.miro.board.ui.openPanel({ url: 'app.html' }));
    const panel = a.tab.panel;
    const closed = handle.waitForClose();
    await run(board, panel?.miro.board.ui.closePanel({ done: true }) ?? Promise.resolve());
    expect(await run(board, closed)).toEqual({ done: true });
    expect(panel?.destroyed).toBe(true);
    expect(a.tab.panel).toBeNull();
  });

  it('openPanel while our panel is open replaces it; the old waitForClose resolves undefined (P1 default)', async () => {
    const board = fakeBoard();
    const a = userWithTab(board, 'A');
    const first = await run(board, a.miro.board.ui.openPanel({ url: 'one.html' }));
    const oldPanel = a.tab.panel;
    const closed = first.waitForClose();
    await run(board, a.miro.board.ui.openPanel({ url: 'two.html' }));
    expect(await run(board, closed)).toBeUndefined();
    expect(oldPanel?.destroyed).toBe(true);
    expect(a.tab.panelRequest?.url).toBe('two.html');
  });

  it("reopenPanel 'no-op' keeps the open panel (P1 variant)", async () => {
    const board = fakeBoard({ reopenPanel: 'no-op' });
    const a = userWithTab(board, 'A');
    await run(board, a.miro.board.ui.openPanel({ url: 'one.html' }));
    const panel = a.tab.panel;
    await run(board, a.miro.board.ui.openPanel({ url: 'two.html' }));
    expect(a.tab.panel).toBe(panel);
    expect(a.tab.panelRequest?.url).toBe('one.html');
  });

  it("another app's open panel: canOpenPanel false and openPanel rejects (P2)", async () => {
    const board = fakeBoard();
    const a = userWithTab(board, 'A');
    board.setForeignPanelOpen(a.tab.id, true);
    expect(await run(board, a.miro.board.ui.canOpenPanel())).toBe(false);
    expect((await rejection(board, a.miro.board.ui.openPanel({ url: 'app.html' }))).code).toBe(
      'CONFLICT',
    );
    expect(a.tab.panel).toBeNull();
  });

  it('two tabs of one user are independent instances with the same user id (1.2)', async () => {
    const board = fakeBoard();
    const a = userWithTab(board, 'A');
    const tab2 = board.openTab(a.user.id);
    expect(tab2.headless?.miro).not.toBe(a.miro);
    expect((await run(board, miroOf(tab2).board.getUserInfo())).id).toBe(a.user.id);
    await run(board, a.miro.board.ui.openPanel({ url: 'app.html' }));
    expect(tab2.panel).toBeNull();
  });

  it('reloadApp recreates the headless iframe; subscriptions of the old one are gone', async () => {
    const board = fakeBoard();
    const a = userWithTab(board, 'A');
    const b = userWithTab(board, 'B');
    const old = recorder();
    await run(board, a.miro.board.events.on('m', old.handler));
    const oldFrame = a.tab.headless;
    const fresh = a.tab.reloadApp();
    expect(oldFrame?.destroyed).toBe(true);
    expect(fresh).not.toBe(oldFrame);
    const renewed = recorder();
    await run(board, fresh?.miro.board.events.on('m', renewed.handler) ?? Promise.resolve());
    await run(board, b.miro.board.events.broadcast('m', 1));
    await settle(board);
    expect(old.calls).toEqual([]);
    expect(renewed.calls).toEqual([[1]]);
  });

  it('subscribe reports board changes for a renderer', async () => {
    const board = fakeBoard();
    const changes: BoardChange['kind'][] = [];
    board.subscribe((change) => changes.push(change.kind));
    const a = userWithTab(board, 'A');
    board.addFrame({ title: 'R', x: 0, y: 0, width: 10, height: 10 });
    await run(board, a.miro.board.notifications.showInfo('hi'));
    expect(changes).toEqual(expect.arrayContaining(['users', 'items', 'notification']));
  });
});
