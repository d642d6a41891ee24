/**
 * `reducePlan`: the only way a plan changes. Pure: it never mutates its input, returns the very
 * same object when an action changes nothing (so the writer can skip the write), and leaves
 * `revision` alone (the single writer bumps it once per write). An action that does not fit the
 * current phase is ignored, so a late or duplicated event can never move the plan backwards.
 */

import type { PlanAction, PlanActionType } from './actions';
import type { Phase, Plan } from './plan';
import {
  CO_FACILITATION_ACTION_PHASES,
  coFacilitationAfterTakeOver,
  isCoFacilitationAction,
  reduceCoFacilitation,
} from './reduce-co-facilitation';
import {
  FACILITATION_ACTION_PHASES,
  facilitationForNewRun,
  isFacilitationAction,
  reduceFacilitation,
} from './reduce-facilitation';
import * as people from './reduce-people';
import { isPlanningAction, PLANNING_ACTION_PHASES, reducePlanning } from './reduce-planning';
import * as rooms from './reduce-rooms';
import * as run from './reduce-run';

const ANY_PHASE: readonly Phase[] = ['planning', 'starting', 'running', 'ending', 'ended'];
const LIVE: readonly Phase[] = ['starting', 'running'];

/** In which phases each action may change the plan. Views can use it to disable controls. */
export const ACTION_PHASES: Readonly<Record<PlanActionType, readonly Phase[]>> = {
  roomsAdded: ['planning'],
  roomRenamed: ['planning'],
  roomRemoved: ['planning'],
  framesSeen: ANY_PHASE,
  frameDeleted: ANY_PHASE,
  mainAreaChosen: ['planning', 'starting', 'running'],
  personAssigned: ['planning', 'running'],
  peopleSplit: ['planning', 'running'],
  assignmentsCleared: ['planning'],
  durationSet: ['planning'],
  includeFacilitatorSet: ['planning'],
  breakoutStarting: ['planning'],
  sessionsStarted: LIVE,
  breakoutStarted: ['starting'],
  participantsInvited: LIVE,
  invitationAnswered: LIVE,
  participantJoined: LIVE,
  // While ending, sessions close under people (C9): that is not them leaving.
  participantLeft: LIVE,
  helpRequested: LIVE,
  helpResolved: ANY_PHASE,
  helpCleared: ANY_PHASE,
  breakoutEnding: LIVE,
  breakoutEnded: ['starting', 'running', 'ending'],
  facilitatorTookOver: ANY_PHASE,
  // From 'starting' it abandons a start that failed.
  planReset: ['starting', 'ended'],
  ...PLANNING_ACTION_PHASES,
  ...FACILITATION_ACTION_PHASES,
  ...CO_FACILITATION_ACTION_PHASES,
};

export function isAllowedInPhase(type: PlanActionType, phase: Phase): boolean {
  return ACTION_PHASES[type].includes(phase);
}

function apply(plan: Plan, action: PlanAction): Plan {
  if (isPlanningAction(action)) return reducePlanning(plan, action);
  if (isFacilitationAction(action)) return reduceFacilitation(plan, action);
  if (isCoFacilitationAction(action)) return reduceCoFacilitation(plan, action);
  switch (action.type) {
    case 'roomsAdded':
      return rooms.roomsAdded(plan, action);
    case 'roomRenamed':
      return rooms.roomRenamed(plan, action);
    case 'roomRemoved':
      return rooms.roomRemoved(plan, action);
    case 'framesSeen':
      return rooms.framesSeen(plan, action);
    case 'frameDeleted':
      return rooms.frameDeleted(plan, action);
    case 'mainAreaChosen':
      return rooms.mainAreaChosen(plan, action);
    case 'personAssigned':
      return people.personAssigned(plan, action);
    case 'peopleSplit':
      return people.peopleSplit(plan, action);
    case 'assignmentsCleared':
      return people.assignmentsCleared(plan);
    case 'durationSet':
      return people.durationSet(plan, action);
    case 'includeFacilitatorSet':
      return people.includeFacilitatorSet(plan, action);
    case 'breakoutStarting':
      return run.breakoutStarting(plan, action);
    case 'sessionsStarted':
      return run.sessionsStarted(plan, action);
    case 'breakoutStarted':
      return run.breakoutStarted(plan, action);
    case 'participantsInvited':
      return run.participantsInvited(plan, action);
    case 'invitationAnswered':
      return run.invitationAnswered(plan, action);
    case 'participantJoined':
      return run.participantJoined(plan, action);
    case 'participantLeft':
      return run.participantLeft(plan, action);
    case 'helpRequested':
      return run.helpRequested(plan, action);
    case 'helpResolved':
      return run.helpResolved(plan, action);
    case 'helpCleared':
      return run.helpCleared(plan);
    case 'breakoutEnding':
      return run.breakoutEnding(plan);
    case 'breakoutEnded':
      return run.breakoutEnded(plan, action);
    case 'facilitatorTookOver':
      return coFacilitationAfterTakeOver(plan, run.facilitatorTookOver(plan, action));
    case 'planReset':
      return run.planReset(plan, action);
  }
}

export function reducePlan(plan: Plan, action: PlanAction): Plan {
  if (!isAllowedInPhase(action.type, plan.phase)) return plan;
  // Announcements, pauses and closed rooms belong to one run: a new run id starts them afresh.
  return facilitationForNewRun(plan, apply(plan, action));
}

/** Many events, one resulting plan: a burst of 50 joins becomes one write. */
export function reduceAll(plan: Plan, actions: Iterable<PlanAction>): Plan {
  let current = plan;
  for (const action of actions) current = reducePlan(current, action);
  return current;
}
