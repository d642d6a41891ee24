import type { Json } from '../sdk/surface';

/**
 * What this browser's app wrote to realtime storage, kept where no other client can write: the
 * browser's own localStorage (shared by this user's tabs of one browser, as the tab lease is).
 * Storage itself has no sender identity and anyone running the app may write any key, so "is this
 * value ours?" can only be answered by remembering what we wrote. Generic over (collection, key):
 * the plan today, any key of a multi-key layout tomorrow.
 */
export type Journal = {
  get(name: string): string | null;
  set(name: string, value: string): void;
};

/**
 * Values remembered per key, exactly (as canonical text): late echoes of our own older writes are
 * still ours. Few, so a journal stays small next to the browser's quota.
 */
const REMEMBERED = 8;

/**
 * `claimed`: the highest version another client's value at this key claimed (for the plan, its
 * revision). Readers may hold that value even after it is gone from storage (written over by a
 * write of ours already on its way, or before a reload), so this browser's next write has to go
 * above it, whichever tab makes it.
 */
type Entry = { texts: string[]; claimed?: number };

/** This browser's journal, or null where there is none (Node, a sandbox that refuses it). */
export function browserJournal(): Journal | null {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return null;
    const probe = '__breakout-rooms-journal__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return {
      get: (name) => storage.getItem(name),
      set: (name, value) => {
        try {
          storage.setItem(name, value);
        } catch {
          // Full or refused: what this app holds in memory still guards this session.
        }
      },
    };
  } catch {
    return null;
  }
}

/** A journal in memory: one per simulated browser in tests and the fault runs. */
export function memoryJournal(): Journal {
  const values = new Map<string, string>();
  return {
    get: (name) => values.get(name) ?? null,
    set: (name, value) => {
      values.set(name, value);
    },
  };
}

export class StorageGuard {
  private readonly entries = new Map<string, Entry>();

  /** `scope` names the board and the user, so one browser's boards and users never mix. */
  constructor(
    private readonly journal: Journal,
    private readonly scope: string,
  ) {}

  /** Called before the write goes out, so its echo (which may come first) is known as ours. */
  wrote(collection: string, key: string, value: Json | undefined): void {
    const name = this.name(collection, key);
    const text = canonical(value);
    const before = this.entry(name);
    this.save(name, {
      ...before,
      texts: [...before.texts.filter((t) => t !== text), text].slice(-REMEMBERED),
    });
  }

  /** Another client's value at this key claimed `version`: see Entry. */
  claimed(collection: string, key: string, version: number): void {
    const name = this.name(collection, key);
    const before = this.entry(name);
    if ((before.claimed ?? 0) >= version) return;
    this.save(name, { ...before, claimed: version });
  }

  /** The highest version another client's value claimed at this key; 0 when none. */
  highestClaimed(collection: string, key: string): number {
    return this.entry(this.name(collection, key)).claimed ?? 0;
  }

  /** Whether this browser wrote exactly this value at this key (recently). */
  knows(collection: string, key: string, value: Json | undefined): boolean {
    return this.entry(this.name(collection, key)).texts.includes(canonical(value));
  }

  /** The last value this browser wrote at this key, surviving a reload; undefined when none. */
  lastWritten(collection: string, key: string): Json | undefined {
    const last = this.entry(this.name(collection, key)).texts.at(-1);
    return last === undefined || last === UNDEFINED ? undefined : (JSON.parse(last) as Json);
  }

  private entry(name: string): Entry {
    // Another tab of this browser may have written since: the journal is read every time.
    const entry = readEntry(this.journal.get(name)) ?? this.entries.get(name) ?? { texts: [] };
    this.entries.set(name, entry);
    return entry;
  }

  private save(name: string, entry: Entry): void {
    this.entries.set(name, entry);
    this.journal.set(name, JSON.stringify(entry));
  }

  private name(collection: string, key: string): string {
    return `breakout-rooms/journal/${this.scope}/${collection}/${key}`;
  }
}

function readEntry(text: string | null): Entry | null {
  if (text === null) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    const { texts, claimed } = (parsed ?? {}) as { texts?: unknown; claimed?: unknown };
    if (!Array.isArray(texts) || !texts.every((t) => typeof t === 'string')) return null;
    return Number.isSafeInteger(claimed) ? { texts, claimed: claimed as number } : { texts };
  } catch {
    return null;
  }
}

const UNDEFINED = 'undefined';

/** JSON text of a value, the same whatever order its object keys come back in (storage copies). */
function canonical(value: Json | undefined): string {
  if (value === undefined) return UNDEFINED;
  if (Array.isArray(value)) return `[${value.map((item) => canonical(item)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    // JSON leaves out undefined fields: so does this, or a value would not match its own echo.
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
