import type { PersonRef, Plan } from '../domain/plan';
import { fitNotification } from '../domain/text';
import type { Board } from '../sdk/connect';
import type { PlanReader } from './plan-reader';

/** What someone who asked to facilitate is told (≤ 80 characters each). */
export const handOverAllowedNotice = (facilitator: string) =>
  fitNotification`${facilitator} lets you facilitate: take over in the panel within 2 min`;
export const handOverDeniedNotice = (facilitator: string) =>
  fitNotification`${facilitator} keeps facilitating: your request was declined`;
export const coFacilitatorNotice = (facilitator: string) =>
  fitNotification`${facilitator} made you a co-facilitator: you may take over at any time`;

/**
 * Tells this user, from their own headless app (panel open or not), what became of their request
 * to facilitate and when they were named co-facilitator, from the plan as it changes: an allowed
 * hand-over to them, their request gone without one (denied), their id added to the list.
 */
export class HandOverNotices {
  private last: Plan | null = null;

  constructor(
    private readonly deps: { board: Board; reader: PlanReader; me: PersonRef; now: () => number },
  ) {}

  planChanged(): void {
    const plan = this.deps.reader.plan();
    const before = this.last;
    this.last = plan;
    if (!plan || !before || plan.facilitator.id === this.deps.me.id) return;
    if (plan.facilitator.id !== before.facilitator.id) return;
    const notice = this.noticeFor(before, plan);
    if (notice !== null) void this.deps.board.notifications.showInfo(notice).catch(() => {});
  }

  private noticeFor(before: Plan, plan: Plan): string | null {
    const id = this.deps.me.id;
    const name = plan.facilitator.name;
    const was = before.coFacilitation;
    const is = plan.coFacilitation;
    if (is.coFacilitatorIds.includes(id) && !was.coFacilitatorIds.includes(id)) {
      return coFacilitatorNotice(name);
    }
    const handOver = is.handOver;
    const fresh = handOver?.personId === id && handOver.until !== was.handOver?.until;
    if (fresh && handOver.until > this.deps.now()) return handOverAllowedNotice(name);
    const askedBefore = was.asks.some((ask) => ask.personId === id);
    const askedNow = is.asks.some((ask) => ask.personId === id);
    if (askedBefore && !askedNow && handOver?.personId !== id) return handOverDeniedNotice(name);
    return null;
  }
}
