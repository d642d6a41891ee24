/**
 * The hostile participant: a modified client that broadcasts whatever it likes (help-request
 * floods, forged ends and joins in other people's names, junk) and presses Start although
 * somebody else facilitates. What it may change is checked by the invariants.
 */
import { GUARD_READ_MS } from '../src/controller/headless';
import { REWRITE_DELAY_MS } from '../src/controller/plan-writer';
import { BROADCAST_EVENT, helpRequested } from '../src/domain/messages';
import { PLAN_COLLECTION, PLAN_KEY, type Plan } from '../src/domain/plan';
import { randomIndex } from '../src/domain/random';
import { encodePlan } from '../src/domain/stored/plan-v1';
import type { Json } from '../src/sdk/surface';
import type { Member, Stage } from './stage';

/** How long a forged plan may stay in storage while the facilitator's app is there to see it. */
export const FORGED_PLAN_LIFETIME_MS = 2_000;

/** Every kind of forged plan of issue #15, built from the running plan. */
const FORGERIES: Record<string, (plan: Plan) => unknown> = {
  // The facilitator's id and a higher revision, moving the first person to another room.
  'a move': (plan) => {
    const [first] = plan.people;
    const other = plan.rooms.find((room) => room.id !== first?.roomId);
    return encodePlan({
      ...plan,
      revision: plan.revision + 7,
      people: plan.people.map((person) =>
        person === first ? { ...person, roomId: other?.id ?? null, status: 'assigned' } : person,
      ),
    });
  },
  '"ended"': (plan) =>
    encodePlan({
      ...plan,
      revision: plan.revision + 3,
      phase: 'ended',
      endedAt: plan.startedAt,
      rooms: plan.rooms.map((room) => ({ ...room, sessionId: null })),
    }),
  'an older plan': (plan) =>
    encodePlan({
      ...plan,
      revision: 1,
      phase: 'planning',
      startedAt: null,
      endsAt: null,
      rooms: plan.rooms.map((room) => ({ ...room, sessionId: null })),
    }),
  'a future version': (plan) => ({ ...encodePlan(plan), schema: 99, revision: plan.revision + 1 }),
  'damaged data': () => ({ schema: 1, rooms: 'x'.repeat(100) }),
};

/**
 * A participant's modified client writes forged plans over the running one, one of each kind at
 * drawn times. Each must be gone from storage within FORGED_PLAN_LIFETIME_MS whenever the
 * facilitator's app is there to see it (online, running, and still the facilitator).
 */
export function scheduleForgedPlans(s: Stage, window: number): void {
  for (const [kind, forge] of Object.entries(FORGERIES)) {
    s.later(randomIndex(s.random, window), () => {
      const plan = s.plan();
      if (plan?.phase !== 'running') return;
      const value = forge(plan) as Json;
      const text = JSON.stringify(value);
      s.observed.forgedPlans.add(text);
      const watched = defending(s, plan);
      const lifetime = allowedLifetime(s);
      s.sim.writeStorage(PLAN_COLLECTION, PLAN_KEY, value);
      s.log(`a participant's client wrote a forged plan (${kind}) over the plan`);
      s.later(lifetime, () => {
        const still = JSON.stringify(s.sim.storageValue(PLAN_COLLECTION, PLAN_KEY)) === text;
        if (still && watched && defending(s, plan)) {
          s.violate(`a forged plan (${kind}) was still in storage after ${lifetime} ms`);
        }
      });
    });
  }
}

/**
 * FORGED_PLAN_LIFETIME_MS beyond what the run's platform itself takes to tell the facilitator's
 * app (event latency) and to write (call latency). Where notifications are lost or storage calls
 * fail, the app finds the value by reading again (GUARD_READ_MS) or writes again (REWRITE_DELAY_MS).
 */
