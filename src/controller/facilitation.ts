import type { PlanAction } from '../domain/actions';
import {
  closureOf,
  isPaused,
  isValidWarning,
  MAX_ANNOUNCEMENT_LENGTH,
  MAX_WARNING_MS,
  MIN_WARNING_MS,
  roomRefusal,
} from '../domain/facilitation';
import type { PersonRef, Plan, Room } from '../domain/plan';
import { cleanAnnouncement } from '../domain/reduce-facilitation';
import type { Board } from '../sdk/connect';
import { errorMessage } from '../sdk/retry';
import type { Session } from '../sdk/surface';
import type { CommandResult, FacilitationCommand } from './commands';
import type { PlanReader } from './plan-reader';
import type { PlanWriter } from './plan-writer';
import type { Presence } from './presence';
import { done, failed, refused } from './results';

export type FacilitationDeps = {
  board: Board;
  reader: PlanReader;
  writer: PlanWriter;
  presence: Presence;
  me: PersonRef;
  now: () => number;
  newId: () => string;
  /** The live Session of a room, fetched from Miro only when this app does not hold it. */
  sessionOf: (sessionId: string) => Promise<Session | undefined>;
  forgetSession: (sessionId: string) => void;
  /** The facilitator controller's own "assign and invite". */
  assignAndInvite: (person: PersonRef, roomId: string) => Promise<CommandResult>;
  reportProblem: (problem: string | null) => void;
};

const MINUTE = 60_000;
const TIMER_PROBLEM =
  'Miro’s board timer could not follow this change; the countdown in the app is the right one.';

/**
 * The facilitator's actions while rooms run. Each costs the facilitator a constant number of calls
 * (one plan write, at most one timer call or one session call), whatever the number of people:
 * announcements, warnings and returns from closed rooms are carried out by every participant's own
 * app from the plan. Only "bring room here" moves others, one `zoomTo` per member of that room.
 */
export class Facilitation {
  constructor(private readonly deps: FacilitationDeps) {}

  async run(command: FacilitationCommand): Promise<CommandResult> {
    const plan = this.deps.reader.plan();
    if (!plan) return refused('Set up a breakout first.');
    if (command.type === 'setClosingWarning') return this.setWarning(command.warningMs);
    if (plan.phase !== 'running') return refused('The breakout is not running.');
    switch (command.type) {
      case 'announce':
        return this.announce(command.text);
      case 'extendTime':
        return this.extend(plan, command.minutes);
      case 'pauseTime':
        return this.pause(plan);
      case 'resumeTime':
        return this.resume(plan);
      case 'lockRoom':
        return done(
          await this.deps.writer.apply([
            { type: command.locked ? 'roomLocked' : 'roomUnlocked', roomId: command.roomId },
          ]),
        );
      case 'closeRoom':
        return this.closeRoom(plan, command.roomId);
      case 'movePerson': {
        const refusal = roomRefusal(plan, command.roomId);
        if (refusal) return refused(refusal);
        return this.deps.assignAndInvite(command.person, command.roomId);
      }
      case 'helpOnTheWay':
        return done(
          await this.deps.writer.apply([
            { type: 'facilitatorOnTheWay', personId: command.personId },
          ]),
        );
      case 'bringRoomTo':
        return this.bringRoomTo(plan, command.roomId, command.itemIds);
    }
  }

  private async announce(text: string): Promise<CommandResult> {
    const clean = cleanAnnouncement(text);
    if (clean === '') return refused('Write a message first.');
    if (toSingleLength(text) > MAX_ANNOUNCEMENT_LENGTH) {
      return refused(`Keep the message to ${MAX_ANNOUNCEMENT_LENGTH} characters.`);
    }
    return done(
      await this.deps.writer.apply([
        { type: 'announcementPosted', id: this.deps.newId(), text: clean, at: this.deps.now() },
      ]),
    );
  }

  private async setWarning(warningMs: number): Promise<CommandResult> {
    if (!isValidWarning(warningMs)) {
      return refused(
        `Choose a warning from ${MIN_WARNING_MS / 1000} to ${MAX_WARNING_MS / 1000} seconds.`,
      );
    }
    return done(await this.deps.writer.apply([{ type: 'closingWarningSet', warningMs }]));
  }

