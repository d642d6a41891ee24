/**
 * What must hold after a run settles, whatever faults it met. `watchBoard` checks every storage
 * change as it happens (the plan is always valid and never goes back in revision); `checkRun`
 * and `checkEnd` check the state after the faults healed.
 */
import { isRoomClosed } from '../src/domain/facilitation';
import { PLAN_COLLECTION, PLAN_KEY } from '../src/domain/plan';
import { parsePlanKey } from '../src/domain/stored/plan-v2';
import type { SimBoard } from '../src/simulator/api';
import { planInStorage } from '../tests/support/stored-plan';
import { checkClosedRooms, watchFacilitation } from './facilitation-invariants';
import { centreIn, isInMainArea } from './geometry';
import { nothingObserved, type Observed } from './observed';
import type { Stage } from './stage';

/** The parts of a scenario the checks read. */
export type Checked = Pick<
  Stage,
  'sim' | 'participants' | 'members' | 'observed' | 'faults' | 'plan'
>;

export function watchBoard(
  sim: SimBoard,
  now: () => number,
  violate: (problem: string) => void,
): Observed {
  const observed = nothingObserved();
  let last: { revision: number; text: string } | null = null;
  const shown = new Set<string>();
  const stored = () => {
    const raw = sim.storageValue(PLAN_COLLECTION, PLAN_KEY);
    // A forged value is not the breakout: the checks follow the facilitator's plans only.
    if (observed.forgedPlans.has(JSON.stringify(raw))) return null;
    const read = planInStorage(sim);
    return read.status === 'ok' ? read.plan : null;
  };
  watchFacilitation(sim, now, observed, stored, violate);
  sim.subscribe((change) => {
    if (change.kind === 'storage') {
      observed.storageChanges += 1;
      const raw = sim.storageValue(PLAN_COLLECTION, PLAN_KEY);
      // The hostile participant's own values: adversary.ts checks they are put back in time.
      if (observed.forgedPlans.has(JSON.stringify(raw))) return;
      const read = planInStorage(sim);
      // Halfway through a write: the values landed, the control value naming them is on its way
      // (before the first one, nothing is under the plan's key yet).
      if (read.status === 'waiting' || (read.status === 'empty' && last === null)) return;
      if (read.status !== 'ok') {
        violate(
          `the stored plan is not valid: ${read.status === 'empty' ? 'it was removed' : read.message}`,
        );
        return;
      }
      const text = JSON.stringify(raw);
      // The control value orders the writes (a status value between two of them carries a
      // revision of its own); a one-key plan is its own control value.
      const key = parsePlanKey(raw);
      const revision = key.status === 'control' ? key.control.revision : read.plan.revision;
      observed.storedRevision = Math.max(revision, read.plan.revision);
      observed.maxRevision = Math.max(observed.maxRevision, observed.storedRevision);
      if (last && revision < last.revision) {
        // Storage is last-writer-wins: a take-over races the old facilitator's last write. The
        // readers ignore it and the facilitator writes the plan back; checked when settled.
        observed.overwrites += 1;
      } else if (last && revision === last.revision && text !== last.text) {
        violate(`two different plans were stored as revision ${last.revision} (a lost update)`);
      }
      last = { revision, text };
      const { runId, phase } = read.plan;
      if (phase === 'running' && !observed.firstRunning.has(runId))
        observed.firstRunning.set(runId, read.plan);
    } else if (change.kind === 'invitations') {
      for (const invitation of sim.invitations()) {
        if (shown.has(invitation.id)) continue;
        shown.add(invitation.id);
        const { userId, sessionId } = invitation;
        observed.invitations.push({ userId, sessionId, at: now() });
      }
    } else if (change.kind === 'viewport') {
      const user = sim.users().find((candidate) => candidate.id === change.userId);
      if (!user) return;
      const seen = observed.visited.get(user.id) ?? new Set<string>();
      for (const item of sim.items()) {
        if (item.type === 'frame' && centreIn(user.viewport, item)) seen.add(item.id);
      }
      observed.visited.set(user.id, seen);
    }
  });
  return observed;
}

