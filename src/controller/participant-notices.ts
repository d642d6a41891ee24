import { isHelpOnTheWay, warningAt } from '../domain/facilitation';
import type { PersonRef, Plan } from '../domain/plan';
import { formatRemaining, NOTIFICATION_LIMIT, splitForNotifications } from '../domain/text';
import type { Board } from '../sdk/connect';
import type { PlanReader } from './plan-reader';

/**
 * An announcement older than this when this app first sees the plan was posted before the board
 * opened (or before a reload): it is in the panel, and not shown again as a notification.
 */
export const ANNOUNCEMENT_FRESH_MS = 60_000;

export const ON_THE_WAY_NOTIFICATION = 'The facilitator is on the way to help you.';

export const warningText = (leftMs: number) =>
  `Rooms close in ${formatRemaining(leftMs)}. Time to wrap up.`;

/** " (2/3)": the longest suffix a 500-character message can need. */
const PART_SUFFIX_LENGTH = ' (10/10)'.length;

/** An announcement as Miro notifications: one if it fits, else numbered parts of whole words. */
export function announcementNotifications(text: string): string[] {
  const whole = splitForNotifications(text);
  if (whole.length <= 1) return whole;
  const parts = splitForNotifications(text, NOTIFICATION_LIMIT - PART_SUFFIX_LENGTH);
  return parts.map((part, index) => `${part} (${index + 1}/${parts.length})`);
}

export type ParticipantNoticesDeps = {
  board: Board;
  reader: PlanReader;
  me: PersonRef;
  now: () => number;
};

/**
 * What each user's own headless app shows from the plan while rooms run, panel open or not: the
 * facilitator's announcements (once each), the closing warning (timed here, so the facilitator's
 * app does nothing per person) and "the facilitator is on the way".
 */
export class ParticipantNotices {
  private readonly shown = new Set<string>();
  private seenFirstPlan = false;
  /** Notifications go out one after the other, so the parts of a message keep their order. */
  private queue: Promise<void> = Promise.resolve();
  private warningTimer: ReturnType<typeof setTimeout> | null = null;
  private warningKey: string | null = null;
  private stopped = false;

  constructor(private readonly deps: ParticipantNoticesDeps) {}

  stop(): void {
    this.stopped = true;
    this.clearWarning();
  }

  planChanged(): void {
    const plan = this.deps.reader.plan();
    if (!plan || this.stopped) return;
    this.announcements(plan);
    this.scheduleWarning(plan);
    this.onTheWay(plan);
  }

  private concerned(plan: Plan): boolean {
    if (plan.facilitator.id === this.deps.me.id) return true;
    return plan.people.some((person) => person.id === this.deps.me.id && person.roomId !== null);
  }

  private announcements(plan: Plan): void {
    const first = !this.seenFirstPlan;
    this.seenFirstPlan = true;
    // The facilitator wrote them; everyone else in the breakout, in a room or not, is told.
    if (plan.phase !== 'running' || plan.facilitator.id === this.deps.me.id) {
      for (const { id } of plan.facilitation.announcements) this.shown.add(`a:${id}`);
      return;
    }
    for (const announcement of plan.facilitation.announcements) {
      const key = `a:${announcement.id}`;
      if (this.shown.has(key)) continue;
      this.shown.add(key);
      if (first && this.deps.now() - announcement.at > ANNOUNCEMENT_FRESH_MS) continue;
      for (const part of announcementNotifications(announcement.text)) this.show(part);
    }
  }

  private scheduleWarning(plan: Plan): void {
    const at = warningAt(plan);
    // A warning as long as the breakout itself would greet everyone at the start: none then.
    const tooEarly = at !== null && plan.startedAt !== null && at <= plan.startedAt;
    if (at === null || tooEarly || plan.endsAt === null || !this.concerned(plan)) {
      this.clearWarning();
      return;
    }
    // A new end time (more time, a resume) is a new warning.
    const key = `${plan.runId}:${plan.endsAt}:${plan.facilitation.warningMs}`;
    if (key === this.warningKey) return;
    this.clearWarning();
    this.warningKey = key;
    const endsAt = plan.endsAt;
    const warn = () => {
      this.warningTimer = null;
      const current = this.deps.reader.plan();
      if (!current || current.runId !== plan.runId || warningAt(current) !== at) return;
      // A warning setting changed after the warning went out does not warn again of the same end.
      const end = `w:${plan.runId}:${endsAt}`;
      const left = endsAt - this.deps.now();
      if (left <= 0 || this.shown.has(end)) return;
      this.shown.add(end);
      this.show(warningText(left));
    };
    const wait = at - this.deps.now();
    if (wait <= 0) {
      // Opened (or reloaded) inside the warning time: warn now, unless it is already over.
      if (endsAt > this.deps.now()) warn();
      return;
    }
    this.warningTimer = globalThis.setTimeout(warn, wait);
  }

  private clearWarning(): void {
    if (this.warningTimer !== null) globalThis.clearTimeout(this.warningTimer);
    this.warningTimer = null;
    this.warningKey = null;
  }

  private onTheWay(plan: Plan): void {
    if (plan.phase !== 'running' || !isHelpOnTheWay(plan, this.deps.me.id)) return;
    const request = plan.helpRequests.find((candidate) => candidate.personId === this.deps.me.id);
    const key = `h:${plan.runId}:${request?.at}`;
    if (this.shown.has(key)) return;
    this.shown.add(key);
    this.show(ON_THE_WAY_NOTIFICATION);
  }

  private show(message: string): void {
    this.queue = this.queue.then(() =>
      this.stopped
        ? undefined
        : this.deps.board.notifications.showInfo(message).catch(() => {
            // A lost toast is not worth a retry: the panel shows the same text.
          }),
    );
  }
}
