import type { TakeOverFacts } from '../domain/co-facilitation';
import type { Layout } from '../domain/layout';
import { followedKeys, type Reader } from '../domain/layout-assemble';
import { type Held, NOTHING_HELD, received } from '../domain/layout-reader';
import { PLAN_COLLECTION, PLAN_KEY, type Plan } from '../domain/plan';
import type { PlanReadResult } from '../domain/stored/plan-v1';
import { type Control, INDEX_SHARDS, indexKey, parsePlanKey } from '../domain/stored/plan-v2';
import { reuseUnchanged } from '../domain/unchanged';
import type { Board } from '../sdk/connect';
import type { Json } from '../sdk/surface';
import { LayoutSource } from './layout-source';
import {
  type Claim,
  claimOf,
  isForgedJump,
  isHandOver,
  isTakeOver,
  journalPlan,
  overwriteKind,
  type PlanDefence,
} from './plan-defence';
import { goodPlanOf, type PlanSnapshot } from './plan-snapshot';

export { MAX_REVISION_JUMP, type Overwrite, type PlanDefence } from './plan-defence';
export { goodPlanOf, type PlanSnapshot } from './plan-snapshot';

/**
 * Keeps the latest trustworthy plan from realtime storage, in either layout: the one-key plan
 * (version 1) or the multi-key one (a control value under the plan's key and the values it
 * governs, docs/architecture.md "Storage layout"), whose keys it follows as the control value
 * names them (`followedKeys`). Subscribes before the first read and never goes back to a lower
 * revision, so a slow read or a reordered echo cannot roll the plan back (D12). Damaged or
 * newer-version data is reported as such and never replaces a good plan.
 */
export const REMOVED_MESSAGE =
  'The saved breakout plan was removed from the board. The app keeps the last plan it read, and the facilitator’s app saves it again.';
export const OVERWRITTEN_MESSAGE =
  'The saved breakout plan was overwritten with data the app cannot read. The app keeps the last plan it read, and the facilitator’s app saves it again.';
/** Damage at one key of the multi-key layout, named by key and field, over a good plan. */
export const overwrittenPartMessage = (detail: string) =>
  `Part of the saved breakout plan was overwritten with data the app cannot read (${detail}). The app keeps the last plan it read, and the facilitator’s app saves it again.`;

export const FORGED_MESSAGE =
  'An app other than this one (a participant’s, or yours on another device) changed the stored breakout plan. This app keeps its plan and saves it again.';

/**
 * How long a plan the revision rule would refuse (a far jump up, a fall below the plan held) has
 * to stay in storage to be believed (see believedLater). Also how long a value this app did not
 * write may stand ahead of the control value before it is an overwrite (see overwrites).
 */
export const JUMP_CONFIRM_MS = 5_000;

const EVERYONE: Reader = { kind: 'everyone' };
export class PlanReader {
  private defence: PlanDefence | null = null;
  /** A plan the revision rule refuses, first seen at `at` (see believedLater). */
  private doubted: { kind: Doubt; at: number } | null = null;
  /** What this app saw of Miro's online users, for the take-over rule; nothing until told. */
  private facts: (held: Plan) => TakeOverFacts = () => ({ now: Date.now(), offlineSince: null });
  private snapshot: PlanSnapshot = { status: 'loading' };
  private readonly listeners = new Set<(snapshot: PlanSnapshot) => void>();
  /** What the multi-key layout has delivered (layout-reader.ts); nothing while it is one key. */
  private held: Held = NOTHING_HELD;
  /** A control value below the one held was believed (see fellBelow): its plan replaces ours. */
  private falling = false;
  private readonly source: LayoutSource;
  /** Keys whose value, not this app's, stood ahead of the control value: judged again later. */
  private readonly ahead = new Set<string>();
  /** Keys read again to judge their value now (see ahead). */
  private readonly judging = new Set<string>();
  /** Reads and subscriptions on their way: start and refresh wait for them. */
  private readonly pending = new Set<Promise<void>>();
  private guardTurn = 0;
  private stopped = false;
  /** The highest revision of a plan this reader held running or further on (behindItsStart). */
  private ranUpTo = 0;
  /**
   * Called when storage no longer holds the plan this reader keeps: an older plan of another
   * facilitator (a take-over race), damaged data, or nothing. The facilitator's app writes its
   * plan back, so apps that load from storage now read the good plan too.
   */
  onOverwritten: () => void = () => {};