/** Before the end: who accepted is in their room and was taken there; no status was lost. */
function checkStored(s: Checked, violate: (problem: string) => void): void {
  const { storedRevision, maxRevision } = s.observed;
  if (storedRevision < maxRevision) {
    violate(
      `the stored plan went back from revision ${maxRevision} to ${storedRevision} and stayed there`,
    );
  }
}

export function checkRun(s: Checked, violate: (problem: string) => void): void {
  checkStored(s, violate);
  const plan = s.plan();
  if (!plan) {
    violate('no valid plan in storage while running');
    return;
  }
  if (plan.phase !== 'running') {
    violate(`the breakout is "${plan.phase}" while it should run`);
    return;
  }
  const active = s.sim.sessions().filter((session) => !session.ended);
  const sessionOf = new Map<string, string>();
  for (const session of active) {
    for (const id of session.memberIds) {
      if (sessionOf.has(id)) violate(`user ${id} is in two sessions`);
      sessionOf.set(id, session.id);
    }
  }
  const planned = new Set(plan.rooms.map((room) => room.sessionId).filter((id) => id !== null));
  const closed = new Set(
    plan.facilitation.closedRooms.flatMap(({ roomId }) => [
      ...(s.observed.roomSessions.get(roomId) ?? []),
    ]),
  );
  for (const session of active) {
    // A closed room's session left running is reported by checkClosedRooms.
    if (!planned.has(session.id) && !closed.has(session.id))
      violate(`session "${session.name}" runs but belongs to no room of the plan`);
  }
  for (const member of s.participants) {
    const id = member.user.id;
    const person = plan.people.find((candidate) => candidate.id === id);
    const room = plan.rooms.find((candidate) => candidate.id === person?.roomId);
    const inSession = sessionOf.get(id);
    const name = member.user.name;
    if (room && isRoomClosed(plan, room.id)) continue;
    if (inSession !== undefined) {
      if (!room || room.sessionId !== inSession) {
        violate(`${name} is in a session that is not their room's`);
        continue;
      }
      if (person?.status !== 'joined')
        violate(`${name} is in their room but the plan says "${person?.status}"`);
      if (!s.observed.visited.get(id)?.has(room.frameId) && !room.frameMissing) {
        violate(`${name} joined "${room.name}" but was never taken to its frame`);
      }
    } else if (person?.status === 'joined' && s.faults.sim.sessionEventRecipients !== 'members') {
      // Under C4 'members' a leave is only heard by the remaining members (a documented limit).
      violate(`${name} left their room but the plan still says "joined"`);
    }
  }
  checkClosedRooms(s.sim, plan, s.observed, violate);
}

/** After the end: everything closed and everyone who was in a room is back in the main area. */
export function checkEnd(s: Checked, violate: (problem: string) => void): void {
  checkStored(s, violate);
  const plan = s.plan();
  if (!plan) {
    violate('no valid plan in storage after the end');
    return;
  }
  if (plan.phase !== 'ended') violate(`the breakout is "${plan.phase}" after the end`);
  const open = s.sim.sessions().filter((session) => !session.ended);
  if (open.length > 0) violate(`${open.length} session(s) still running after the end`);
  if (plan.timer === 'board' && s.sim.timer().status === 'STARTED' && plan.endsAt !== null) {
    violate('the board timer still runs after the end');
  }
  if (!plan.mainArea) {
    violate('the ended plan has no main area to bring people back to');
    return;
  }
  for (const member of s.participants) {
    if (!s.observed.membersAtEnd.has(member.user.id)) continue;
    const user = s.sim.users().find((candidate) => candidate.id === member.user.id);
    if (user && !isInMainArea(user.viewport, plan.mainArea)) {
      violate(`${member.user.name} was in a room at the end but was not brought back`);
    }
  }
}
