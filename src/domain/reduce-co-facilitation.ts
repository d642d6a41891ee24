/**
 * Reducers of who may facilitate (co-facilitation.ts has the rule). Same contract as the others
 * (reducer.ts): pure, the same object back when nothing changes, every value checked.
 */

import type { ActionOf, CoFacilitationAction } from './actions';
import { MAX_CO_FACILITATORS, MAX_FACILITATE_ASKS } from './co-facilitation';
import { isTimestamp, isValidId } from './limits';
import type { CoFacilitation, Phase, Plan } from './plan';

const ANY_PHASE: readonly Phase[] = ['planning', 'starting', 'running', 'ending', 'ended'];

export const CO_FACILITATION_ACTION_PHASES: Readonly<
  Record<CoFacilitationAction['type'], readonly Phase[]>
> = {
  coFacilitatorsNamed: ANY_PHASE,
  facilitateAsked: ANY_PHASE,
  handOverAllowed: ANY_PHASE,
  handOverDenied: ANY_PHASE,
};

const TYPES: ReadonlySet<string> = new Set(Object.keys(CO_FACILITATION_ACTION_PHASES));

export function isCoFacilitationAction(action: { type: string }): action is CoFacilitationAction {
  return TYPES.has(action.type);
}

export function reduceCoFacilitation(plan: Plan, action: CoFacilitationAction): Plan {
  const current = plan.coFacilitation;
  switch (action.type) {
    case 'coFacilitatorsNamed':
      return withCoFacilitation(plan, {
        ...current,
        coFacilitatorIds: coFacilitatorsOf(plan, action.personIds),
        // A co-facilitator needs no answer: their request is settled.
        asks: current.asks.filter((ask) => !action.personIds.includes(ask.personId)),
      });
    case 'facilitateAsked':
      return withCoFacilitation(plan, asked(plan, action));
    case 'handOverAllowed':
      if (!isValidId(action.personId) || !isTimestamp(action.until)) return plan;
      return withCoFacilitation(plan, {
        ...current,
        asks: current.asks.filter((ask) => ask.personId !== action.personId),
        handOver: { personId: action.personId, until: action.until },
      });
    case 'handOverDenied':
      return withCoFacilitation(plan, {
        ...current,
        asks: current.asks.filter((ask) => ask.personId !== action.personId),
        handOver: current.handOver?.personId === action.personId ? null : current.handOver,
      });
  }
}

/**
 * After a take-over the one who facilitated becomes a co-facilitator of the new facilitator (so
 * they may take it back when they return), and the requests and hand-over of the old facilitator
 * are settled.
 */
export function coFacilitationAfterTakeOver(before: Plan, after: Plan): Plan {
  if (before.facilitator.id === after.facilitator.id) return after;
  const ids = [before.facilitator.id, ...before.coFacilitation.coFacilitatorIds];
  return withCoFacilitation(after, {
    coFacilitatorIds: coFacilitatorsOf(after, ids),
    asks: [],
    handOver: null,
  });
}

/** Valid ids, each once, never the facilitator, at most MAX_CO_FACILITATORS. */
function coFacilitatorsOf(plan: Plan, personIds: readonly string[]): string[] {
  const ids = personIds.filter((id) => isValidId(id) && id !== plan.facilitator.id);
  return [...new Set(ids)].slice(0, MAX_CO_FACILITATORS);
}

function asked(plan: Plan, { personId, at }: ActionOf<'facilitateAsked'>): CoFacilitation {
  const current = plan.coFacilitation;
  const settled =
    !isValidId(personId) ||
    !isTimestamp(at) ||
    personId === plan.facilitator.id ||
    current.coFacilitatorIds.includes(personId) ||
    current.asks.some((ask) => ask.personId === personId);
  if (settled) return current;
  return { ...current, asks: [...current.asks, { personId, at }].slice(-MAX_FACILITATE_ASKS) };
}

function withCoFacilitation(plan: Plan, next: CoFacilitation): Plan {
  const current = plan.coFacilitation;
  const same =
    next === current ||
    (sameList(next.coFacilitatorIds, current.coFacilitatorIds) &&
      next.asks.length === current.asks.length &&
      next.asks.every((ask, i) => ask === current.asks[i]) &&
      next.handOver?.personId === current.handOver?.personId &&
      next.handOver?.until === current.handOver?.until);
  return same ? plan : { ...plan, coFacilitation: next };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, i) => value === b[i]);