  /**
   * `scope`: whose plan is put together, asked at every value (the facilitator's, or a panel's,
   * is everyone's; a participant's app may follow its own room alone).
   */
  constructor(
    board: Board,
    private readonly scope: () => Reader = () => EVERYONE,
  ) {
    this.source = new LayoutSource(board, (key, value) => this.receive(key, value));
  }

  /** From now on, values this browser did not write over a plan naming this user are overwrites. */
  defend(defence: PlanDefence): void {
    this.defence = defence;
    if (this.held.control) this.follow();
  }

  /** Take-overs are judged with what this app saw of Miro's online users (absences.ts). */
  judgeTakeOvers(facts: (held: Plan) => TakeOverFacts): void {
    this.facts = facts;
  }

  async start(): Promise<void> {
    await this.source.follow([PLAN_KEY]);
    await this.settled();
  }

  /** Reads every followed key again, for when a change notification may have been lost (S3). */
  async refresh(): Promise<void> {
    await this.source.readAll();
    await this.settled();
  }

  /**
   * Reads the plan's key again and one other followed key in turn: what the facilitator's app
   * does every few seconds to find an overwrite whose notification was lost, at two reads a time
   * however many keys the breakout spans.
   */
  async guardRead(): Promise<void> {
    const others = this.source.followed().filter((key) => key !== PLAN_KEY);
    const other = others.length > 0 ? others[this.guardTurn++ % others.length] : undefined;
    await Promise.all([PLAN_KEY, ...(other ? [other] : [])].map((key) => this.source.read(key)));
    await this.settled();
  }

  stop(): void {
    this.stopped = true;
    this.listeners.clear();
    this.source.stop();
  }

  current(): PlanSnapshot {
    return this.snapshot;
  }

  /** The last good plan, whatever arrived since. */
  plan(): Plan | null {
    return goodPlanOf(this.snapshot);
  }

  /** The keys this reader follows now. */
  followed(): string[] {
    return this.source.followed();
  }

  subscribe(listener: (snapshot: PlanSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Our own committed write: known before (or without) its echo (S1 variants). `layout`: the
   * values it was stored as, in the multi-key layout, which this reader then holds and follows.
   */
  committed(plan: Plan, layout?: Layout): void {
    if (layout) {
      this.held = { control: layout.control, values: layout.values, plan: null };
      this.follow();
    }
    this.accept({ status: 'ok', plan });
  }

  private receive(key: string, value: Json | undefined): void {
    if (this.stopped || this.overwrites(key, value)) return;
    if (key !== PLAN_KEY) {
      this.take(key, value);
      return;
    }
    const read = parsePlanKey(value);
    switch (read.status) {
      case 'v1':
        // This version still writes one key: a one-key plan above the control value held is
        // taken under the same rules (layout-reader.ts), or a layout forged over the plan would
        // shut out the facilitator's app putting it back.
        if (this.held.control !== null) {
          if (read.plan.revision <= this.held.control.revision) return;
          this.held = NOTHING_HELD;
          this.follow();
        }
        this.accept({ status: 'ok', plan: read.plan });
        return;
      case 'control':
        if (this.admits(read.control)) this.take(key, value);
        return;
      default:
        this.accept(read);
    }
  }

  /** The revision rules of accept, for a control value: whether it is taken. */
  private admits(control: Control): boolean {
    const held = this.plan();
    if (!held) return true;
    if (isForgedJump(held, control) && !this.believedLater('jump')) {
      this.onOverwritten();
      return false;
    }
    if (this.refusesTakeOver(held, claimOfPlan(control))) return false;
    const heldRevision = this.held.control?.revision ?? held.revision;
    if (control.revision > heldRevision) return true;
    if (control.facilitator.id !== held.facilitator.id) this.onOverwritten();
    else if (this.fellBelow(heldRevision, held, control) && this.believedLater('fall')) {
      // Put together again from this control value alone: what was held came after it.
      this.held = NOTHING_HELD;
      this.falling = true;
      return true;
    }
    return false;
  }

  /** A value of the multi-key layout, fed to what the layout has delivered so far. */
  private take(key: string, value: Json | undefined): void {
    // The plan is put together afresh each time: which plan is newer is this reader's rule.
    const result = received({ ...this.held, plan: null }, key, value, this.scope());
    this.held = { ...result.held, plan: null };
    for (const again of result.reread) this.track(this.source.read(again));
    this.follow();
    const held = this.plan();
    if (result.problem !== null) {
      if (!held) {
        this.publish({ status: 'corrupt', message: result.problem, lastGood: null });
        return;
      }
      this.publish({
        status: 'corrupt',
        message: result.detail ? overwrittenPartMessage(result.detail) : OVERWRITTEN_MESSAGE,
        lastGood: held,
      });
      this.onOverwritten();
      return;
    }
    const plan = result.held.plan;
    if (!plan) return;
    // A plan's revision is the highest of its control value's and its statuses' writes, so
    // statuses of another bucket written before the ones held arrive at the same revision.
    if (held && plan.revision < held.revision && !this.falling) return;
    const next = held ? reuseUnchanged(held, plan) : plan;
    if (next === held) return;
    this.falling = false;
    this.doubted = null;
    this.publish({ status: 'ok', plan: next });
  }

  /** Follows what the held control value names (and, to defend them, every index shard). */
  private follow(): void {
    const keys = followedKeys(this.held.control, this.held.values, this.scope());
    if (this.defence && this.held.control) {
      for (let shard = 0; shard < INDEX_SHARDS; shard++) {
        if (!keys.includes(indexKey(shard))) keys.push(indexKey(shard));
      }
    }
    this.track(this.source.follow(keys));
  }

  private track(work: Promise<void>): void {
    const done = work.catch(() => {}).finally(() => this.pending.delete(done));
    this.pending.add(done);
  }

  /** Resolves once no read or subscription is on its way. */
  private async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending);
  }

