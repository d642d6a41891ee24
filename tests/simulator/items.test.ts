import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FrameItem, ItemsEvent, StickyNoteItem } from '../../src/sdk/surface';
import { fakeBoard, recorder, rejection, run, settle, userWithTab } from './helpers';

afterEach(() => {
  vi.useRealTimers();
});

const room = { title: 'Room 1', x: 1000, y: 500, width: 800, height: 600 };
/** The frame's top-left corner, where its children's coordinates start. */
const corner = { x: room.x - room.width / 2, y: room.y - room.height / 2 };

const roomBoard = (options = {}) => {
  const board = fakeBoard(options);
  const a = userWithTab(board, 'A');
  const frame = board.addFrame(room);
  return { board, a, frame };
};

const frameOf = async (
  board: ReturnType<typeof fakeBoard>,
  miro: ReturnType<typeof userWithTab>['miro'],
  id: string,
) => {
  const [frame] = await run(board, miro.board.get({ id }));
  return frame as FrameItem;
};

describe('creating items (miro-sdk.md 2.10a)', () => {
  it('each create* returns the item with the fields websdk-types gives it: id, centre, parentId, authors, times, style, content', async () => {
    const { board, a } = roomBoard();
    const made = await run(
      board,
      a.miro.board.createStickyNote({
        content: '<p>Risks</p>',
        x: 10,
        y: 20,
        style: { fillColor: 'light_green' },
      }),
    );
    const stamp = new Date(Date.now()).toISOString();
    expect(made).toMatchObject({
      type: 'sticky_note',
      content: '<p>Risks</p>',
      x: 10,
      y: 20,
      parentId: null,
      createdBy: a.user.id,
      modifiedBy: a.user.id,
      style: { fillColor: 'light_green', textAlign: 'center', textAlignVertical: 'middle' },
    });
    expect(made.createdAt).toBe(stamp);
    expect(made.modifiedAt).toBe(stamp);
    const kinds = await Promise.all([
      run(board, a.miro.board.createText({ content: '<p>Prompt</p>', x: 0, y: 0 })),
      run(board, a.miro.board.createShape({ content: 'Box', shape: 'circle', x: 0, y: 0 })),
      run(board, a.miro.board.createCard({ title: 'Task', x: 0, y: 0 })),
      run(board, a.miro.board.createImage({ url: 'https://example.com/a.png', x: 0, y: 0 })),
      run(board, a.miro.board.createEmbed({ url: 'https://example.com/v', x: 0, y: 0 })),
      run(
        board,
        a.miro.board.createFrame({ title: 'F', x: 0, y: 0, style: { fillColor: '#eee' } }),
      ),
    ]);
    expect(kinds.map((item) => item.type)).toEqual([
      'text',
      'shape',
      'card',
      'image',
      'embed',
      'frame',
    ]);
    expect(kinds[1]).toMatchObject({ shape: 'circle', style: { borderWidth: 2 } });
    expect(kinds[5]).toMatchObject({ style: { fillColor: '#eee' }, childrenIds: [] });
    expect(board.items()).toHaveLength(8);
  });

  it('bad input is rejected with INVALID_INPUT and makes nothing', async () => {
    const { board, a } = roomBoard();
    const bad = [
      () => a.miro.board.createStickyNote({ width: 100, height: 100 }),
      () => a.miro.board.createStickyNote({ style: { fillColor: 'turquoise' as 'blue' } }),
      () => a.miro.board.createShape({ shape: 'blob' as 'circle' }),
      () => a.miro.board.createText({ x: Number.NaN }),
      () => a.miro.board.createImage({ url: 'javascript:alert(1)' }),
    ];
    for (const call of bad) expect((await rejection(board, call())).code).toBe('INVALID_INPUT');
    expect(board.items()).toHaveLength(1);
  });

  it('images and embeds cost Level 3 (500 credits), other creates Level 1 (4.1)', async () => {
    const { board, a } = roomBoard();
    await run(board, a.miro.board.createImage({ url: 'https://example.com/a.png' }));
    await run(board, a.miro.board.createEmbed({ url: 'https://example.com/v' }));
    await run(board, a.miro.board.createStickyNote({}));
    expect(board.counters().credits[a.user.id]).toBe(500 + 500 + 50);
  });
});

