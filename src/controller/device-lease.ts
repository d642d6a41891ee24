import {
  ASK_EVERY_MS,
  BEAT_AFTER_ASK_MS,
  expiresAt,
  LEASE_EXPIRY_MS,
  LEASE_HEARTBEAT_MS,
  leaseFor,
  nextEpoch,
  outranks,
  type Seen,
  standing,
} from '../domain/device-lease';
import { PLAN_COLLECTION, type Plan } from '../domain/plan';
import { encodeLease, LEASE_KEY, parseLease } from '../domain/stored/lease';
import type { Board } from '../sdk/connect';
import type { Json } from '../sdk/surface';
import { JUMP_CONFIRM_MS } from './plan-reader';
import type { Journal } from './storage-guard';

/** A read of the lease that failed is tried again this much later. */
export const LEASE_RETRY_MS = 2_000;

export const CHECKING_LEASE =
  'This device is checking that it still runs the breakout. The change is saved once it knows.';
export const WAITS_FOR_OTHER_DEVICE =
  'Your other device runs the breakout. Use “Run it here” to run it on this device.';

/** What the panel shows on a device that waits: when it last saw the other device beat. */
export type OtherDevice = { seenAt: number };

export type DeviceLeaseDeps = {
  board: Board;
  userId: string;
  /**
   * This browser's localStorage (storage-guard.ts): its device id and whether it holds the
   * lease. Null where nothing outlives the app (Node without one): such an app cannot know its
   * own lease after a reload, so it takes no part and runs, as before.
   */
  journal: Journal | null;
  /** Names the board and the user, so one browser's boards and users never mix. */
  scope: string;
  now: () => number;
  /** The plan this app holds: only its facilitator's devices contend, from its epoch on. */
  plan: () => Plan | null;
  /** Another device took over: this app must stop at once. */
  lost: () => void;
  /** This device runs the breakout from now on (the other device expired). */
  granted: () => void;
  /** The waiting notice changed (waiting began, ended, or the other device beat). */
  changed: () => void;
  /** Asks the device holding the lease to beat (a `device-waiting` broadcast). */
  ask: () => void;
  /**
   * Reads the plan again. A device about to take over does, while it still waits (and so takes
   * the other device's plans): a write of that device whose notification it missed would
   * otherwise be written over by its first plan, and lost.
   */
  readPlan: () => Promise<void>;
};

type State = 'idle' | 'deciding' | 'holding' | 'waiting' | 'lost';

/** What this browser keeps of its lease: the epoch it took, and whether it still holds it. */
type Kept = { epoch: number; holds: boolean };

/**
 * One writer across the facilitator's devices (domain/device-lease.ts has the rules). A reload
 * or another tab of the device that holds the lease holds it again at once, from what its
 * browser kept: it never waits for storage. Only another device reads the lease first, and
 * waits while the holder runs. Every plan write carries the epoch (`epoch()`, PlanWriter); a
 * holder that sees a higher one, in the lease or in a plan, stops writing at once.
 */
export class DeviceLease {
  private state: State = 'idle';
  private readonly device: string | null;
  /** The epoch this device holds, or held last. */
  private held: number;
  private seen: Seen = { lease: null, changedAt: Number.NEGATIVE_INFINITY };
  private runningSince: number | null = null;
  /** Since when this device waits while rooms run: the expiry counts from then at the earliest. */
  private waitingSince: number | null = null;
  private askedAt = Number.NEGATIVE_INFINITY;
  /** The holder beats until then: a waiting device asked. */
  private beatUntil = Number.NEGATIVE_INFINITY;
  private beat = 0;
  private checking: Promise<void> | null = null;
  private following: Promise<void> | null = null;
  private watching: Promise<void> | null = null;
  private deciding: Promise<boolean> | null = null;
  private succeeding: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private readonly onValue = (value: Json | undefined) => this.receive(value);

  constructor(private readonly deps: DeviceLeaseDeps) {
    this.device = deps.journal ? deviceId(deps.journal) : null;
    this.held = this.kept()?.epoch ?? 0;
  }

  /** This device runs the breakout (when the plan names this user). */
  runs(): boolean {
    return this.device === null || this.state === 'holding';
  }

  /**
   * Whether a plan write may go out now. A device the plan does not name yet (a new plan, a
   * take-over from another person) contends with none of its user's devices: it takes the lease
   * with this write. A holder that saw a higher epoch writes nothing until it read the lease.
   */
  mayWrite(): boolean {
    if (this.device === null) return true;
    if (this.state === 'idle' && !this.namesMe()) this.take(this.next(), true);
    return this.state === 'holding' && this.checking === null;
  }