  /**
   * The plan and the board timer change together. The plan is what counts (auto-close and every
   * countdown read it), so a timer that refuses is reported, not retried.
   */
  private async withTimer(
    plan: Plan,
    action: PlanAction,
    timer: () => Promise<unknown>,
  ): Promise<CommandResult> {
    const [written, timed] = await Promise.allSettled([
      this.deps.writer.apply([action]),
      plan.timer === 'board' ? timer() : Promise.resolve(),
    ]);
    if (written.status === 'rejected') {
      return failed(written.reason);
    }
    this.deps.reportProblem(timed.status === 'rejected' ? TIMER_PROBLEM : null);
    return done(written.value);
  }

  private extend(plan: Plan, minutes: number): Promise<CommandResult> | CommandResult {
    if (plan.endsAt === null) return refused('This breakout has no time limit.');
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 60) {
      return refused('Add from 1 to 60 minutes.');
    }
    const byMs = minutes * MINUTE;
    return this.withTimer(plan, { type: 'timeExtended', byMs }, () =>
      this.deps.board.timer.prolong(byMs),
    );
  }

  private pause(plan: Plan): Promise<CommandResult> | CommandResult {
    if (plan.endsAt === null) return refused('This breakout has no time limit.');
    if (isPaused(plan)) return done(plan);
    return this.withTimer(plan, { type: 'breakoutPaused', at: this.deps.now() }, () =>
      this.deps.board.timer.pause(),
    );
  }

  private resume(plan: Plan): Promise<CommandResult> | CommandResult {
    if (!isPaused(plan)) return done(plan);
    return this.withTimer(plan, { type: 'breakoutResumed', at: this.deps.now() }, () =>
      this.deps.board.timer.resume(),
    );
  }

  /**
   * The session ends first: if Miro refuses, nothing is written and the button can be pressed
   * again. Each member's own app sees the closure in the plan and takes them back.
   */
  private async closeRoom(plan: Plan, roomId: string): Promise<CommandResult> {
    const room = plan.rooms.find((candidate) => candidate.id === roomId);
    if (!room) return refused('That room is not in the breakout any more.');
    if (closureOf(plan, roomId)) return done(plan);
    if (room.sessionId) {
      const session = await this.deps.sessionOf(room.sessionId);
      if (session) {
        try {
          await session.end();
        } catch (error) {
          return refused(`“${room.name}” could not be closed: ${errorMessage(error)}`);
        }
        this.deps.forgetSession(room.sessionId);
      }
    }
    return done(
      await this.deps.writer.apply([{ type: 'roomClosed', roomId, at: this.deps.now() }]),
    );
  }

  /**
   * One `zoomTo` per member of the room, in parallel. Miro may only let the app move people who
   * are in one of its sessions (C15): only people who joined the room are asked for, and anyone
   * Miro still refuses is counted in the answer.
   */
  private async bringRoomTo(
    plan: Plan,
    roomId: string,
    itemIds: readonly string[],
  ): Promise<CommandResult> {
    const room: Room | undefined = plan.rooms.find((candidate) => candidate.id === roomId);
    if (!room) return refused('That room is not in the breakout any more.');
    // Its people were taken back to the main area when it closed; they are not its members now.
    if (closureOf(plan, roomId)) return refused(`“${room.name}” is closed.`);
    if (itemIds.length === 0) return refused('Select something on the board first.');
    await this.deps.presence.start();
    const online = this.deps.presence.onlineIds();
    const members = plan.people.filter(
      (person) =>
        person.roomId === roomId &&
        person.status === 'joined' &&
        person.id !== this.deps.me.id &&
        online.has(person.id),
    );
    if (members.length === 0) return refused(`Nobody is in “${room.name}” now.`);
    const items = await this.deps.board.get({ id: [...itemIds] });
    if (items.length === 0) return refused('The selected items are no longer on the board.');
    const results = await Promise.allSettled(
      members.map(({ id, name }) => this.deps.board.collaboration.zoomTo({ id, name }, items)),
    );
    const missed = results.filter((result) => result.status === 'rejected').length;
    if (missed > 0) {
      return refused(
        `${missed} of ${members.length} people in “${room.name}” could not be moved there.`,
      );
    }
    return done(plan);
  }
}

/** Length after making it one line, as the stored text would be before capping. */
const toSingleLength = (text: string) => text.trim().replace(/\s+/g, ' ').length;
