import {
  FACILITATE_ASK_INTERVAL_MS,
  HAND_OVER_MS,
  type TakeOverFacts,
  takeOverRight,
} from '../domain/co-facilitation';
import { createRateLimiter } from '../domain/messages';
import type { PersonRef, Plan } from '../domain/plan';
import { cleanName, fitNotification } from '../domain/text';
import type { Board } from '../sdk/connect';
import type { PlanReader } from './plan-reader';
import type { PlanWriter } from './plan-writer';
import type { Presence } from './presence';

export type WhoFacilitatesDeps = {
  board: Board;
  reader: PlanReader;
  writer: PlanWriter;
  presence: Presence;
  me: PersonRef;
  now: () => number;
  /** What this app saw of Miro's online users, for the take-over rule (absences.ts). */
  takeOverFacts: (held: Plan) => TakeOverFacts;
};

/**
 * Who may facilitate, on the facilitator's side and the taker's (domain/co-facilitation.ts has the
 * rule): naming co-facilitators, requests to facilitate (counted against the id Miro lists as
 * online, one per person per FACILITATE_ASK_INTERVAL_MS, a Miro notification with Miro's name),
 * Allow / Deny, and whether this user may take over now.
 */
export class WhoFacilitates {
  private readonly perPerson = createRateLimiter({ perPersonMs: FACILITATE_ASK_INTERVAL_MS });

  constructor(private readonly deps: WhoFacilitatesDeps) {}

  /** Why this user may not take over from `plan`, or null when they may. */
  refusal(plan: Plan): string | null {
    const right = takeOverRight(plan, this.deps.me.id, this.deps.takeOverFacts(plan));
    if (right.may) return null;
    const name = plan.facilitator.name;
    if (right.allowedAt === null) {
      return `Only ${name}’s co-facilitators may take over. Ask to facilitate: ${name} can allow it.`;
    }
    const seconds = Math.ceil((right.allowedAt - this.deps.now()) / 1000);
    return `${name} is offline: anyone may take over once they have been away for 1 min (in ${seconds} s).`;
  }

  /** The facilitator's list, kept to people Miro lists as online or already named. */
  async name(personIds: readonly string[]): Promise<Plan> {
    await this.deps.presence.start().catch(() => {});
    const online = this.deps.presence.onlineIds();
    const named = new Set(this.deps.reader.plan()?.coFacilitation.coFacilitatorIds);
    const kept = personIds.filter((id) => named.has(id) || online.has(id));
    return this.deps.writer.apply([{ type: 'coFacilitatorsNamed', personIds: kept }]);
  }

  answer(personId: string, allow: boolean): Promise<Plan> {
    return this.deps.writer.apply([
      allow
        ? { type: 'handOverAllowed', personId, until: this.deps.now() + HAND_OVER_MS }
        : { type: 'handOverDenied', personId },
    ]);
  }

  /** A validated "ask to facilitate" broadcast, while this app runs the plan. */
  async asked(plan: Plan, claimedId: string): Promise<void> {
    await this.deps.presence.start().catch(() => {});
    // Miro's list, not the message, says who this is: someone not on the board cannot ask.
    const user = this.deps.presence.onlineUsers().find((candidate) => candidate.id === claimedId);
    if (!user || user.id === this.deps.me.id) return;
    const { coFacilitatorIds, asks } = plan.coFacilitation;
    if (coFacilitatorIds.includes(user.id) || asks.some((ask) => ask.personId === user.id)) return;
    const now = this.deps.now();
    if (!this.perPerson.allow(user.id, now)) return;
    this.deps.writer.record({ type: 'facilitateAsked', personId: user.id, at: now });
    const text = fitNotification`${cleanName(user.name)} asks to facilitate: see the panel`;
    void this.deps.board.notifications.showInfo(text).catch(() => {});
  }
}