describe('frame content: add and getChildren (2.10a, I5)', () => {
  it("frame.add makes an item the frame's child where it stands; children's x, y are relative to the frame's top-left corner", async () => {
    const { board, a, frame } = roomBoard();
    const sticky = await run(board, a.miro.board.createStickyNote({ x: 1100, y: 450 }));
    const roomFrame = await frameOf(board, a.miro, frame.id);
    const child = await run(board, roomFrame.add(sticky));
    expect(child).toMatchObject({ id: sticky.id, parentId: frame.id });
    expect([child.x, child.y]).toEqual([1100 - corner.x, 450 - corner.y]);
    expect((await frameOf(board, a.miro, frame.id)).childrenIds).toEqual([sticky.id]);
    const [drawn] = board.items().filter((item) => item.id === sticky.id);
    expect([drawn?.x, drawn?.y]).toEqual([1100, 450]);
    const children = await run(board, roomFrame.getChildren());
    expect(children.map((item) => [item.id, item.x, item.y])).toEqual([
      [sticky.id, 1100 - corner.x, 450 - corner.y],
    ]);
    expect(board.counters().calls[a.user.id]).toMatchObject({
      'frame.add': 1,
      'frame.getChildren': 1,
    });
  });

  it('adding a child twice is a no-op; adding it to another frame moves it there', async () => {
    const { board, a, frame } = roomBoard();
    const other = board.addFrame({ title: 'Room 2', x: 3000, y: 500, width: 800, height: 600 });
    const sticky = await run(board, a.miro.board.createStickyNote({ x: 1000, y: 500 }));
    const first = await frameOf(board, a.miro, frame.id);
    await run(board, first.add(sticky));
    await run(board, first.add(sticky));
    expect((await frameOf(board, a.miro, frame.id)).childrenIds).toEqual([sticky.id]);
    await run(board, (await frameOf(board, a.miro, other.id)).add(sticky));
    expect((await frameOf(board, a.miro, frame.id)).childrenIds).toEqual([]);
    expect((await frameOf(board, a.miro, other.id)).childrenIds).toEqual([sticky.id]);
  });

  it('an item created at a point inside a frame is not its child until frame.add (I5 default)', async () => {
    const { board, a, frame } = roomBoard();
    const sticky = await run(board, a.miro.board.createStickyNote({ x: 1000, y: 500 }));
    expect(sticky.parentId).toBeNull();
    expect((await frameOf(board, a.miro, frame.id)).childrenIds).toEqual([]);
  });

  it("createInsideFrame 'child': it becomes the child of the smallest frame around it (I5 variant)", async () => {
    const { board, a, frame } = roomBoard({ createInsideFrame: 'child' });
    const sticky = await run(board, a.miro.board.createStickyNote({ x: 1000, y: 500 }));
    expect(sticky.parentId).toBe(frame.id);
    expect([sticky.x, sticky.y]).toEqual([1000 - corner.x, 500 - corner.y]);
    expect((await frameOf(board, a.miro, frame.id)).childrenIds).toEqual([sticky.id]);
    const outside = await run(board, a.miro.board.createStickyNote({ x: -5000, y: 0 }));
    expect(outside.parentId).toBeNull();
  });

  it('a person drawing in a frame makes a child; deleting the frame leaves its children', async () => {
    const { board, a, frame } = roomBoard();
    const [note] = board.addItems([
      { type: 'sticky_note', content: 'idea', x: 1000, y: 500, parentId: frame.id },
    ]);
    expect((await frameOf(board, a.miro, frame.id)).childrenIds).toEqual([note?.id]);
    board.deleteItem(frame.id);
    const [left] = await run(board, a.miro.board.get({ id: note?.id ?? '' }));
    expect(left).toMatchObject({ parentId: null, x: 1000, y: 500 });
  });
});

