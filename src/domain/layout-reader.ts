/**
 * What a reader of the multi-key layout holds, and what each value it receives does to it
 * (docs/architecture.md "Storage layout"). Pure: the reader in the controller feeds it every
 * notification and every read, subscribes to what it needs and reads again what it is told to.
 */

import { type Assembly, assemble, prunedKeys, type Reader } from './layout-assemble';
import { PLAN_KEY, type Plan } from './plan';
import { damagedMessage } from './stored/plan-v1';
import { type Control, type Governed, parseGoverned, parsePlanKey } from './stored/plan-v2';

export type Held = {
  /** The newest control value read; null before the first, or while the key holds a v1 plan. */
  control: Control | null;
  /** The newest valid value read under each governed key. */
  values: ReadonlyMap<string, Governed>;
  /** The last whole plan: what the reader acts on. */
  plan: Plan | null;
};

export const NOTHING_HELD: Held = { control: null, values: new Map(), plan: null };

export type Received = {
  held: Held;
  /** Keys to read again: values the control value lists that did not arrive (or the control). */
  reread: string[];
  /** What was wrong with the value, for the reader to report; the held plan stands. */
  problem: string | null;
  /** The same, as the key and field at fault, for a reader that keeps a plan over it. */
  detail?: string;
};

/** A newer write of the same key: a higher revision, or the same one's statuses written later. */
function isNewer(held: Governed | undefined, value: Governed): boolean {
  if (held === undefined || value.rev !== held.rev)
    return held === undefined || value.rev > held.rev;
  return 'at' in value && 'at' in held && value.at > held.at;
}

/**
 * `raw`, read under `key`, received by `reader`. Never goes back: a lower revision, a removal or
 * damage leaves what is held as it is.
 */
export function received(held: Held, key: string, raw: unknown, reader: Reader): Received {
  const unchanged = (problem: string | null = null, detail?: string): Received => ({
    held,
    reread: [],
    problem,
    ...(detail === undefined ? {} : { detail }),
  });
  if (key === PLAN_KEY) {
    const read = parsePlanKey(raw);
    switch (read.status) {
      case 'control':
        if (held.control && read.control.revision <= held.control.revision) return unchanged();
        return settle({ ...held, control: read.control }, reader);
      case 'v1':
        // The one-key layout is what the app writes until the multi-key writer is switched on
        // (docs/architecture.md): a one-key plan further on than everything held replaces it,
        // so a layout forged over the plan cannot shut out the facilitator's app putting it
        // back. A forged one-key plan is put back the same way.
        if (held.plan && read.plan.revision <= held.plan.revision) return unchanged();
        if (held.control && read.plan.revision <= held.control.revision) return unchanged();
        return { held: { ...NOTHING_HELD, plan: read.plan }, reread: [], problem: null };
      case 'empty':
        return unchanged();
      default:
        return unchanged(read.message);
    }
  }
  if (raw === undefined) return unchanged();
  const read = parseGoverned(key, raw);
  if (!read.ok) return unchanged(damagedMessage(read.detail), read.detail);
  if (!isNewer(held.values.get(key), read.value)) return unchanged();
  return settle({ ...held, values: new Map(held.values).set(key, read.value) }, reader);
}

/** Drops what the control value no longer needs, and puts the plan together when it can. */
function settle(held: Held, reader: Reader): Received {
  const control = held.control;
  if (control === null) return { held, reread: [], problem: null };
  const values = new Map(held.values);
  for (const key of prunedKeys(control, values)) values.delete(key);
  const assembly: Assembly = assemble(control, values, reader);
  const next = { ...held, values };
  switch (assembly.status) {
    case 'ok': {
      const plan =
        held.plan && assembly.plan.revision < held.plan.revision ? held.plan : assembly.plan;
      return { held: { ...next, plan }, reread: [], problem: null };
    }
    case 'waiting':
      return { held: next, reread: assembly.keys, problem: null };
    case 'corrupt':
      return { held: next, reread: [], problem: assembly.message, detail: assembly.detail };
  }
}