  /**
   * True when `value` at `key` is an overwrite of the plan this app defends: then this app goes
   * on with its own plan (the last it wrote, after a reload) and the writer puts it back.
   */
  private overwrites(key: string, value: Json | undefined): boolean {
    const defence = this.defence;
    if (!defence || defence.guard.knows(PLAN_COLLECTION, key, value)) return false;
    const held = this.plan();
    const base = held ?? journalPlan(defence.guard);
    if (!base || base.facilitator.id !== defence.userId) return false;
    const claim = claimOf(key, value);
    if (claim?.facilitatorId === defence.userId && claim.epoch !== null) {
      if (defence.otherDevice?.(claim.epoch)) return false;
    }
    if (claim && isTakeOver(base, claim, this.facts(base))) return false;
    // A value ahead of the control value may belong to another facilitator's control value
    // still on its way (a take-over writes it first): it is judged again JUMP_CONFIRM_MS later.
    const control = this.held.control?.revision ?? base.revision;
    if (key !== PLAN_KEY && claim && claim.revision > control && !this.judging.has(key)) {
      this.judgeLater(key);
      return false;
    }
    if (!held) this.publish({ status: 'ok', plan: base });
    this.publish({ status: 'corrupt', message: FORGED_MESSAGE, lastGood: base });
    // Kept at once, in the journal: the value may be written over by a write of ours already on
    // its way, or this app may reload, before the restore goes out; readers may hold it still.
    if (claim && !isForgedJump(base, claim)) {
      defence.guard.claimed(PLAN_COLLECTION, PLAN_KEY, claim.revision);
    }
    defence.overwritten({
      revision: claim?.revision ?? null,
      kind: overwriteKind(base, key, value, claim),
    });
    return true;
  }

  private judgeLater(key: string): void {
    if (this.ahead.has(key)) return;
    this.ahead.add(key);
    globalThis.setTimeout(() => {
      this.ahead.delete(key);
      if (this.stopped) return;
      this.judging.add(key);
      void this.source
        .read(key)
        .catch(() => {})
        .finally(() => this.judging.delete(key));
    }, JUMP_CONFIRM_MS);
  }

