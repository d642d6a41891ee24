/**
 * The building blocks of every stored shape (valibot): each stored record is one definition from
 * which its type (`v.InferOutput`), its reader (`readStored`) and its encoder (`encodeStored`)
 * come. Every message names the field it rejects ("rooms[2].frameId is missing"), so damage
 * reads as something a person can point at.
 */

import * as v from 'valibot';
import { isValidId, MAX_ID_LENGTH, MAX_RAW_NAME_LENGTH } from '../limits';
import { cleanName } from '../text';

export type Fields = Readonly<Record<string, unknown>>;

/** What a migration throws for data it cannot upgrade; `detail` names what is wrong. */
export class Damage extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'Damage';
  }
}

export function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own properties only: a key like "toString" must not be found on the prototype. */
export function field(fields: Fields, key: string): unknown {
  return Object.hasOwn(fields, key) ? fields[key] : undefined;
}

/** An object with exactly these fields (others are dropped), in this order. */
export const record = <const E extends v.ObjectEntries>(entries: E) =>
  v.pipe(v.custom<Fields>(isRecord, 'should be an object'), v.object(entries));

/** A list read only when it is short enough: a forged million entries costs one length check. */
export const list = <const S extends v.GenericSchema>(item: S, max: number) =>
  v.pipe(
    v.custom<unknown[]>(Array.isArray, 'should be a list'),
    v.maxLength(max, `has more than ${max} entries`),
    v.array(item),
  );

export const id = () =>
  v.custom<string>(isValidId, `should be an id of 1 to ${MAX_ID_LENGTH} characters`);

export const text = (maxLength: number) =>
  v.pipe(
    v.string('should be text'),
    v.maxLength(maxLength, `is longer than ${maxLength} characters`),
  );

/** A name as shown to people: anything up to absurd lengths is cleaned (text.ts `cleanName`). */
export const name = () =>
  v.pipe(
    text(MAX_RAW_NAME_LENGTH),
    v.transform((raw) => cleanName(raw)),
  );

/** Any text and any finite number: shapes passed between this user's own apps (panel-link.ts). */
export const anyText = () => v.string('should be text');
export const finiteNumber = () =>
  v.pipe(v.number('should be a number'), v.finite('should be a number'));

export const flag = () => v.boolean('should be true or false');

type Range = { min: number; max: number; integer?: boolean };

export const count = ({ min, max, integer = false }: Range) =>
  v.custom<number>(
    (value) =>
      typeof value === 'number' &&
      Number.isFinite(value) &&
      value >= min &&
      value <= max &&
      (!integer || Number.isInteger(value)),
    `should be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`,
  );

export const TIMESTAMP: Range = { min: 0, max: Number.MAX_SAFE_INTEGER };
export const timestamp = () => count(TIMESTAMP);
export const wholeNumber = (min = 0, max = Number.MAX_SAFE_INTEGER) =>
  count({ min, max, integer: true });

export const choice = <const T extends string>(choices: readonly T[]) =>
  v.picklist(choices, `should be one of ${choices.join(', ')}`);

/** Where a broken rule points, from the value it checks: `['rooms', 2, 'id']`. */
export type Broken = { at: readonly (string | number)[]; problem: string };

/**
 * A rule across fields (a reference to a room, a repeated id), checked once the shape is right.
 * `broken` says where the rule fails and how ("repeats the id of another room"), or null.
 */
export const rule = <T>(broken: (value: T) => Broken | null) =>
  v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const found = broken(dataset.value);
    if (found === null) return;
    const [first, ...rest] = found.at.map(
      (key): v.IssuePathItem => ({
        type: 'unknown',
        origin: 'value',
        input: undefined,
        key,
        value: undefined,
      }),
    );
    addIssue({ message: found.problem, path: first ? [first, ...rest] : undefined });
  });

/** The first value in `values` seen before, as its index, or -1. */
export function firstRepeat(values: readonly string[]): number {
  const seen = new Set<string>();
  for (const [index, value] of values.entries()) {
    if (seen.has(value)) return index;
    seen.add(value);
  }
  return -1;
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    if (typeof key === 'number') path += `[${key}]`;
    else path += path === '' ? String(key) : `.${String(key)}`;
  }
  return path;
}

/** One issue as a person reads it: "rooms[1].frameId is missing". */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = pathOf(issue);
  const last = issue.path?.at(-1);
  if (issue.type === 'object' && last?.origin === 'key') return `${path} is missing`;
  return path === '' ? issue.message : `${path} ${issue.message}`;
}

export type Read<T> = { ok: true; value: T } | { ok: false; detail: string };

/**
 * Reads untrusted JSON with `schema`. Never throws: a value whose getters throw, or one that is
 * not JSON at all, is damage like any other. Only the value's own JSON is read (as storage would
 * return it), so nothing comes from a prototype.
 */
export function readStored<S extends v.GenericSchema>(
  schema: S,
  raw: unknown,
): Read<v.InferOutput<S>> {
  let json: unknown;
  try {
    json = JSON.parse(JSON.stringify(raw));
  } catch {
    return { ok: false, detail: 'it could not be read' };
  }
  const result = v.safeParse(schema, json, { abortEarly: true });
  if (result.success) return { ok: true, value: result.output };
  const [first] = result.issues;
  return { ok: false, detail: first ? describeIssue(first) : 'it could not be read' };
}

/**
 * What storage should hold for `value`: a fresh plain object with exactly the schema's fields,
 * in its order, so stray properties (UI state spread into a copy) never reach storage. A value
 * that breaks its own schema is a bug and throws rather than being written.
 */
export function encodeStored<S extends v.GenericSchema>(
  schema: S,
  value: v.InferOutput<S>,
): v.InferOutput<S> {
  const result = v.safeParse(schema, value, { abortEarly: true });
  if (result.success) return result.output;
  const [first] = result.issues;
  throw new Error(`Refusing to store an invalid value: ${first ? describeIssue(first) : '?'}`);
}
