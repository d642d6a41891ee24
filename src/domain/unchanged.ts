/**
 * Copy-on-change helpers: they return their input itself when nothing differs, which is what
 * lets `reducePlan` promise "same object means no change" and the writer skip no-op writes.
 */

import type { Rect } from './plan';

/** `target` with `changes` applied, or `target` itself when every change is already there. */
export function patch<T extends object>(target: T, changes: Partial<T>): T {
  for (const key of Object.keys(changes) as (keyof T)[]) {
    if (!Object.is(target[key], changes[key])) return { ...target, ...changes };
  }
  return target;
}

/** `items.map(update)`, or `items` itself when `update` returned every item unchanged. */
export function mapSame<T>(items: T[], update: (item: T) => T): T[] {
  let result: T[] | null = null;
  items.forEach((item, index) => {
    const next = update(item);
    if (next !== item && result === null) result = items.slice(0, index);
    if (result !== null) result.push(next);
  });
  return result ?? items;
}

/** `items.filter(keep)`, or `items` itself when nothing was dropped. */
export function filterSame<T>(items: T[], keep: (item: T) => boolean): T[] {
  const result = items.filter(keep);
  return result.length === items.length ? items : result;
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

/**
 * `next`, with every part deep-equal to the same part of `previous` replaced by that part itself.
 * Each stored plan arrives freshly parsed, so without this every room and person object would be
 * new on every write, and every view selecting by identity would re-render for one person's join.
 */
export function reuseUnchanged<T>(previous: T, next: T): T {
  if (Object.is(previous, next)) return previous;
  if (Array.isArray(previous) && Array.isArray(next)) {
    const items = next.map((item, index) => reuseUnchanged(previous[index], item));
    const same =
      items.length === previous.length && items.every((item, index) => item === previous[index]);
    return (same ? previous : items) as T;
  }
  if (isObject(previous) && isObject(next)) {
    const keys = Object.keys(next);
    const result: Record<string, unknown> = {};
    let same = keys.length === Object.keys(previous).length;
    for (const key of keys) {
      result[key] = reuseUnchanged(previous[key], next[key]);
      if (result[key] !== previous[key] || !(key in previous)) same = false;
    }
    return (same ? previous : result) as T;
  }
  return next;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
