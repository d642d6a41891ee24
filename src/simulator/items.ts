import type { FrameData, ItemFilter, ItemRef, Rect } from '../sdk/surface';
import type { SimItem, SimItemProps } from './api';
import { invalid, notFound } from './errors';
import type { Hub } from './hub';
import { type CreatableType, createdRecord, drawnRecord, UNMODELLED_AUTHOR } from './item-records';
import { copyJson } from './json';
import { canReceive, type FrameState, type TabState } from './model';
import { topics } from './subscriptions';

type ItemEvent = 'items:create' | 'experimental:items:update' | 'items:delete';

/** Who made a change: the user whose app called, or someone the board does not model (null). */
export type Author = string | null;

/** I4: the state another user still reads for a while after a change. */
type Change = { before: SimItem | null; at: number; by: Author };

const isFrameRecord = (item: SimItem | undefined): item is FrameData => item?.type === 'frame';

const centreInside = (item: SimItem, frame: FrameData) =>
  Math.abs(item.x - frame.x) <= frame.width / 2 && Math.abs(item.y - frame.y) <= frame.height / 2;

/**
 * Board items (miro-sdk.md 2.9–2.10a, B1–B3, I1–I5): records with the fields websdk-types gives
 * them, kept in board coordinates; the SDK's view of a child is relative to its frame's top-left
 * corner. Creating, changing and deleting send item events (I1 recipients, I2 batching).
 */
export class Items {
  private readonly items = new Map<string, SimItem>();
  private readonly changes = new Map<string, Change>();

  constructor(private readonly hub: Hub) {}

  /** Every item in board coordinates (the playground's drawing, tests). */
  list(): SimItem[] {
    return [...this.items.values()].map((item) => copyJson(item));
  }

  has(id: string): boolean {
    return this.items.has(id);
  }

  /** `board.create<Type>` from `caller`: I5 decides whether a point inside a frame makes a child. */
  create(type: CreatableType, props: unknown, caller: FrameState): SimItem {
    const author = caller.tab.user.id;
    const record = createdRecord(type, props, this.stamp(type, author));
    const frame = type === 'frame' ? undefined : this.frameAround(record);
    this.store(record, null, author);
    if (frame && this.hub.options.createInsideFrame === 'child') this.adopt(frame, record, author);
    this.hub.emit({ kind: 'items' });
    this.announce('items:create', [record.id], author);
    return this.view(record.id, author) as SimItem;
  }

  /** A frame drawn by a person (or the test). */
  addFrame(
    props: { title?: string; x?: number; y?: number; width?: number; height?: number },
    author: Author = null,
  ): FrameData {
    const record = createdRecord('frame', props, this.stamp('frame', author)) as FrameData;
    this.store(record, null, author);
    this.hub.emit({ kind: 'items' });
    this.announce('items:create', [record.id], author);
    return copyJson(record);
  }

  /** Items a person draws in one action; one drawn inside `parentId` becomes its child. */
  draw(
    drawn: ReadonlyArray<SimItemProps & { x: number; y: number; parentId?: string }>,
    author: Author,
  ): SimItem[] {
    const made = drawn.map(({ parentId, ...props }) => {
      const record = drawnRecord(props, this.stamp(props.type, author));
      this.store(record, null, author);
      const parent = parentId === undefined ? undefined : this.items.get(parentId);
      if (isFrameRecord(parent)) this.adopt(parent, record, author);
      return record;
    });
    this.hub.emit({ kind: 'items' });
    this.announce(
      'items:create',
      made.map((record) => record.id),
      author,
    );
    return made.map((record) => copyJson(this.items.get(record.id) as SimItem));
  }

  /** A person edits the text an item shows (a card's title, a frame's title, others' content). */
  edit(itemId: string, text: string, author: Author): void {
    const item = this.items.get(itemId);
    if (!item) throw notFound(`No item ${itemId}`);
    const next: Record<string, unknown> = { ...item, ...this.modified(author) };
    if (item.type === 'frame' || item.type === 'card' || item.type === 'image') next.title = text;
    else if ('content' in item) next.content = text;
    else throw invalid(`A ${item.type} has no text to edit`);
    this.store(next as SimItem, item, author);
    this.hub.emit({ kind: 'items' });
    this.announce('experimental:items:update', [itemId], author);
  }

  /** Deletes an item: `items:delete`, and it leaves every selection; its children stay. */
  delete(itemId: string, tabs: TabState[], author: Author): void {
    const item = this.items.get(itemId);
    if (!item) throw notFound(`No item ${itemId}`);
    const gone = this.view(itemId) as SimItem;
    this.record(item.id, item, author);
    this.items.delete(itemId);
    for (const other of [...this.items.values()]) {
      if (isFrameRecord(other) && other.childrenIds.includes(itemId)) {
        this.store(
          { ...other, childrenIds: other.childrenIds.filter((id) => id !== itemId) },
          other,
          author,
        );
      } else if (other.parentId === itemId) {
        this.store({ ...other, parentId: null }, other, author);
      }
    }
    this.hub.emit({ kind: 'items' });
    this.announce('items:delete', [itemId], author, gone);
    for (const tab of tabs) {
      if (tab.selection.includes(itemId)) {
        this.select(
          tab,
          tab.selection.filter((id) => id !== itemId),
        );
      }
    }
  }

