/**
 * The stored shape of who may facilitate (co-facilitation.ts has the rule and its bounds). Added
 * after plan version 1 without a new version, like facilitation: a plan without it reads as
 * "nobody named, nobody asked". Ids only: names are Miro's, looked up by id where they are shown.
 */

import * as v from 'valibot';
import { emptyCoFacilitation, MAX_CO_FACILITATORS, MAX_FACILITATE_ASKS } from '../co-facilitation';
import { id, list, record, timestamp } from './valid';

export const CoFacilitationSchema = record({
  /** Who may take over at once. */
  coFacilitatorIds: list(id(), MAX_CO_FACILITATORS),
  /** Requests to facilitate waiting for Allow or Deny, oldest first. */
  asks: list(record({ personId: id(), at: timestamp() }), MAX_FACILITATE_ASKS),
  /** The facilitator allowed this person to take over until `until`. */
  handOver: v.nullable(record({ personId: id(), until: timestamp() })),
});

export const CO_FACILITATION_ENTRIES = {
  coFacilitation: v.nullish(CoFacilitationSchema, () => emptyCoFacilitation()),
};
