import {
  type EditableOptions,
  OPTION_KEYS,
  type OptionKey,
  SETTINGS,
  type SettingsSchema,
} from './settings-schema';

export type OptionValue = EditableOptions[OptionKey];
export type Field = SettingsSchema[OptionKey];
export type Parsed = { ok: true; value: OptionValue } | { ok: false; error: string };

const NULL_WORDS = new Set(['null', 'never', 'none', 'unlimited', 'off', '']);

function parseNumber(raw: string, min: number, max: number): Parsed {
  const value = Number(raw.trim());
  if (!Number.isFinite(value)) return { ok: false, error: `“${raw}” is not a number` };
  if (value < min || value > max) return { ok: false, error: `must be between ${min} and ${max}` };
  return { ok: true, value };
}

/** "storage.set=0.2, session.invite:0.1" → { 'storage.set': 0.2, 'session.invite': 0.1 }. */
export function parseRates(raw: string): Parsed {
  const rates: Record<string, number> = {};
  for (const part of raw.split(/[,;\s]+/).filter(Boolean)) {
    const match = /^([\w.:-]+?)[=:]([\d.]+)$/.exec(part);
    const probability = match ? Number(match[2]) : Number.NaN;
    if (!match?.[1] || !(probability >= 0 && probability <= 1)) {
      return { ok: false, error: `“${part}” should look like storage.set=0.2 (0..1)` };
    }
    rates[match[1]] = probability;
  }
  return { ok: true, value: rates };
}

/** Reads a setting typed as text (drawer input or URL parameter), checked against its field. */
export function parseField(field: Field, raw: string): Parsed {
  switch (field.kind) {
    case 'boolean': {
      const word = raw.trim().toLowerCase();
      if (['true', '1', 'yes', 'on'].includes(word)) return { ok: true, value: true };
      if (['false', '0', 'no', 'off'].includes(word)) return { ok: true, value: false };
      return { ok: false, error: `“${raw}” is not true or false` };
    }
    case 'number':
      return parseNumber(raw, field.min, field.max);
    case 'nullable-number':
      if (NULL_WORDS.has(raw.trim().toLowerCase())) return { ok: true, value: null };
      return parseNumber(raw, field.min, field.max);
    case 'enum': {
      const values: readonly string[] = field.values;
      if (values.includes(raw)) return { ok: true, value: raw as OptionValue };
      return { ok: false, error: `must be one of ${values.join(', ')}` };
    }
    case 'rates':
      return parseRates(raw);
  }
}

export function formatRates(rates: Partial<Record<string, number>>): string {
  return Object.entries(rates)
    .map(([method, probability]) => `${method}=${probability}`)
    .join(', ');
}

/** One option as a patch for `board.setOptions`. */
export function patchOf(key: OptionKey, value: OptionValue): Partial<EditableOptions> {
  // The pair was produced by parseField for SETTINGS[key], so the value fits the key.
  return { [key]: value } as Partial<EditableOptions>;
}

/** URL shorthands: `latency` sets both call and event latency, as a tester expects. */
const ALIASES: Record<string, readonly OptionKey[]> = {
  latency: ['callLatencyMs', 'eventLatencyMs'],
  jitter: ['callLatencyJitterMs', 'eventLatencyJitterMs'],
};

export type UrlPreset = {
  patch: Partial<EditableOptions>;
  errors: string[];
};

/** Options preset by URL parameters, e.g. `?latency=100&timerEntitled=false&invitationTimeoutMs=never`. */
export function optionsFromUrl(params: URLSearchParams): UrlPreset {
  const patch: Partial<EditableOptions> = {};
  const errors: string[] = [];
  const apply = (key: OptionKey, raw: string, name: string) => {
    const parsed = parseField(SETTINGS[key], raw);
    if (parsed.ok) Object.assign(patch, patchOf(key, parsed.value));
    else errors.push(`${name}: ${parsed.error}`);
  };
  for (const [name, keys] of Object.entries(ALIASES)) {
    const raw = params.get(name);
    if (raw !== null) for (const key of keys) apply(key, raw, name);
  }
  for (const key of OPTION_KEYS) {
    const raw = params.get(key);
    if (raw !== null) apply(key, raw, key);
  }
  return { patch, errors };
}

/** `?users=N`: the total number of people, at least 1 and at most 50 (each runs real iframes). */
export function userCountFromUrl(params: URLSearchParams, fallback: number): number {
  const raw = Number(params.get('users'));
  if (!Number.isInteger(raw) || raw < 1) return fallback;
  return Math.min(raw, 50);
}