  /** `frame.add(item)`: the item becomes the frame's child where it stands (a no-op if it is). */
  add(frameId: string, ref: ItemRef, caller: FrameState): SimItem {
    const author = caller.tab.user.id;
    const frame = this.items.get(frameId);
    if (!isFrameRecord(frame)) throw notFound(`No frame ${frameId}`);
    const item = this.items.get(String(ref?.id));
    if (!item) throw notFound(`No item with id ${String(ref?.id)}`);
    if (item.type === 'frame') throw invalid('The simulator does not nest frames');
    if (item.parentId !== frame.id) {
      this.adopt(frame, item, author);
      this.hub.emit({ kind: 'items' });
      this.announce('experimental:items:update', [item.id, frame.id], author);
    }
    return this.view(item.id, author) as SimItem;
  }

  /** `frame.getChildren()`: direct children, as the caller reads them (I4). */
  children(frameId: string, reader: Author): SimItem[] {
    const frame = this.visible(frameId, reader);
    if (!isFrameRecord(frame ?? undefined)) throw notFound(`No frame ${frameId}`);
    return (frame as FrameData).childrenIds
      .map((id) => this.view(id, reader))
      .filter((item): item is SimItem => item !== null);
  }

  /** `board.get` (always an array; B1 unknown ids, B2 type + id), as the caller reads it (I4). */
  query(filter: ItemFilter | undefined, reader: Author): SimItem[] {
    const raw = (filter ?? {}) as { id?: string | string[]; type?: string | string[] };
    let ids = this.readableIds();
    if (raw.id !== undefined) {
      const wanted = Array.isArray(raw.id) ? raw.id : [raw.id];
      const unknown = wanted.filter((id) => this.visible(id, reader) === null);
      if (unknown.length > 0 && this.hub.options.getUnknownId === 'reject') {
        throw notFound(`No item with id ${unknown.join(', ')}`);
      }
      const set = new Set(wanted);
      ids = ids.filter((id) => set.has(id));
    }
    let result = ids
      .map((id) => this.view(id, reader))
      .filter((item): item is SimItem => item !== null);
    const typeApplies = raw.id === undefined || this.hub.options.getTypeAndId === 'and';
    if (raw.type !== undefined && typeApplies) {
      const types = Array.isArray(raw.type) ? raw.type : [raw.type];
      result = result.filter((item) => types.includes(item.type));
    }
    return result;
  }

  /** `getById` (B3). */
  byId(id: string, reader: Author): SimItem | undefined {
    const item = this.view(id, reader);
    if (item === null) {
      if (this.hub.options.getByIdUnknown === 'reject') throw notFound(`No item with id ${id}`);
      return undefined;
    }
    return item;
  }

  selected(tab: TabState): SimItem[] {
    return tab.selection
      .map((id) => this.view(id, tab.user.id))
      .filter((item): item is SimItem => item !== null);
  }

  /** Sets a tab's selection: `selection:update` goes to that tab's iframes only. */
  select(tab: TabState, itemIds: string[]): void {
    for (const id of itemIds) if (!this.items.has(id)) throw notFound(`No item ${id}`);
    tab.selection = [...new Set(itemIds)];
    this.hub.emit({ kind: 'selection', tabId: tab.id });
    const items = this.selected(tab);
    for (const frame of [tab.headless, tab.panel]) {
      if (!frame || !canReceive(frame)) continue;
      const records = frame.subs.active(topics.ui('selection:update'));
      this.hub.deliver(frame, 'ui', records, () => [{ items: copyJson(items) }], {
        mayDuplicate: true,
      });
    }
  }

  /** `board.select(filter)` adds what matches to the caller's selection; resolves with it. */
  selectMatching(tab: TabState, filter: ItemFilter | undefined): SimItem[] {
    const matched = this.query(filter, tab.user.id);
    this.select(tab, [...tab.selection, ...matched.map((item) => item.id)]);
    return matched;
  }

  /** `board.deselect(filter)` takes what matches (everything without a filter) out of it. */
  deselectMatching(tab: TabState, filter: ItemFilter | undefined): SimItem[] {
    const chosen = new Set(tab.selection);
    const matched = this.query(filter, tab.user.id).filter((item) => chosen.has(item.id));
    const out = new Set(matched.map((item) => item.id));
    this.select(
      tab,
      tab.selection.filter((id) => !out.has(id)),
    );
    return matched;
  }

