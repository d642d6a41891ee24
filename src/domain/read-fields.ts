/**
 * Reading untrusted JSON (storage values, broadcast payloads) field by field. Each reader names
 * the exact field it rejects, so the message can say what is wrong ("rooms[2].frameId is
 * missing"). Readers throw `Damage`; the callers catch it and never let it escape.
 */

import { isValidId, MAX_ID_LENGTH } from './limits';

export class Damage extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'Damage';
  }
}

export type Fields = Readonly<Record<string, unknown>>;

export const pathTo = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

export function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own properties only: a key like "toString" must not be found on the prototype. */
export function field(fields: Fields, key: string): unknown {
  return Object.hasOwn(fields, key) ? fields[key] : undefined;
}

function present(fields: Fields, key: string, path: string): unknown {
  const value = field(fields, key);
  if (value === undefined) throw new Damage(`${pathTo(path, key)} is missing`);
  return value;
}

export function readRecord(fields: Fields, key: string, path: string): Fields {
  const value = present(fields, key, path);
  if (!isRecord(value)) throw new Damage(`${pathTo(path, key)} should be an object`);
  return value;
}

export function readList(fields: Fields, key: string, path: string, max: number): unknown[] {
  const value = present(fields, key, path);
  if (!Array.isArray(value)) throw new Damage(`${pathTo(path, key)} should be a list`);
  if (value.length > max) {
    throw new Damage(`${pathTo(path, key)} has more than ${max} entries`);
  }
  return value;
}

export function readString(fields: Fields, key: string, path: string, maxLength: number): string {
  const value = present(fields, key, path);
  if (typeof value !== 'string') throw new Damage(`${pathTo(path, key)} should be text`);
  if (value.length > maxLength) {
    throw new Damage(`${pathTo(path, key)} is longer than ${maxLength} characters`);
  }
  return value;
}

export function readId(fields: Fields, key: string, path: string): string {
  const value = present(fields, key, path);
  if (!isValidId(value)) {
    throw new Damage(`${pathTo(path, key)} should be an id of 1 to ${MAX_ID_LENGTH} characters`);
  }
  return value;
}

export function readNullableId(fields: Fields, key: string, path: string): string | null {
  return present(fields, key, path) === null ? null : readId(fields, key, path);
}

export function readBoolean(fields: Fields, key: string, path: string): boolean {
  const value = present(fields, key, path);
  if (typeof value !== 'boolean') throw new Damage(`${pathTo(path, key)} should be true or false`);
  return value;
}

export function readNumber(
  fields: Fields,
  key: string,
  path: string,
  { min, max, integer = false }: { min: number; max: number; integer?: boolean },
): number {
  const value = present(fields, key, path);
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= min &&
    value <= max &&
    (!integer || Number.isInteger(value));
  if (!ok) {
    const kind = integer ? 'a whole number' : 'a number';
    throw new Damage(`${pathTo(path, key)} should be ${kind} from ${min} to ${max}`);
  }
  return value as number;
}

export function readNullableNumber(
  fields: Fields,
  key: string,
  path: string,
  range: { min: number; max: number; integer?: boolean },
): number | null {
  return present(fields, key, path) === null ? null : readNumber(fields, key, path, range);
}

export function readChoice<T extends string>(
  fields: Fields,
  key: string,
  path: string,
  choices: readonly T[],
): T {
  const value = present(fields, key, path);
  if (!choices.includes(value as T)) {
    throw new Damage(`${pathTo(path, key)} should be one of ${choices.join(', ')}`);
  }
  return value as T;
}
