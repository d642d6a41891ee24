import type { FrameRef, ItemFilter, ItemRef, Rect } from '../sdk/surface';
import type { SimItem } from './api';
import { invalid, notFound } from './errors';
import type { Hub } from './hub';
import { copyJson } from './json';
import { canReceive, type TabState } from './model';
import { topics } from './subscriptions';

const STICKY_SIZE = 200;
const DEFAULT_FRAME = { width: 800, height: 450 };

/** Board items (frames, stickies), queries on them (B1–B3) and their ui events. */
export class Items {
  private readonly items = new Map<string, SimItem>();

  constructor(private readonly hub: Hub) {}

  list(): SimItem[] {
    return [...this.items.values()].map((item) => copyJson(item));
  }

  addFrame(props: {
    title?: string;
    x?: number;
    y?: number;
    width?: number;
    height?: number;
  }): FrameRef {
    const frame: FrameRef = {
      id: this.hub.id('frame'),
      type: 'frame',
      title: props.title ?? '',
      x: props.x ?? 0,
      y: props.y ?? 0,
      width: props.width ?? DEFAULT_FRAME.width,
      height: props.height ?? DEFAULT_FRAME.height,
      childrenIds: [],
    };
    if (!(frame.width > 0 && frame.height > 0)) throw invalid('Frame size must be positive');
    this.items.set(frame.id, frame);
    this.hub.emit({ kind: 'items' });
    return copyJson(frame);
  }

  addSticky({
    parentId,
    ...props
  }: {
    content: string;
    x: number;
    y: number;
    parentId?: string;
  }): SimItem {
    const sticky: SimItem = { id: this.hub.id('sticky'), type: 'sticky_note', ...props };
    this.items.set(sticky.id, sticky);
    // Placed in a frame (as a person drawing it there would), it becomes that frame's child.
    const parent = parentId === undefined ? undefined : this.items.get(parentId);
    if (parent?.type === 'frame') parent.childrenIds = [...parent.childrenIds, sticky.id];
    this.hub.emit({ kind: 'items' });
    return copyJson(sticky);
  }

  rename(frameId: string, title: string): void {
    const item = this.items.get(frameId);
    if (item?.type !== 'frame') throw notFound(`No frame ${frameId}`);
    item.title = title;
    this.hub.emit({ kind: 'items' });
    this.broadcastUi('experimental:items:update', item);
  }

  /** Deletes an item: `items:delete` everywhere, and it leaves every selection. */
  delete(itemId: string, tabs: TabState[]): void {
    const item = this.items.get(itemId);
    if (!item) throw notFound(`No item ${itemId}`);
    this.items.delete(itemId);
    for (const other of this.items.values()) {
      if (other.type === 'frame')
        other.childrenIds = other.childrenIds.filter((id) => id !== itemId);
    }
    this.hub.emit({ kind: 'items' });
    this.broadcastUi('items:delete', item);
    for (const tab of tabs) {
      if (tab.selection.includes(itemId)) {
        this.select(
          tab,
          tab.selection.filter((id) => id !== itemId),
        );
      }
    }
  }

  /** `board.get` (always an array; B1 unknown ids, B2 type + id). */
  query(filter: ItemFilter | undefined): SimItem[] {
    const all = [...this.items.values()];
    if (!filter) return copyJson(all);
    const raw = filter as { id?: string | string[]; type?: string | string[] };
    let result = all;
    if (raw.id !== undefined) {
      const ids = Array.isArray(raw.id) ? raw.id : [raw.id];
      const unknown = ids.filter((id) => !this.items.has(id));
      if (unknown.length > 0 && this.hub.options.getUnknownId === 'reject') {
        throw notFound(`No item with id ${unknown.join(', ')}`);
      }
      result = result.filter((item) => ids.includes(item.id));
    }
    const typeApplies = raw.id === undefined || this.hub.options.getTypeAndId === 'and';
    if (raw.type !== undefined && typeApplies) {
      const types = Array.isArray(raw.type) ? raw.type : [raw.type];
      result = result.filter((item) => types.includes(item.type));
    }
    return copyJson(result);
  }

  /** `getById` (B3). */
  byId(id: string): SimItem | undefined {
    const item = this.items.get(id);
    if (!item) {
      if (this.hub.options.getByIdUnknown === 'reject') throw notFound(`No item with id ${id}`);
      return undefined;
    }
    return copyJson(item);
  }

  has(id: string): boolean {
    return this.items.has(id);
  }

  selected(tab: TabState): SimItem[] {
    return tab.selection
      .map((id) => this.items.get(id))
      .filter((item): item is SimItem => item !== undefined)
      .map((item) => copyJson(item));
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

  /**
   * The viewport that shows `refs` (centre-origin items) in the aspect ratio of `current`
   * (top-left origin), with a 10% margin.
   */
  viewportFor(refs: ItemRef[], current: Rect): Rect {
    if (refs.length === 0) throw invalid('zoomTo needs at least one item');
    const boxes = refs.map((ref) => {
      const item = this.items.get(String(ref?.id));
      if (!item) throw notFound(`No item with id ${String(ref?.id)}`);
      const width = item.type === 'frame' ? item.width : STICKY_SIZE;
      const height = item.type === 'frame' ? item.height : STICKY_SIZE;
      return { left: item.x - width / 2, top: item.y - height / 2, width, height };
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

  private broadcastUi(event: 'items:delete' | 'experimental:items:update', item: SimItem): void {
    for (const frame of this.hub.frames()) {
      if (!canReceive(frame)) continue;
      const records = frame.subs.active(topics.ui(event));
      this.hub.deliver(frame, 'ui', records, () => [{ items: [copyJson(item)] }], {
        mayDuplicate: true,
      });
    }
  }
}