describe('item events (2.10a, I1, I2)', () => {
  const listen = async (options = {}) => {
    const { board, a, frame } = roomBoard(options);
    const b = userWithTab(board, 'B');
    const seen = {
      aCreate: recorder<[ItemsEvent]>(),
      aUpdate: recorder<[ItemsEvent]>(),
      aDelete: recorder<[ItemsEvent]>(),
      bCreate: recorder<[ItemsEvent]>(),
    };
    await run(board, Promise.resolve(a.miro.board.ui.on('items:create', seen.aCreate.handler)));
    await run(
      board,
      Promise.resolve(a.miro.board.ui.on('experimental:items:update', seen.aUpdate.handler)),
    );
    await run(board, Promise.resolve(a.miro.board.ui.on('items:delete', seen.aDelete.handler)));
    await run(board, Promise.resolve(b.miro.board.ui.on('items:create', seen.bCreate.handler)));
    return { board, a, b, frame, seen };
  };
  const ids = (calls: [ItemsEvent][]) => calls.map(([event]) => event.items.map((i) => i.id));

  it('create, change and delete reach every app iframe, whoever made them (I1 default)', async () => {
    const { board, b, seen } = await listen();
    const made = await run(board, b.miro.board.createStickyNote({ x: 1000, y: 500 }));
    const [drawn] = board.addItems([{ type: 'text', content: 'x', x: 0, y: 0 }], { by: b.user.id });
    board.editItem(made.id, '<p>changed</p>', { by: b.user.id });
    board.deleteItem(made.id, { by: b.user.id });
    await settle(board);
    expect(ids(seen.aCreate.calls)).toEqual([[made.id], [drawn?.id]]);
    expect(ids(seen.bCreate.calls)).toEqual([[made.id], [drawn?.id]]);
    expect(seen.aUpdate.calls.map(([e]) => (e.items[0] as StickyNoteItem).content)).toEqual([
      '<p>changed</p>',
    ]);
    expect(ids(seen.aDelete.calls)).toEqual([[made.id]]);
  });

  it("itemEventRecipients 'own-tabs': only the author's own tabs hear of a change (I1 variant)", async () => {
    const { board, a, b, seen } = await listen({ itemEventRecipients: 'own-tabs' });
    await run(board, b.miro.board.createStickyNote({}));
    const mine = await run(board, a.miro.board.createStickyNote({}));
    board.addItems([{ type: 'sticky_note', x: 0, y: 0 }]);
    await settle(board);
    expect(ids(seen.aCreate.calls)).toEqual([[mine.id]]);
    expect(seen.bCreate.calls).toHaveLength(1);
  });

  it("itemEventRecipients 'none': item events never fire (I1 variant)", async () => {
    const { board, b, seen } = await listen({ itemEventRecipients: 'none' });
    await run(board, b.miro.board.createStickyNote({}));
    board.addItems([{ type: 'sticky_note', x: 0, y: 0 }], { by: b.user.id });
    await settle(board);
    expect([...seen.aCreate.calls, ...seen.bCreate.calls]).toEqual([]);
  });

  it('a paste of several items is one event (I2 default) or one event per item (variant)', async () => {
    const paste = [
      { type: 'sticky_note' as const, x: 0, y: 0 },
      { type: 'sticky_note' as const, x: 300, y: 0 },
      { type: 'text' as const, x: 600, y: 0 },
    ];
    const batched = await listen();
    batched.board.addItems(paste);
    await settle(batched.board);
    expect(batched.seen.aCreate.calls.map(([e]) => e.items.length)).toEqual([3]);
    vi.useRealTimers();
    const single = await listen({ itemEventBatching: 'per-item' });
    single.board.addItems(paste);
    await settle(single.board);
    expect(single.seen.aCreate.calls.map(([e]) => e.items.length)).toEqual([1, 1, 1]);
  });

  it("frame.add reports the child's new parent and the frame's children in one update", async () => {
    const { board, a, frame, seen } = await listen();
    const sticky = await run(board, a.miro.board.createStickyNote({ x: 1000, y: 500 }));
    await run(board, (await frameOf(board, a.miro, frame.id)).add(sticky));
    await settle(board);
    expect(seen.aUpdate.calls.map(([e]) => e.items.map((i) => i.id))).toEqual([
      [sticky.id, frame.id],
    ]);
    expect(seen.aUpdate.calls[0]?.[0].items[0]?.parentId).toBe(frame.id);
  });
});

describe('reading items others change (I3, I4)', () => {
  it('get returns the latest committed state at once (I4 default)', async () => {
    const { board, a } = roomBoard();
    const [note] = board.addItems([{ type: 'sticky_note', content: 'one', x: 0, y: 0 }]);
    board.editItem(note?.id ?? '', 'two');
    const [read] = await run(board, a.miro.board.get({ id: note?.id ?? '' }));
    expect((read as StickyNoteItem).content).toBe('two');
  });

  it("itemReadStaleMs: another user's change is not seen for that long; the author sees it at once (I4 variant)", async () => {
    const { board, a } = roomBoard({ itemReadStaleMs: 2_000 });
    const b = userWithTab(board, 'B');
    const made = await run(board, b.miro.board.createStickyNote({ content: 'one' }));
    expect(await run(board, a.miro.board.get({ id: made.id }))).toEqual([]);
    expect(await run(board, b.miro.board.get({ id: made.id }))).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await run(board, a.miro.board.get({ id: made.id }))).toHaveLength(1);
    board.editItem(made.id, 'two', { by: b.user.id });
    const [stale] = await run(board, a.miro.board.get({ id: made.id }));
    expect((stale as StickyNoteItem).content).toBe('one');
    await vi.advanceTimersByTimeAsync(2_000);
    const [fresh] = await run(board, a.miro.board.get({ id: made.id }));
    expect((fresh as StickyNoteItem).content).toBe('two');
  });

  it('creating quickly is one Level 1 call per create and per add, and can fail per method (I3, R2)', async () => {
    const { board, a, frame } = roomBoard({ failureRate: { 'board.createStickyNote': 1 } });
    expect((await rejection(board, a.miro.board.createStickyNote({}))).code).toBe('UNAVAILABLE');
    expect(board.items()).toHaveLength(1);
    board.setOptions({ failureRate: {} });
    const sticky = await run(board, a.miro.board.createStickyNote({}));
    await run(board, (await frameOf(board, a.miro, frame.id)).add(sticky));
    expect(board.counters().calls[a.user.id]).toMatchObject({
      'board.createStickyNote': 2,
      'frame.add': 1,
    });
  });
});

