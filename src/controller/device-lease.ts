import { PLAN_COLLECTION, type Plan } from '../domain/plan';
import { encodeLease, LEASE_KEY, type Lease, parseLease } from '../domain/stored/lease';
import type { Board } from '../sdk/connect';
import type { Json } from '../sdk/surface';
import type { Journal, StorageGuard } from './storage-guard';

/**
 * While rooms run (starting, running, ending) the holder says it still runs this often: a `get`
 * (is the lease still mine?) and a `set` (the heartbeat), 2 Level-1 calls = 100 credits, so 600
 * credits a minute: 0.6 % of the minute's 100,000 and 3.6 % of the hour's 1,000,000 (miro-sdk.md
 * 4.1), paid by the running device only. In planning and after the end nothing runs by itself:
 * no heartbeat, a write first confirms a lease not confirmed for LEASE_HOLD_MS (one `get`), and
 * a waiting device waits for "Run it here".
 */
export const LEASE_HEARTBEAT_MS = 10_000;
/**
 * A holder that could not confirm its lease for this long writes nothing until it does: by then
 * a device that saw its heartbeat stop may be about to take over.
 */
export const LEASE_HOLD_MS = 15_000;
/** A waiting device that saw no heartbeat for this long takes over by itself (3 missed). */
export const LEASE_EXPIRY_MS = 30_000;
/**
 * After taking the lease from a device that still ran, this one waits this long before writing:
 * the other device checks its lease every heartbeat and stops writing once it could not confirm
 * it for LEASE_HOLD_MS, so none of its writes can land between this device's.
 */
export const TAKEOVER_FENCE_MS = LEASE_HOLD_MS + 1_000;
/**
 * A lease more epochs ahead of the plan than this is not believed: a real take-over adds one to
 * what it saw, and its first plan write carries it. A forged far epoch would otherwise stop the
 * facilitator's devices until someone outbid it.
 */
export const MAX_EPOCH_AHEAD = 100;
/** A read or write of the lease that failed is tried again this much later. */
export const CLAIM_RETRY_MS = 2_000;

export const LOST_TO_OTHER_DEVICE =
  'Your other device runs the breakout now, so this change was not saved here.';
export const LEASE_UNCONFIRMED =
  'This device could not confirm it still runs the breakout, so the change waits. Check the connection.';

export class DeviceLeaseError extends Error {}

/** What the panel shows on a device that waits for the one that runs the breakout. */
export type OtherDevice = { seenAt: number };

export type DeviceLeaseDeps = {
  board: Board;
  userId: string;
  /**
   * This browser's device id (`deviceId`); null without a journal that outlives the app: such
   * an app cannot know its own lease after a reload, so it takes no part and runs, as before.
   */
  device: string | null;
  now: () => number;
  /** The plan this app holds: only its facilitator's devices contend, from its epoch on. */
  plan: () => Plan | null;
  /** Knows this browser's writes, so a reload recognises its own lease. */
  guard: StorageGuard;
  /** Another device took over: this app must stop at once. */
  lost: () => void;
  /** This device runs the breakout from now on (a wait ended, a take-over landed). */
  granted: () => void;
  /** Waiting, or the other device's last sign of life changed: the panel shows it. */
  changed: () => void;
};

type State = 'idle' | 'waiting' | 'claiming' | 'holding' | 'lost';

/**
 * One writer across the facilitator's devices. The device that runs the breakout keeps a lease
 * in storage fresh; another device of the facilitator waits while it is fresh, takes over when
 * it expires, or when the facilitator asks (epoch + 1). Every plan write carries the epoch
 * (`clearance`), and a device that sees a higher one, in the lease or in a plan, stops writing
 * at once and checks the lease: lost, it stops; otherwise (a forged plan) it goes on.
 */
export class DeviceLease {
  private state: State = 'idle';
  private epoch = 0;
  /** The last meaningful lease seen in storage, and when this device saw it change. */
  private seen: Lease | null = null;
  private seenAt = Number.NEGATIVE_INFINITY;
  /** When this device saw rooms begin to run (expiry counts from then at the earliest). */
  private activeSince: number | null = null;
  private confirmedAt = Number.NEGATIVE_INFINITY;
  private doubt = false;
  private watching: Promise<void> | null = null;
  private deciding: Promise<boolean> | null = null;
  private checking: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private readonly onValue = (value: Json | undefined) => this.receive(value);

