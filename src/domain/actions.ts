/**
 * Everything that can happen to a plan, named for what happened (past tense). The facilitator's
 * controller turns clicks, SDK events and validated messages into these and feeds them to
 * `reducePlan`. Values that need randomness or the clock (split results, run ids, times) come in
 * the action, so the reducer stays deterministic.
 */

import type { MainArea, PersonRef, PreAssignment, Rotation, TimerMode } from './plan';

/** A frame as read from the board. */
export type FrameInfo = {
  id: string;
  title: string;
  x: number;
  y: number;
  width: number;
  height: number;
};

export type InvitationReason = 'clicked-button' | 'timed-out' | 'clicked-outside';

export type PlanAction =
  // Rooms (planning).
  | { type: 'roomsAdded'; frames: readonly FrameInfo[] }
  | { type: 'roomRenamed'; roomId: string; name: string }
  | { type: 'roomRemoved'; roomId: string }
  // The board (any phase).
  | { type: 'framesSeen'; frames: readonly FrameInfo[] }
  | { type: 'frameDeleted'; frameId: string }
  | { type: 'mainAreaChosen'; mainArea: MainArea | null }
  // Assignments (planning; moves and late placements while running).
  | { type: 'personAssigned'; person: PersonRef; roomId: string | null }
  | {
      type: 'peopleSplit';
      people: readonly PersonRef[];
      assignment: Readonly<Record<string, string>>;
    }
  | { type: 'assignmentsCleared' }
  | { type: 'durationSet'; durationMs: number | null }
  | { type: 'includeFacilitatorSet'; include: boolean }
  // The run.
  | { type: 'breakoutStarting'; runId: string; at: number }
  | { type: 'sessionsStarted'; sessions: Readonly<Record<string, string>> }
  | { type: 'breakoutStarted'; at: number; endsAt: number | null; timer: TimerMode | null }
  | { type: 'participantsInvited'; personIds: readonly string[] }
  | {
      type: 'invitationAnswered';
      personId: string;
      accepted: boolean;
      reason: InvitationReason;
    }
  | { type: 'participantJoined'; personId: string; sessionId: string }
  | { type: 'participantLeft'; personId: string; sessionId: string }
  | { type: 'helpRequested'; personId: string; roomId: string | null; at: number }
  | { type: 'helpResolved'; personId: string }
  | { type: 'helpCleared' }
  | { type: 'breakoutEnding'; at: number }
  | { type: 'breakoutEnded'; at: number }
  // Ownership and reruns.
  | { type: 'facilitatorTookOver'; facilitator: PersonRef }
  | { type: 'planReset'; runId: string }
  | PlanningAction
  | FacilitationAction
  | CoFacilitationAction;

/** Who may facilitate (reduce-co-facilitation.ts, domain/co-facilitation.ts). */
export type CoFacilitationAction =
  | { type: 'coFacilitatorsNamed'; personIds: readonly string[] }
  /** A request to facilitate from someone Miro lists as online. */
  | { type: 'facilitateAsked'; personId: string; at: number }
  | { type: 'handOverAllowed'; personId: string; until: number }
  | { type: 'handOverDenied'; personId: string };

/** What the facilitator does while rooms run (reduce-facilitation.ts). */
export type FacilitationAction =
  | { type: 'announcementPosted'; id: string; text: string; at: number }
  | { type: 'closingWarningSet'; warningMs: number }
  | { type: 'timeExtended'; byMs: number }
  | { type: 'breakoutPaused'; at: number }
  | { type: 'breakoutResumed'; at: number }
  | { type: 'roomLocked'; roomId: string }
  | { type: 'roomUnlocked'; roomId: string }
  /** The room's session was ended: nobody can be in it or be sent to it any more this run. */
  | { type: 'roomClosed'; roomId: string; at: number }
  /** The facilitator jumped to the room of this help request. */
  | { type: 'facilitatorOnTheWay'; personId: string };

/** The planning tools (reduce-planning.ts). */
export type PlanningAction =
  | { type: 'selfSelectOpened'; capacity: number | null }
  | { type: 'selfSelectClosed' }
  | { type: 'preAssignmentsSet'; rows: readonly PreAssignment[] }
  | { type: 'rotationPlanned'; rotation: Rotation }
  | { type: 'rotationCleared' }
  /** The groups of round `round` replace the assignments, and the next round is the one after. */
  | { type: 'rotationRoundApplied'; round: number }
  | {
      type: 'frameItemsCounted';
      runId: string;
      when: 'start' | 'end';
      counts: Readonly<Record<string, number>>;
    }
  | { type: 'reportBackMoved'; runId: string; index: number };

export type PlanActionType = PlanAction['type'];
export type PlanningActionType = PlanningAction['type'];

export type ActionOf<T extends PlanActionType> = Extract<PlanAction, { type: T }>;