describe('select and deselect (2.9)', () => {
  it("select adds matching items to the caller's selection only; deselect takes them out", async () => {
    const { board, a, frame } = roomBoard();
    const tab2 = board.openTab(a.user.id);
    const seen = recorder<[{ items: Array<{ id: string }> }]>();
    await run(board, Promise.resolve(a.miro.board.ui.on('selection:update', seen.handler)));
    const selected = await run(board, a.miro.board.select({ id: frame.id }));
    expect(selected.map((item) => item.id)).toEqual([frame.id]);
    expect(board.selection(a.tab.id)).toEqual([frame.id]);
    expect(board.selection(tab2.id)).toEqual([]);
    const [note] = board.addItems([{ type: 'sticky_note', x: 0, y: 0 }]);
    await run(board, a.miro.board.select({ type: 'sticky_note' }));
    expect(board.selection(a.tab.id)).toEqual([frame.id, note?.id]);
    const out = await run(board, a.miro.board.deselect({ type: 'frame' }));
    expect(out.map((item) => item.id)).toEqual([frame.id]);
    expect(board.selection(a.tab.id)).toEqual([note?.id]);
    await run(board, a.miro.board.deselect());
    expect(board.selection(a.tab.id)).toEqual([]);
    await settle(board);
    expect(seen.calls.map(([e]) => e.items.length)).toEqual([1, 2, 1, 0]);
  });
});

describe('ui events, notifications and features (2.6, 2.7, 2.12, X1)', () => {
  it('ui.on accepts every event name websdk-types allows, custom actions included; others reject', async () => {
    const { board, a } = roomBoard();
    const names = [
      'icon:click',
      'drop',
      'app_card:open',
      'app_card:connect',
      'selection:update',
      'online_users:update',
      'items:create',
      'experimental:items:update',
      'items:delete',
      'custom:tidy-up',
    ] as const;
    for (const name of names) {
      await run(board, Promise.resolve(a.miro.board.ui.on(name, () => {})));
    }
    const unknown = Promise.resolve(a.miro.board.ui.on('items:move' as 'drop', () => {}));
    expect((await rejection(board, unknown)).code).toBe('INVALID_INPUT');
  });

  it('notifications.show({type, message}) shows like showInfo/showError, with the same 80-character rule', async () => {
    const { board, a } = roomBoard();
    await run(board, a.miro.board.notifications.show({ type: 'info', message: 'Copied' }));
    await run(board, a.miro.board.notifications.show({ type: 'error', message: 'Stopped' }));
    const tooLong = a.miro.board.notifications.show({ type: 'info', message: 'x'.repeat(81) });
    expect((await rejection(board, tooLong)).code).toBe('INVALID_INPUT');
    const badType = a.miro.board.notifications.show({ type: 'warn' as 'info', message: 'x' });
    expect((await rejection(board, badType)).code).toBe('INVALID_INPUT');
    expect(board.notifications().map((n) => [n.type, n.message])).toEqual([
      ['info', 'Copied'],
      ['error', 'Stopped'],
    ]);
  });

  it('canUse has a switch per feature: timer (T4) and voting', async () => {
    const { board, a } = roomBoard();
    expect(await run(board, a.miro.board.canUse('timer'))).toBe(true);
    expect(await run(board, a.miro.board.canUse('voting'))).toBe(true);
    board.setOptions({ votingEntitled: false });
    expect(await run(board, a.miro.board.canUse('voting'))).toBe(false);
    expect(await run(board, a.miro.board.canUse('timer'))).toBe(true);
    board.setOptions({ timerEntitled: false });
    expect(await run(board, a.miro.board.canUse('timer'))).toBe(false);
  });

  it('the same handler registered twice is called once (X1 default), once per registration in the variant', async () => {
    for (const [duplicateRegistration, expected] of [
      ['once', 1],
      ['per-registration', 2],
    ] as const) {
      const board = fakeBoard({ duplicateRegistration });
      const a = userWithTab(board, 'A');
      const b = userWithTab(board, 'B');
      const seen = recorder();
      await run(board, a.miro.board.events.on('ping', seen.handler));
      await run(board, a.miro.board.events.on('ping', seen.handler));
      await run(board, b.miro.board.events.broadcast('ping', 1));
      await settle(board);
      expect(seen.calls).toHaveLength(expected);
      await run(board, a.miro.board.events.off('ping', seen.handler));
      await run(board, b.miro.board.events.broadcast('ping', 2));
      await settle(board);
      expect(seen.calls).toHaveLength(expected);
      vi.useRealTimers();
    }
  });
});