  constructor(private readonly deps: DeviceLeaseDeps) {}

  /** Whether this browser ever held the lease on this board (its journal says so). */
  heldBefore(): boolean {
    return (
      this.deps.device !== null &&
      this.deps.guard.lastWritten(PLAN_COLLECTION, LEASE_KEY) !== undefined
    );
  }

  /** Subscribes to the lease and reads it; once. Only the facilitator's apps call this. */
  watch(): Promise<void> {
    if (this.deps.device === null) return Promise.resolve();
    this.watching ??= (async () => {
      const leases = this.deps.board.storage.collection(PLAN_COLLECTION);
      // Missing a subscription only delays news: the holder reads its lease every heartbeat and
      // a waiting device before it takes over. The next watch subscribes again.
      const subscribed = leases.onValue(LEASE_KEY, this.onValue).then(
        () => true,
        () => false,
      );
      this.receive(await leases.get(LEASE_KEY));
      if (!(await subscribed)) this.watching = null;
    })().catch((error: unknown) => {
      this.watching = null;
      throw error;
    });
    return this.watching;
  }

  /** This device runs the breakout (it may still be confirming its lease). */
  runs(): boolean {
    return this.deps.device === null || this.state === 'holding';
  }

  /** Set while another device of the facilitator runs the breakout and this one waits. */
  otherDevice(): OtherDevice | null {
    return this.state === 'waiting' || this.state === 'lost' ? { seenAt: this.seenAt } : null;
  }

  /**
   * The plan names this user: run it here unless another device does (then wait for its lease
   * to expire). Resolves whether this device runs it now.
   */
  holdOrWait(): Promise<boolean> {
    if (this.deps.device === null) return Promise.resolve(true);
    if (this.state === 'holding' || this.state === 'claiming') {
      return Promise.resolve(this.state === 'holding');
    }
    if (this.state === 'lost' || this.stopped) return Promise.resolve(false);
    this.deciding ??= this.decide().finally(() => {
      this.deciding = null;
    });
    return this.deciding;
  }

  private async decide(): Promise<boolean> {
    try {
      await this.watch();
      const other = this.otherHolder();
      if (other && this.live()) {
        this.wait();
        return false;
      }
      // Mine already (a reload, another tab of this browser): nothing changes hands.
      if (this.seen?.device === this.deps.device) {
        this.hold(this.seen.epoch);
        return true;
      }
      // Free, expired, or void: no other device writes.
      await this.claim(this.nextEpoch(), false);
      return this.runs();
    } catch (error) {
      this.retryLater();
      throw error;
    }
  }

  /** A read or write of the lease failed: asked again soon, not only at the next plan change. */
  private retryLater(): void {
    if (this.stopped || this.timer !== null || this.state !== 'idle') return;
    this.timer = globalThis.setTimeout(() => {
      this.timer = null;
      void this.holdOrWait()
        .then((runs) => runs && this.deps.granted())
        .catch(() => {});
    }, CLAIM_RETRY_MS);
  }

  /** "Run it here": take the breakout from the other device, which stops once it sees this. */
  async takeOver(): Promise<void> {
    if (this.runs() || this.state === 'claiming' || this.stopped) return;
    await this.watch();
    await this.claim(this.nextEpoch(), this.otherHolder() !== null && this.live());
  }

  /**
   * The epoch of this device's next write, once it may write: a doubt (a higher epoch seen) or a
   * lease not confirmed lately is checked first. Rejects when another device runs it.
   */
  async clearance(): Promise<number> {
    if (this.deps.device === null) return this.deps.plan()?.epoch ?? 0;
    if (this.state === 'idle') await this.holdOrWait();
    if (this.state === 'holding' && (this.doubt || !this.fresh())) await this.check();
    if (this.state !== 'holding') throw new DeviceLeaseError(LOST_TO_OTHER_DEVICE);
    if (!this.fresh()) throw new Error(LEASE_UNCONFIRMED);
    return this.epoch;
  }