  /** Why a write may not go out (mayWrite false). */
  refusal(): string {
    return this.state === 'holding' ? CHECKING_LEASE : WAITS_FOR_OTHER_DEVICE;
  }

  /** The epoch this device's plan writes carry. */
  epoch(): number {
    return this.held;
  }

  /** Set while another device of this user runs the breakout and this one waits. */
  otherDevice(): OtherDevice | null {
    return this.state === 'waiting' ? { seenAt: this.seen.changedAt } : null;
  }

  /**
   * The plan names this user: run it here unless another device does. The device that holds
   * the lease (its browser kept it) holds it again at once; another reads the lease first.
   * Resolves whether this device runs it now.
   */
  holdOrWait(): Promise<boolean> {
    if (this.holdAtOnce()) return Promise.resolve(true);
    if (this.state !== 'idle' || this.stopped) {
      return this.deciding ?? Promise.resolve(false);
    }
    this.state = 'deciding';
    this.deciding = this.decide().finally(() => {
      this.deciding = null;
    });
    return this.deciding;
  }

  /**
   * The part of holdOrWait that asks nothing of storage, for the moment a plan naming this user
   * arrives: the device that held the lease holds it again before anything reads whether it runs
   * the breakout (a reloaded app's first plan already starts its guard reads). True when held.
   */
  holdAtOnce(): boolean {
    if (this.device === null || this.state === 'holding') return true;
    if (this.state !== 'idle' || this.stopped || !this.namesMe()) return false;
    const kept = this.kept();
    if (kept?.holds && this.planEpoch() <= kept.epoch) {
      this.take(kept.epoch, false);
      return true;
    }
    // While rooms do not run nothing happens by itself: the device the facilitator opens last
    // runs it, unless it is the one that lost it (then it waits for "Run it here"). A device new
    // to this breakout reads the lease first (decide): its first plan may be a forgery.
    if (kept?.holds === true && !this.active()) {
      this.take(this.next(), true);
      return true;
    }
    return false;
  }

  /** "Run it here": this device takes the breakout from the other one, which stops on seeing it. */
  async takeOver(): Promise<void> {
    if (this.runs() || this.stopped) return;
    await this.watch();
    await this.deps.readPlan();
    if (this.runs() || this.stopped) return;
    this.take(this.next(), false);
    try {
      await this.write();
    } catch (error) {
      // Without its lease stored the other device would take this one's plans for forgeries.
      this.keep({ epoch: this.held, holds: false });
      this.wait();
      throw error;
    }
  }

  /**
   * A plan naming this user that this browser did not write carries `epoch`. True when it is
   * another device's of this user (it runs the breakout now): not an overwrite. A holder told of
   * a higher epoch stops writing at once and reads the lease: another device's at that epoch, it
   * stops; none (a forged plan), it goes on and puts its plan back.
   */
  sawEpoch(epoch: number): boolean {
    if (this.device === null) return false;
    if (this.state === 'holding') {
      if (epoch > this.held) void this.check().catch(() => {});
      return false;
    }
    return epoch > this.held;
  }

  /** Another device of this user waits and asked for the heartbeat (a `device-waiting`). */
  asked(): void {
    if (this.state !== 'holding' || this.stopped) return;
    const beating = this.timer !== null;
    this.beatUntil = this.deps.now() + BEAT_AFTER_ASK_MS;
    if (beating || !this.active()) return;
    void this.write().catch(() => {});
    this.schedule();
  }

  /** Called on every plan: rooms that begin to run start the wait's expiry and its asks. */
  planChanged(): void {
    const active = this.active();
    if (!active) this.runningSince = null;
    else this.runningSince ??= this.deps.now();
    if (this.state === 'holding' && !active) this.clearTimer();
    if (this.state === 'waiting' && (this.timer === null) === active) this.wait();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
    if (this.following) {
      void this.deps.board.storage.collection(PLAN_COLLECTION).offValue(LEASE_KEY, this.onValue);
    }
  }

  private async decide(): Promise<boolean> {
    try {
      await this.watch();
    } catch (error) {
      this.state = 'idle';
      this.retryLater();
      throw error;
    }
    if (this.stopped) return false;
    const now = standing(
      this.seen,
      this.device ?? '',
      this.deps.now(),
      this.runningSince,
      this.planEpoch(),
    );
    if (now === 'other') {
      // A device that lost the lease waits for "Run it here" (holdAtOnce), whatever the plan says.
      if (!this.active() && this.kept()?.holds !== false && (await this.stillResting())) {
        this.take(this.next(), true);
        return true;
      }
      this.wait();
      return false;
    }
    // Mine already (its browser forgot), free, or the other device has gone.
    this.take(
      now === 'mine' ? (this.seen.lease?.epoch ?? this.next()) : this.next(),
      now !== 'mine',
    );
    return true;
  }

