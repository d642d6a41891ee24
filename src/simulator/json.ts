import type { Json } from '../sdk/surface';
import { invalid } from './errors';

/**
 * Values cross the simulated postMessage boundary as JSON (S7). The copy also strips class
 * instances from other realms (app iframes), so nothing here relies on `instanceof`.
 */
export const copyJson = <T>(value: T): T =>
  value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);

/** Throws INVALID_INPUT unless `value` is JSON a structured clone would carry unchanged. */
export const assertJson = (value: unknown, what: string): Json => {
  const check = (v: unknown, path: string): void => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw invalid(`${what}: ${path} is not a finite number`);
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        check(item, `${path}[${i}]`);
      });
      return;
    }
    if (typeof v === 'object') {
      for (const [key, item] of Object.entries(v as Record<string, unknown>)) {
        if (item !== undefined) check(item, `${path}.${key}`);
      }
      return;
    }
    throw invalid(`${what}: ${path} is not JSON (${typeof v})`);
  };
  check(value, 'value');
  return value as Json;
};

const encoder = new TextEncoder();

/** Size the platform limits use: bytes of the UTF-8 JSON text. */
export const jsonBytes = (value: unknown): number =>
  value === undefined ? 0 : encoder.encode(JSON.stringify(value)).length;