  /**
   * The viewport that shows `refs` (centre-origin items) in the aspect ratio of `current`
   * (top-left origin), with a 10% margin.
   */
  viewportFor(refs: ItemRef[], current: Rect): Rect {
    if (refs.length === 0) throw invalid('zoomTo needs at least one item');
    const boxes = refs.map((ref) => {
      const item = this.items.get(String(ref?.id));
      if (!item) throw notFound(`No item with id ${String(ref?.id)}`);
      return {
        left: item.x - item.width / 2,
        top: item.y - item.height / 2,
        width: item.width,
        height: item.height,
      };
    });
    const left = Math.min(...boxes.map((b) => b.left));
    const top = Math.min(...boxes.map((b) => b.top));
    const right = Math.max(...boxes.map((b) => b.left + b.width));
    const bottom = Math.max(...boxes.map((b) => b.top + b.height));
    const aspect = current.width / current.height;
    let width = (right - left) * 1.1;
    let height = (bottom - top) * 1.1;
    if (width / height < aspect) width = height * aspect;
    else height = width / aspect;
    const centreX = (left + right) / 2;
    const centreY = (top + bottom) / 2;
    return { x: centreX - width / 2, y: centreY - height / 2, width, height };
  }

  private stamp(type: string, author: Author) {
    return {
      id: this.hub.id(type === 'sticky_note' ? 'sticky' : type),
      at: new Date(this.hub.now()).toISOString(),
      by: author ?? UNMODELLED_AUTHOR,
    };
  }

  private modified(author: Author) {
    return {
      modifiedAt: new Date(this.hub.now()).toISOString(),
      modifiedBy: author ?? UNMODELLED_AUTHOR,
    };
  }

  /** The smallest frame holding the item's centre, for I5. */
  private frameAround(item: SimItem): FrameData | undefined {
    let best: FrameData | undefined;
    for (const other of this.items.values()) {
      if (!isFrameRecord(other) || !centreInside(item, other)) continue;
      if (!best || other.width * other.height < best.width * best.height) best = other;
    }
    return best;
  }

  /** Makes `item` a child of `frame` (leaving any other frame), where it stands on the board. */
  private adopt(frame: FrameData, item: SimItem, author: Author): void {
    const previous = item.parentId === null ? undefined : this.items.get(item.parentId);
    if (isFrameRecord(previous)) {
      const childrenIds = previous.childrenIds.filter((id) => id !== item.id);
      this.store({ ...previous, childrenIds, ...this.modified(author) }, previous, author);
    }
    const current = this.items.get(frame.id) as FrameData;
    this.store(
      { ...current, childrenIds: [...current.childrenIds, item.id], ...this.modified(author) },
      current,
      author,
    );
    this.store({ ...item, parentId: frame.id, ...this.modified(author) }, item, author);
  }

  private store(next: SimItem, before: SimItem | null, author: Author): void {
    this.record(next.id, before, author);
    this.items.set(next.id, next);
  }

  /** I4: keeps what others still read; the first state of a burst of changes stays. */
  private record(id: string, before: SimItem | null, author: Author): void {
    const staleMs = this.hub.options.itemReadStaleMs;
    if (staleMs <= 0) return;
    const now = this.hub.now();
    const open = this.changes.get(id);
    const keep = open && now - open.at < staleMs ? open.before : before;
    this.changes.set(id, { before: keep, at: now, by: author });
  }

  /**
   * The item as `reader` sees it now: the state before another user's recent change (I4).
   * Without a reader, as the board holds it.
   */
  private visible(id: string, reader?: Author): SimItem | null {
    const change = this.changes.get(id);
    if (change) {
      const fresh = this.hub.now() - change.at < this.hub.options.itemReadStaleMs;
      if (!fresh) this.changes.delete(id);
      else if (reader !== undefined && (change.by !== reader || reader === null)) {
        return change.before;
      }
    }
    return this.items.get(id) ?? null;
  }

  private readableIds(): string[] {
    return [...new Set([...this.items.keys(), ...this.changes.keys()])];
  }

  /** The SDK's view of an item: a child's `x, y` relative to its frame's top-left corner. */
  private view(id: string, reader?: Author): SimItem | null {
    const item = this.visible(id, reader);
    if (!item) return null;
    const parent = item.parentId === null ? null : this.visible(item.parentId, reader);
    if (!isFrameRecord(parent ?? undefined)) return copyJson(item);
    const frame = parent as FrameData;
    return copyJson({
      ...item,
      x: item.x - (frame.x - frame.width / 2),
      y: item.y - (frame.y - frame.height / 2),
    });
  }

  /** I1: who hears of a change; I2: one event per action or one per item. */
  private announce(event: ItemEvent, ids: readonly string[], author: Author, gone?: SimItem): void {
    const recipients = this.hub.options.itemEventRecipients;
    if (recipients === 'none' || ids.length === 0) return;
    // The items as they are now, children relative to their frame.
    const items = gone ? [gone] : ids.map((id) => this.view(id) as SimItem);
    const batches =
      this.hub.options.itemEventBatching === 'per-item' ? items.map((item) => [item]) : [items];
    for (const frame of this.hub.frames()) {
      if (!canReceive(frame)) continue;
      if (recipients === 'own-tabs' && frame.tab.user.id !== author) continue;
      const records = frame.subs.active(topics.ui(event));
      for (const batch of batches) {
        this.hub.deliver(frame, 'ui', records, () => [{ items: copyJson(batch) }], {
          mayDuplicate: true,
        });
      }
    }
  }
}