  /**
   * A value of this user's breakout that this browser did not write arrived. A plan (or control
   * value) with a higher epoch than this device's stops its writes until the lease is read
   * again. True when the value is the other device's (the plan at its lease's epoch, or any
   * other key while that device runs it): not an overwrite to restore.
   */
  sawClaim({ epoch }: { epoch: number | null }): boolean {
    if (this.deps.device === null) return false;
    if (epoch !== null && this.state === 'holding' && epoch > this.epoch) {
      this.doubt = true;
      void this.check().catch(() => {});
    }
    const other = this.otherHolder();
    if (!other) return false;
    return epoch === null
      ? this.state !== 'holding' && this.state !== 'claiming'
      : epoch === other.epoch && epoch >= this.epoch;
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
    void this.deps.board.storage.collection(PLAN_COLLECTION).offValue(LEASE_KEY, this.onValue);
  }

  /**
   * Called on every plan: rooms that begin to run start the heartbeat at once (and a waiting
   * device's expiry); rooms that stop running stop it.
   */
  planChanged(): void {
    const active = this.active();
    if (!active) this.activeSince = null;
    else this.activeSince ??= this.deps.now();
    if (this.state === 'holding' && active && this.timer === null) void this.heartbeat();
    if (this.state === 'waiting' && (this.timer === null) === active) this.wait();
  }

  /** Rooms of this user's breakout run: only then does anything happen by itself. */
  private active(): boolean {
    const plan = this.deps.plan();
    return (
      plan !== null &&
      plan.facilitator.id === this.deps.userId &&
      (plan.phase === 'starting' || plan.phase === 'running' || plan.phase === 'ending')
    );
  }

  /** The other device may still run it: rooms do not run, or it was seen lately. */
  private live(): boolean {
    if (this.activeSince === null) return true;
    return this.deps.now() - Math.max(this.seenAt, this.activeSince) < LEASE_EXPIRY_MS;
  }

  private fresh(): boolean {
    return this.deps.now() - this.confirmedAt <= LEASE_HOLD_MS;
  }

  /** The meaningful lease seen, when it names another device. */
  private otherHolder(): Lease | null {
    const seen = this.seen;
    return seen && seen.device !== this.deps.device ? seen : null;
  }

  private nextEpoch(): number {
    return Math.max(this.seen?.epoch ?? 0, this.epoch, this.deps.plan()?.epoch ?? 0) + 1;
  }

  /** A lease means something only for the plan's facilitator, and not far ahead of its plan. */
  private meaningful(lease: Lease | null): Lease | null {
    const plan = this.deps.plan();
    if (!lease || lease.holder !== this.deps.userId) return null;
    if (plan && plan.facilitator.id !== lease.holder) return null;
    if (lease.epoch - (plan?.epoch ?? 0) > MAX_EPOCH_AHEAD) return null;
    return lease;
  }

  private receive(value: Json | undefined): void {
    if (this.stopped) return;
    const lease = this.meaningful(parseLease(value));
    const changed = JSON.stringify(lease) !== JSON.stringify(this.seen);
    this.seen = lease;
    if (changed) this.seenAt = this.deps.now();
    const other = this.otherHolder();
    if ((this.state === 'holding' || this.state === 'claiming') && other) {
      if (other.epoch >= this.epoch) this.lose();
      // An older lease of the other device, written late: put this one back over it.
      else if (this.state === 'holding') void this.write().catch(() => {});
      return;
    }
    if (this.state === 'waiting') {
      if (!other) void this.holdOrWait().then((runs) => runs && this.deps.granted());
      else if (changed) this.wait();
    }
  }

  /** Waits for the other device's lease to expire; notes every sign of life it gives. */
  private wait(): void {
    this.state = 'waiting';
    this.clearTimer();
    if (this.activeSince !== null) {
      const since = Math.max(this.seenAt, this.activeSince);
      const left = Math.max(0, since + LEASE_EXPIRY_MS - this.deps.now());
      this.timer = globalThis.setTimeout(() => void this.expired(), left);
    }
    this.deps.changed();
  }