  /**
   * While rooms do not run the device the facilitator opens last runs it. But a device new to
   * the breakout cannot tell the other device's plan from a forged one ("ended", "planning")
   * over rooms that device runs, which that device puts back within seconds: it reads the plan
   * again JUMP_CONFIRM_MS later, as readers confirm a take-over (fault run seed 910063: a
   * forged "ended" as the first plan of a freshly opened laptop, which took the lease and
   * stored the forgery as its own). True when rooms still do not run.
   */
  private async stillResting(): Promise<boolean> {
    await new Promise((resolve) => globalThis.setTimeout(resolve, JUMP_CONFIRM_MS));
    if (this.stopped) return false;
    // Unread, this device waits for "Run it here" rather than act on a plan it could not check.
    const read = await this.deps.readPlan().then(
      () => true,
      () => false,
    );
    return read && !this.stopped && !this.active();
  }

  /** A read of the lease failed: asked again soon, not only at the next plan. */
  private retryLater(): void {
    if (this.stopped || this.timer !== null) return;
    this.timer = globalThis.setTimeout(() => {
      this.timer = null;
      void this.holdOrWait()
        .then((runs) => runs && this.deps.granted())
        .catch(() => {});
    }, LEASE_RETRY_MS);
  }

  /** Subscribes to the lease; once (again after a failure). Costs no credits. */
  private follow(): Promise<void> {
    this.following ??= this.deps.board.storage
      .collection(PLAN_COLLECTION)
      .onValue(LEASE_KEY, this.onValue)
      .catch((error: unknown) => {
        this.following = null;
        throw error;
      });
    return this.following;
  }

  /** Subscribes to the lease and reads it; once (again after a failure). */
  private watch(): Promise<void> {
    this.watching ??= (async () => {
      await this.follow();
      this.receive(await this.deps.board.storage.collection(PLAN_COLLECTION).get(LEASE_KEY));
    })().catch((error: unknown) => {
      this.watching = null;
      throw error;
    });
    return this.watching;
  }

  private receive(value: Json | undefined): void {
    if (this.stopped || this.device === null) return;
    const lease = leaseFor(parseLease(value), this.deps.userId, this.planEpoch());
    if (JSON.stringify(lease) !== JSON.stringify(this.seen.lease)) {
      this.seen = { lease, changedAt: this.deps.now() };
      if (this.state === 'waiting') this.wait();
    }
    if (lease?.device === this.device) this.beat = Math.max(this.beat, lease.beat);
    if (this.state === 'holding' && lease && lease.device !== this.device) {
      if (outranks(lease, { epoch: this.held, device: this.device })) this.lose();
      // An older lease of the other device, written late: this device's is put back. (Removed,
      // damaged or another user's: the next beat writes it again; a write here would answer
      // another user's device writing its own, for ever.)
      else void this.write().catch(() => {});
    } else if (this.state === 'waiting' && this.namesMe() && !this.otherRuns()) {
      void this.succeed();
    }
  }

  /**
   * Waits for the other device to stop beating while rooms run, or for "Run it here". While rooms
   * run it asks that device to beat, now and every ASK_EVERY_MS.
   */
  private wait(): void {
    this.state = 'waiting';
    this.clearTimer();
    if (this.runningSince !== null) {
      const now = this.deps.now();
      this.waitingSince ??= now;
      if (now - this.askedAt >= ASK_EVERY_MS) {
        this.askedAt = now;
        this.deps.ask();
      }
      const at = Math.max(
        expiresAt(this.seen, this.runningSince) ?? now,
        this.waitingSince + LEASE_EXPIRY_MS,
      );
      this.timer = globalThis.setTimeout(
        () => void this.waited(),
        Math.max(0, Math.min(at, this.askedAt + ASK_EVERY_MS) - now),
      );
    } else {
      this.waitingSince = null;
    }
    this.deps.changed();
  }

  /** Time to ask again, or the expiry. */
  private async waited(): Promise<void> {
    this.timer = null;
    if (this.state !== 'waiting' || this.stopped) return;
    const now = this.deps.now();
    const at = Math.max(
      expiresAt(this.seen, this.runningSince) ?? now,
      (this.waitingSince ?? now) + LEASE_EXPIRY_MS,
    );
    if (now < at) this.wait();
    else await this.expired();
  }

  /** The other device has not beaten for the expiry: read once more (a lost notification). */
  private async expired(): Promise<void> {
    try {
      this.receive(await this.deps.board.storage.collection(PLAN_COLLECTION).get(LEASE_KEY));
    } catch {
      this.wait();
      return;
    }
    if (this.state !== 'waiting') return;
    if (this.otherRuns()) {
      if (this.timer === null) this.wait();
      return;
    }
    await this.succeed();
  }

