import type { PlanAction } from '../domain/actions';
import type { PersonRef, Plan } from '../domain/plan';
import type { Session } from '../sdk/surface';
import type { PlanReader } from './plan-reader';
import type { PlanWriter } from './plan-writer';
import type { Presence } from './presence';
import type { RoomSessions } from './room-sessions';

/** Presence changes this close together share one read of their rooms' members. */
const RECONCILE_BATCH_MS = 3_000;
/** A read of members that failed is tried again after this long. */
const RECONCILE_RETRY_MS = 15_000;
/** Someone's word that they joined is checked against Miro's member list this soon. */
const CLAIM_CHECK_MS = 1_000;
/** Rooms with open invitations are read back after this long, doubling up to the cap. */
const SWEEP_MIN_MS = 15_000;
const SWEEP_MAX_MS = 120_000;

export type MembershipSweepDeps = {
  reader: PlanReader;
  writer: PlanWriter;
  presence: Presence;
  sessions: RoomSessions;
  me: PersonRef;
  /** Whether this app runs that plan (FacilitatorController.isFacilitator). */
  facilitates: (plan: Plan) => boolean;
};

/**
 * Session events are not replayed and may not reach the facilitator's app at all (C4, C13, a
 * reload, a take-over). The facilitator's app therefore reads rooms' members back from Miro
 * (`getUsers`, one call per room) when it cannot trust what it heard, and records what differs
 * from the plan as joins and departures.
 */
export class MembershipSweep {
  /** Who was online at the last presence change (null before the first), to see who moved. */
  private lastOnline: ReadonlySet<string> | null = null;
  /** Rooms whose members are read back from Miro at the next reconcile. */
  private readonly staleRooms = new Set<string>();
  private reconcileTimer: ReturnType<typeof setTimeout> | null = null;
  private sweepTimer: ReturnType<typeof setTimeout> | null = null;
  private sweepDelay = SWEEP_MIN_MS;
  private stopped = false;

  constructor(private readonly deps: MembershipSweepDeps) {
    deps.presence.onChange(this.onPresence);
  }

  stop(): void {
    this.stopped = true;
    if (this.reconcileTimer !== null) globalThis.clearTimeout(this.reconcileTimer);
    if (this.sweepTimer !== null) globalThis.clearTimeout(this.sweepTimer);
    this.reconcileTimer = null;
    this.sweepTimer = null;
  }

  /** Reads one room's members back and records every join and departure the plan lacks. */
  async reconcile(session: Session): Promise<void> {
    const users: unknown[] = await session.getUsers();
    // Miro documents string ids, its types say `{ id }` (miro-sdk.md C8): take both.
    const members = new Set(
      users.map((user) =>
        typeof user === 'string' ? user : String((user as { id?: unknown } | null)?.id),
      ),
    );
    const plan = this.deps.reader.plan();
    const room = plan?.rooms.find((candidate) => candidate.sessionId === session.id);
    if (!plan || !room) return;
    const actions: PlanAction[] = [];
    for (const person of plan.people) {
      if (person.roomId !== room.id) continue;
      if (members.has(person.id) && person.status !== 'joined') {
        actions.push({ type: 'participantJoined', personId: person.id, sessionId: session.id });
      } else if (!members.has(person.id) && person.status === 'joined') {
        actions.push({ type: 'participantLeft', personId: person.id, sessionId: session.id });
      }
    }
    if (actions.length > 0) this.deps.writer.record(...actions);
  }

  /**
   * Someone says they joined this room, which Miro did not tell this app (C4): anyone running the
   * app can send that, so the room's members are read back from Miro (batched with other checks)
   * and only they are marked joined.
   */
  checkClaimedJoin(roomId: string): void {
    this.staleRooms.add(roomId);
    this.scheduleReconcile(CLAIM_CHECK_MS);
  }

  /**
   * Where Miro tells only the session's starter (C4 "starter") or its members (C4 "members")
   * of joins, a facilitator who took over, or who is not in the room, never hears them, and an
   * invitee's own app cannot hear its own join either. While invitations are open, their rooms'
   * members are read back now and then, less often as time passes (an unheard time-out would
   * keep someone "invited" for good). Called on every plan; it keeps one timer.
   */
  sweepInvited(): void {
    if (this.sweepTimer !== null || this.stopped) return;
    const plan = this.runningPlan();
    if (!plan?.people.some((person) => person.status === 'invited')) return;
    this.sweepTimer = globalThis.setTimeout(() => {
      this.sweepTimer = null;
      const now = this.runningPlan();
      if (!now) return;
      for (const person of now.people) {
        if (person.status === 'invited' && person.roomId) this.staleRooms.add(person.roomId);
      }
      this.sweepDelay = Math.min(SWEEP_MAX_MS, this.sweepDelay * 2);
      this.scheduleReconcile(0);
      this.sweepInvited();
    }, this.sweepDelay);
  }

  /** New invitations (a start, "Invite again", a reload): read their rooms soon again. */
  restartSweep(): void {
    if (this.sweepTimer !== null) globalThis.clearTimeout(this.sweepTimer);
    this.sweepTimer = null;
    this.sweepDelay = SWEEP_MIN_MS;
    this.sweepInvited();
  }

  /** The running plan, when this tab runs it; the sweep has nothing to do otherwise. */
  private runningPlan(): Plan | null {
    const plan = this.deps.reader.plan();
    return plan?.phase === 'running' && this.deps.facilitates(plan) ? plan : null;
  }

  /**
   * A member who goes offline leaves their session (C13), and a `user-left` nobody was online to
   * hear (this app offline too, or a take-over in between) is never replayed. So when someone
   * comes or goes, the rooms of those who moved, and this user's own room (it cannot hear itself
   * go offline), are read back from Miro: one call per such room, batched over a few seconds.
   */
  private readonly onPresence = () => {
    const online = this.deps.presence.onlineIds();
    const before = this.lastOnline;
    this.lastOnline = online;
    const plan = this.runningPlan();
    if (!before || !plan) return;
    for (const person of plan.people) {
      const moved = online.has(person.id) !== before.has(person.id);
      if (person.roomId && (moved || person.id === this.deps.me.id))
        this.staleRooms.add(person.roomId);
    }
    this.scheduleReconcile(RECONCILE_BATCH_MS);
  };

  private scheduleReconcile(wait: number): void {
    if (this.reconcileTimer !== null || this.staleRooms.size === 0 || this.stopped) return;
    this.reconcileTimer = globalThis.setTimeout(() => {
      this.reconcileTimer = null;
      void this.reconcileStale();
    }, wait);
  }

  private async reconcileStale(): Promise<void> {
    const plan = this.runningPlan();
    const rooms = [...this.staleRooms];
    this.staleRooms.clear();
    if (!plan) return;
    const unread = await this.deps.sessions.byId().then(
      (sessions) =>
        Promise.all(
          rooms.map(async (roomId) => {
            const sessionId = plan.rooms.find((room) => room.id === roomId)?.sessionId;
            const session = sessionId ? sessions.get(sessionId) : undefined;
            if (!session) return [];
            return this.reconcile(session).then(
              () => [],
              () => [roomId],
            );
          }),
        ).then((results) => results.flat()),
      () => rooms,
    );
    // Still unknown (Miro unreachable, or this client offline): read them again later.
    for (const roomId of unread) this.staleRooms.add(roomId);
    this.scheduleReconcile(RECONCILE_RETRY_MS);
  }
}