  private accept(next: PlanReadResult): void {
    const held = this.plan();
    switch (next.status) {
      case 'ok':
        if (held && isForgedJump(held, next.plan) && !this.believedLater('jump')) {
          this.onOverwritten();
          return;
        }
        if (held && this.refusesTakeOver(held, claimOfPlan(next.plan))) return;
        // Reordered or stale deliveries never roll the plan back.
        if (held && next.plan.revision <= held.revision) {
          // Our own late echoes are older too; only another facilitator's plan is a problem.
          if (next.plan.facilitator.id !== held.facilitator.id) this.onOverwritten();
          else if (this.fellBelow(held.revision, held, next.plan) && this.believedLater('fall')) {
            this.publish({ status: 'ok', plan: reuseUnchanged(held, next.plan) });
          }
          return;
        }
        this.doubted = null;
        this.publish({ status: 'ok', plan: held ? reuseUnchanged(held, next.plan) : next.plan });
        return;
      case 'empty':
        // The app never removes the plan: a value that vanishes under a good plan is damage (or
        // another client), and must not make everyone forget the breakout that is running.
        if (held) {
          this.publish({ status: 'corrupt', message: REMOVED_MESSAGE, lastGood: held });
          this.onOverwritten();
          return;
        }
        this.publish(next);
        return;
      case 'corrupt':
        if (held) {
          this.publish({ status: 'corrupt', message: OVERWRITTEN_MESSAGE, lastGood: held });
          this.onOverwritten();
          return;
        }
        this.publish({ status: 'corrupt', message: next.message, lastGood: null });
        return;
      case 'future':
        // A newer app's plan is never written over: the held plan becomes read-only here.
        this.publish({ status: 'future', message: next.message, lastGood: held });
    }
  }

  /**
   * Whether the plan held was a forgery this reader believed: the facilitator's plan, below it,
   * arrives instead. The forged value may have been in storage only for moments, written over by
   * a write of the facilitator's already on its way, so its app never saw it to go above it. The
   * facilitator's own reader never doubts its plan; and see believedLater.
   */
  private fellBelow(heldRevision: number, held: Plan, next: Revisioned): boolean {
    return next.revision < heldRevision && this.defence?.userId !== held.facilitator.id;
  }

  /**
   * A take-over the rule of the hand-over refuses (domain/co-facilitation.ts), as this reader saw
   * things: not believed, and the facilitator's app writes over it (see believedLater).
   */
  private refusesTakeOver(held: Plan, next: Claim): boolean {
    if (!isHandOver(held, next) || isTakeOver(held, next, this.facts(held))) return false;
    if (this.believedLater('take-over')) return false;
    this.onOverwritten();
    return true;
  }

  /**
   * A plan the revision rule refuses is believed only if storage still holds such a plan
   * JUMP_CONFIRM_MS later, read again then. A far jump: a forged one is put back by then, while
   * the facilitator's own plan after putting back a far forgery stays, and a reader that was
   * away takes it. A fall below: a stale read or a late echo is followed by the newer plan at
   * once, and a forged older plan is put back above the one held; only the facilitator going on
   * below a forgery this reader believed is still there. A take-over the rule refuses: the
   * facilitator's app, which holds its latest plan, puts a forged one back; one it lets stand was
   * allowed by a plan this reader missed (naming the taker co-facilitator, a hand-over). Any plan
   * taken meanwhile starts over.
   */
  private believedLater(kind: Doubt): boolean {
    const seen = this.doubted;
    const now = Date.now();
    if (seen?.kind === kind && now - seen.at >= JUMP_CONFIRM_MS) {
      this.doubted = null;
      return true;
    }
    if (seen?.kind !== kind) {
      this.doubted = { kind, at: now };
      globalThis.setTimeout(() => {
        if (!this.stopped) void this.refresh().catch(() => {});
      }, JUMP_CONFIRM_MS);
    }
    return false;
  }

  /**
   * Whether `plan` is behind a breakout this reader held started: not started, at a lower
   * revision than a plan it held running or further on. The facilitator's app only goes on (a
   * new run continues the revision), so that is an older plan someone wrote over it.
   */
  behindItsStart(plan: Plan): boolean {
    return (plan.phase === 'planning' || plan.phase === 'starting') && plan.revision < this.ranUpTo;
  }

  private publish(snapshot: PlanSnapshot): void {
    if (snapshot.status === 'ok') {
      const { phase, revision } = snapshot.plan;
      if (phase !== 'planning' && phase !== 'starting')
        this.ranUpTo = Math.max(this.ranUpTo, revision);
    }
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener(snapshot);
  }
}

type Revisioned = { revision: number };

/** Why a plan the rules refuse may still be believed later (believedLater). */
type Doubt = 'jump' | 'fall' | 'take-over';

const claimOfPlan = (plan: {
  revision: number;
  facilitator: { id: string };
  epoch: number;
}): Claim => ({
  revision: plan.revision,
  facilitatorId: plan.facilitator.id,
  epoch: plan.epoch,
});