function allowedLifetime(s: Stage): number {
  const o = s.sim.options;
  const platform =
    o.eventLatencyMs + o.eventLatencyJitterMs + 2 * (o.callLatencyMs + o.callLatencyJitterMs);
  const lossy =
    o.dropStorageNotification > 0 ||
    (o.failureRate['storage.set'] ?? 0) > 0 ||
    (o.failureRate['storage.get'] ?? 0) > 0 ||
    o.enforceRateLimit;
  // A tight credit budget holds every write until the next minute's credits (rate limits, 4.1).
  const budget = o.enforceRateLimit && o.creditsPerMinute < 100_000 ? 60_000 : 0;
  return (
    FORGED_PLAN_LIFETIME_MS + platform + budget + (lossy ? GUARD_READ_MS + REWRITE_DELAY_MS : 0)
  );
}

/** The facilitator's app of this plan is online, running and not reloading. */
function defending(s: Stage, plan: Plan): boolean {
  const member = s.members.get(plan.facilitator.id);
  const online = s.sim.users().find((user) => user.id === plan.facilitator.id)?.online ?? false;
  return Boolean(online && member?.headless && member.headless.reader.plan()?.phase === 'running');
}

/** What `member`'s client broadcasts, computed when it sends. */
export async function broadcast(member: Member, payload: () => unknown): Promise<void> {
  if (!member.board) return;
  await member.board.events.broadcast(BROADCAST_EVENT, payload() as Json).catch(() => {});
}

/** A participant presses Start before the facilitator: it must be refused. */
export async function startAsParticipant(s: Stage): Promise<void> {
  const other = s.participants[0];
  if (!other?.headless) return;
  const result = await s.command(other, { type: 'start' });
  if (result.ok) s.violate(`${other.user.name}, not the facilitator, could start the breakout`);
}

/** 20 help requests in 10 s from one participant. */
export function scheduleHelpSpam(s: Stage): void {
  const spammer = s.participants[s.participants.length - 1] as Member;
  for (let count = 0; count < 20; count += 1) {
    s.later(20_000 + count * 500, () =>
      broadcast(spammer, () => {
        const runId = s.plan()?.runId ?? 'none';
        return helpRequested(runId, { id: spammer.user.id, name: spammer.user.name });
      }),
    );
  }
}

/** A participant's client pretends to be the facilitator, or someone else. */
export async function forgeMessages(s: Stage): Promise<void> {
  const forger = s.participants[0] as Member;
  const victim = s.participants[s.participants.length - 1] as Member;
  const plan = s.plan();
  if (!plan) return;
  const runId = plan.runId;
  const facilitator = { id: plan.facilitator.id, name: plan.facilitator.name };
  const forged: unknown[] = [
    { type: 'breakout-ended', runId, from: facilitator },
    { type: 'end', runId, from: facilitator },
    {
      type: 'personAssigned',
      person: { id: forger.user.id, name: 'x' },
      roomId: plan.rooms[0]?.id ?? 'r',
    },
    {
      type: 'joined-room',
      runId,
      sessionId: 'not-a-session',
      from: { id: victim.user.id, name: victim.user.name },
    },
    // Well formed, for the victim's real room: only Miro may say who joined.
    ...plan.rooms
      .filter(
        (room) =>
          room.sessionId !== null &&
          plan.people.some((p) => p.id === victim.user.id && p.roomId === room.id),
      )
      .map((room) => ({
        type: 'joined-room',
        runId,
        sessionId: room.sessionId,
        from: { id: victim.user.id, name: victim.user.name },
      })),
    { type: 'help-requested', runId, from: { id: 'x'.repeat(5000), name: 'n' } },
    { type: 'rejoin-requested', runId, from: facilitator, extra: true },
    // Acted on only after the end: rooms stay open while the breakout runs.
    { type: 'close-your-rooms', runId, from: facilitator },
    ['not', 'an', 'object'],
    'x'.repeat(60_000),
  ];
  s.log(`${forger.user.name} broadcast ${forged.length} forged messages`);
  for (const payload of forged) await broadcast(forger, () => payload);
  s.observed.forgedBy = forger.user.id;
}