  /**
   * The other device has gone: this one reads the plan first, while it still takes that
   * device's plans, so that a write of theirs whose notification it missed is not written over
   * by its first plan; then it runs the breakout. Once at a time.
   */
  private succeed(): Promise<void> {
    this.succeeding ??= (async () => {
      try {
        await this.deps.readPlan();
      } catch {
        if (this.state === 'waiting' && this.timer === null) this.wait();
        return;
      }
      if (this.state !== 'waiting' || this.stopped) return;
      if (this.otherRuns()) {
        if (this.timer === null) this.wait();
        return;
      }
      this.take(this.next(), true);
      this.deps.granted();
    })().finally(() => {
      this.succeeding = null;
    });
    return this.succeeding;
  }

  /** Another device of this user holds the lease and may still run (standing 'other'). */
  private otherRuns(): boolean {
    return (
      standing(
        this.seen,
        this.device ?? '',
        this.deps.now(),
        this.runningSince,
        this.planEpoch(),
      ) === 'other'
    );
  }

  private take(epoch: number, write: boolean): void {
    this.state = 'holding';
    this.held = epoch;
    this.keep({ epoch, holds: true });
    this.waitingSince = null;
    // Followed from now on, not read: a device that took over while this app was away writes
    // its plan at its epoch at once, and that plan stops this one (sawEpoch).
    void this.follow().catch(() => {});
    // After the plan write that may have asked for it (mayWrite), never before it: storage
    // answers one client's calls in order, and a take-over's plan must not wait for its lease.
    // Lost, it is written again at the next beat.
    if (write) queueMicrotask(() => void this.write().catch(() => {}));
    this.schedule();
  }

  /** While rooms run and a device asked lately, the lease is written every LEASE_HEARTBEAT_MS. */
  private schedule(): void {
    this.clearTimer();
    if (this.state !== 'holding' || this.stopped || !this.active()) return;
    if (this.deps.now() >= this.beatUntil) return;
    this.timer = globalThis.setTimeout(() => {
      void this.write().catch(() => {});
      this.schedule();
    }, LEASE_HEARTBEAT_MS);
  }

  /** Reads the lease after a higher epoch was seen in a plan; writes wait meanwhile. */
  private check(): Promise<void> {
    this.checking ??= (async () => {
      this.receive(await this.deps.board.storage.collection(PLAN_COLLECTION).get(LEASE_KEY));
    })().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private async write(): Promise<void> {
    if (this.device === null || this.stopped) return;
    this.beat += 1;
    const lease = encodeLease({
      schema: 1,
      holder: this.deps.userId,
      device: this.device,
      epoch: this.held,
      beat: this.beat,
    });
    await this.deps.board.storage.collection(PLAN_COLLECTION).set(LEASE_KEY, lease);
  }

  private lose(): void {
    this.state = 'lost';
    this.keep({ epoch: this.held, holds: false });
    this.clearTimer();
    this.deps.lost();
  }

  /** Rooms of this user's breakout run: only then does the holder beat. */
  private active(): boolean {
    const plan = this.deps.plan();
    return (
      plan !== null &&
      plan.facilitator.id === this.deps.userId &&
      (plan.phase === 'starting' || plan.phase === 'running' || plan.phase === 'ending')
    );
  }

  private namesMe(): boolean {
    return this.deps.plan()?.facilitator.id === this.deps.userId;
  }

  private planEpoch(): number {
    return this.deps.plan()?.epoch ?? 0;
  }

  private next(): number {
    return nextEpoch(this.held, this.planEpoch(), this.seen.lease?.epoch ?? 0);
  }

  private kept(): Kept | null {
    const text = this.deps.journal?.get(this.keptName());
    if (!text) return null;
    try {
      const { epoch, holds } = JSON.parse(text) as Partial<Kept>;
      return Number.isSafeInteger(epoch) && typeof holds === 'boolean'
        ? { epoch: epoch as number, holds }
        : null;
    } catch {
      return null;
    }
  }

  private keep(kept: Kept): void {
    this.deps.journal?.set(this.keptName(), JSON.stringify(kept));
  }

  private keptName(): string {
    return `breakout-rooms/device-lease/${this.deps.scope}`;
  }

  private clearTimer(): void {
    if (this.timer !== null) globalThis.clearTimeout(this.timer);
    this.timer = null;
  }
}

/** This browser's device id: made once, kept in its localStorage, shared by its tabs. */
export function deviceId(journal: Journal): string {
  const name = 'breakout-rooms/device';
  const known = journal.get(name);
  if (known) return known;
  const made = globalThis.crypto.randomUUID();
  journal.set(name, made);
  return made;
}
