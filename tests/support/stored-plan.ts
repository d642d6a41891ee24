import { assemble, followedKeys } from '../../src/domain/layout-assemble';
import { PLAN_COLLECTION, PLAN_KEY } from '../../src/domain/plan';
import type { PlanReadResult } from '../../src/domain/stored/plan-v1';
import { type Governed, parseGoverned, parsePlanKey } from '../../src/domain/stored/plan-v2';
import type { SimBoard } from '../../src/simulator/api';

type Storage = Pick<SimBoard, 'storageValue'>;

/** A layout caught halfway through a write: `keys` are still to come at their listed revision. */
export type StoredRead = PlanReadResult | { status: 'waiting'; keys: string[] };

/**
 * The plan as storage holds it now, in either layout: the one-key plan, or the control value
 * and the values it lists put together (what an app loading the board now would read).
 */
export function planInStorage(sim: Storage): StoredRead {
  const read = parsePlanKey(sim.storageValue(PLAN_COLLECTION, PLAN_KEY));
  if (read.status === 'v1') return { status: 'ok', plan: read.plan };
  if (read.status !== 'control') return read;
  const values = new Map<string, Governed>();
  for (const key of followedKeys(read.control, values, { kind: 'everyone' })) {
    if (key === PLAN_KEY) continue;
    const value = parseGoverned(key, sim.storageValue(PLAN_COLLECTION, key));
    if (value.ok) values.set(key, value.value);
  }
  const assembly = assemble(read.control, values);
  if (assembly.status === 'ok') return { status: 'ok', plan: assembly.plan };
  return assembly.status === 'corrupt'
    ? { status: 'corrupt', message: assembly.message }
    : assembly;
}