  /** No heartbeat for LEASE_EXPIRY_MS: read once more (a notification may have been lost). */
  private async expired(): Promise<void> {
    this.timer = null;
    if (this.state !== 'waiting' || this.stopped) return;
    const before = this.seen;
    try {
      this.receive(await this.deps.board.storage.collection(PLAN_COLLECTION).get(LEASE_KEY));
    } catch {
      this.wait();
      return;
    }
    if (this.state !== 'waiting') return;
    if (JSON.stringify(before) !== JSON.stringify(this.seen)) return;
    await this.claim(this.nextEpoch(), false);
    if (this.runs()) this.deps.granted();
  }

  /**
   * Takes the lease at `epoch`. Over a device that still ran (`fenced`), this one writes nothing
   * until that device must have stopped, and reads the lease back first.
   */
  private async claim(epoch: number, fenced: boolean): Promise<void> {
    const wasWaiting = this.state === 'waiting';
    this.clearTimer();
    this.state = 'claiming';
    this.epoch = epoch;
    if (!fenced) {
      // No other device runs it: this one may write at once, and its lease tells the others.
      // Lost, the lease is written again at the next check (the heartbeat, or a write's).
      this.hold(epoch);
      void this.write().catch(() => {});
      return;
    }
    try {
      await this.write();
      await new Promise((resolve) => globalThis.setTimeout(resolve, TAKEOVER_FENCE_MS));
      const back = parseLease(
        await this.deps.board.storage.collection(PLAN_COLLECTION).get(LEASE_KEY),
      );
      if (this.stopped) return;
      if (back && back.device !== this.deps.device && back.epoch >= this.epoch) {
        this.lose();
        return;
      }
    } catch (error) {
      if (this.state === 'claiming') this.state = wasWaiting ? 'waiting' : 'idle';
      if (this.state === 'waiting') this.wait();
      throw error;
    }
    if (this.state !== 'claiming' || this.stopped) return;
    this.hold(epoch);
  }

  private hold(epoch: number): void {
    this.state = 'holding';
    this.epoch = epoch;
    this.confirmedAt = this.deps.now();
    this.schedule();
  }

  private schedule(): void {
    this.clearTimer();
    if (!this.active()) return;
    this.timer = globalThis.setTimeout(() => {
      this.timer = null;
      void this.heartbeat();
    }, LEASE_HEARTBEAT_MS);
  }

  private async heartbeat(): Promise<void> {
    if (this.state !== 'holding' || this.stopped || !this.active()) return;
    try {
      await this.check();
      if (this.state === 'holding') await this.write();
    } catch {
      // Not confirmed: writes wait (clearance) until a later heartbeat gets through.
    }
    if (this.state === 'holding' && !this.stopped) this.schedule();
  }

  /** Reads the lease: still this device's (confirmed), or another's at this epoch or above. */
  private check(): Promise<void> {
    this.checking ??= (async () => {
      const startedAt = this.deps.now();
      const value = await this.deps.board.storage.collection(PLAN_COLLECTION).get(LEASE_KEY);
      this.receive(value);
      if (this.state !== 'holding') return;
      this.doubt = false;
      this.confirmedAt = startedAt;
      // Storage lost this device's lease (removed, damaged, forged under another user): again.
      if (this.seen?.device !== this.deps.device || this.seen.epoch !== this.epoch) {
        await this.write();
      }
    })().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private async write(): Promise<void> {
    const { device } = this.deps;
    if (device === null) return;
    const lease = encodeLease({
      schema: 1,
      holder: this.deps.userId,
      device,
      epoch: this.epoch,
      heartbeatAt: this.deps.now(),
    });
    this.deps.guard.wrote(PLAN_COLLECTION, LEASE_KEY, lease);
    await this.deps.board.storage.collection(PLAN_COLLECTION).set(LEASE_KEY, lease);
  }

  private lose(): void {
    if (this.state === 'lost') return;
    this.state = 'lost';
    this.clearTimer();
    this.deps.lost();
  }

  private clearTimer(): void {
    if (this.timer !== null) globalThis.clearTimeout(this.timer);
    this.timer = null;
  }
}

/** This browser's device id: made once, kept in its journal (localStorage), shared by its tabs. */
export function deviceId(journal: Journal): string {
  const name = 'breakout-rooms/device';
  const known = journal.get(name);
  if (known) return known;
  const made = globalThis.crypto.randomUUID();
  journal.set(name, made);
  return made;
}
