/**
 * Upgrades stored plans written by older versions of the app. `MIGRATIONS[n]` turns a version-n
 * plan into a version-(n+1) plan; parsePlan chains them and then validates the result as the
 * current version. To introduce v2: bump PLAN_SCHEMA_VERSION, change the types, and add
 * `1: (v1) => ({ ...v1, newField: default })` here. Migrations see unvalidated data and may throw
 * `Damage` to reject it.
 */

import { PLAN_SCHEMA_VERSION } from './plan';
import { Damage, type Fields } from './stored/valid';

export type Migration = (older: Fields) => Fields;

export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export function migrate(
  document: Fields,
  fromVersion: number,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  toVersion: number = PLAN_SCHEMA_VERSION,
): Fields {
  let current = document;
  for (let version = fromVersion; version < toVersion; version++) {
    const step = Object.hasOwn(migrations, version) ? migrations[version] : undefined;
    if (step === undefined) {
      throw new Damage(`schema ${version} is a version this app cannot upgrade`);
    }
    current = { ...step(current), schema: version + 1 };
  }
  return current;
}
