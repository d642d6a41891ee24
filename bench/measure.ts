/**
 * One scenario of the benchmark: a full breakout of `participants` people in `rooms` rooms, with
 * every call and event taking `roundTripMs`, people accepting 1–5 s after their invitation.
 */

import { utf8ByteLength } from '../src/domain/bytes';
import { PLAN_COLLECTION } from '../src/domain/plan';
import { PER_MINUTE_CREDITS } from '../src/sdk/credits';
import type { Counters } from '../src/simulator/api';
import { type Breakout, createBreakout, expectOk, looksAt, planBreakout } from './harness';
import { type CallsByMethod, type PhaseCost, type ScenarioResult, sumCalls } from './results';

/** The first and last acceptance are this far after the invitation (issue: "after 1–5 s"). */
const ACCEPT_MIN_MS = 1_000;
const ACCEPT_MAX_MS = 5_000;

const diffCalls = (after: CallsByMethod, before: CallsByMethod): CallsByMethod => {
  const result: CallsByMethod = {};
  for (const [method, count] of Object.entries(after)) {
    const delta = count - (before[method] ?? 0);
    if (delta > 0) result[method] = delta;
  }
  return result;
};

const callsOf = (counters: Counters, userId: string): CallsByMethod => ({
  ...(counters.calls[userId] ?? {}),
});

/** What one user and the board spent between two counter snapshots. */
function phaseCost(b: Breakout, before: Counters, after: Counters): PhaseCost {
  const facilitatorId = b.facilitator.user.id;
  const facilitatorCalls = diffCalls(callsOf(after, facilitatorId), callsOf(before, facilitatorId));
  let busiest = { id: '', calls: {} as CallsByMethod, total: -1, credits: 0 };
  for (const { user } of b.participants) {
    const calls = diffCalls(callsOf(after, user.id), callsOf(before, user.id));
    const total = sumCalls(calls);
    if (total > busiest.total) {
      const credits = (after.credits[user.id] ?? 0) - (before.credits[user.id] ?? 0);
      busiest = { id: user.id, calls, total, credits };
    }
  }
  return {
    facilitatorCalls,
    facilitatorCredits: (after.credits[facilitatorId] ?? 0) - (before.credits[facilitatorId] ?? 0),
    participantCallsMax: busiest.calls,
    participantCreditsMax: busiest.credits,
    storageWrites: after.storageWrites - before.storageWrites,
    storageBytes: after.storageBytes - before.storageBytes,
    storageBytesDelivered: after.storageBytesDelivered - before.storageBytesDelivered,
    broadcasts: after.broadcasts - before.broadcasts,
  };
}

export async function measureScenario(options: {
  participants: number;
  rooms: number;
  roundTripMs: number;
  seed: number;
}): Promise<ScenarioResult> {
  const { participants, rooms, roundTripMs, seed } = options;
  // The simulator settles a call's side effect and its reply together, callLatencyMs after the
  // call (hub.ts `call`): callLatencyMs is the whole round trip. An event arrives eventLatencyMs
  // after the change that caused it.
  const b = await createBreakout({
    participants,
    rooms,
    seed,
    sim: { callLatencyMs: roundTripMs, eventLatencyMs: roundTripMs },
  });
  const planned = await planBreakout(b);
  const control = b.facilitator.headless.facilitator;

  const frameOfRoom = new Map(planned.rooms.map((room) => [room.id, room.frame]));
  const roomFrameOf = new Map(
    planned.people.flatMap((person) => {
      const frame = person.roomId ? frameOfRoom.get(person.roomId) : undefined;
      return frame ? [[person.id, frame] as const] : [];
    }),
  );
  const participantIds = new Set(b.participants.map(({ user }) => user.id));
  const userById = new Map(b.sim.users().map((user) => [user.id, user]));

  for (const { user } of b.participants) {
    const delay = ACCEPT_MIN_MS + Math.round(b.random() * (ACCEPT_MAX_MS - ACCEPT_MIN_MS));
    b.sim.autoRespond(user.id, 'accepted', delay);
  }

  // Who saw what when, in simulated time, from the board's own change feed.
  let phase: 'start' | 'end' = 'start';
  const inFrameAt = new Map<string, number>();
  const backAt = new Map<string, number>();
  const acceptedAt: number[] = [];
  const pendingInvitations = new Map<string, string>();
  const unsubscribe = b.sim.subscribe((change) => {
    if (change.kind === 'viewport' && participantIds.has(change.userId)) {
      const viewport = userById.get(change.userId)?.viewport;
      const room = roomFrameOf.get(change.userId);
      if (!viewport) return;
      if (phase === 'start' && room && !inFrameAt.has(change.userId) && looksAt(viewport, room)) {
        inFrameAt.set(change.userId, Date.now());
      }
      if (phase === 'end' && !backAt.has(change.userId) && looksAt(viewport, b.main)) {
        backAt.set(change.userId, Date.now());
      }
    } else if (change.kind === 'invitations') {
      const open = new Set(b.sim.invitations().map((invitation) => invitation.id));
      for (const [id] of pendingInvitations) {
        if (!open.has(id)) {
          pendingInvitations.delete(id);
          acceptedAt.push(Date.now());
        }
      }
      for (const invitation of b.sim.invitations()) {
        pendingInvitations.set(invitation.id, invitation.userId);
      }
    }
  });

  const writer = b.facilitator.headless.writer;
  const reader = b.facilitator.headless.reader;
  const everyoneJoined = () =>
    reader.plan()?.people.every((person) => person.status === 'joined') === true &&
    writer.pendingEvents() === 0;

  b.sim.resetCounters();
  const zero = b.sim.counters();

  // Start: from the click to the last person looking at their room.
  const startedAt = Date.now();
  let startDone = false;
  const start = control.handle({ type: 'start' }).then((result) => {
    startDone = true;
    return result;
  });
  await b.runUntil(() => startDone, 'start command answered');
  expectOk(await start, 'start');
  const afterStartCommand = b.sim.counters();
  await b.runUntil(() => inFrameAt.size === participants, 'everyone in their frame');
  const allInFrameAt = Math.max(...inFrameAt.values());
  await b.runUntil(everyoneJoined, 'every join written');
  await b.settle();
  const afterAdmission = b.sim.counters();

  // End: from the click to the last person back in the main area.
  phase = 'end';
  const endedAt = Date.now();
  let endDone = false;
  const end = control.handle({ type: 'end' }).then((result) => {
    endDone = true;
    return result;
  });
  await b.runUntil(() => endDone && backAt.size === participants, 'everyone back');
  expectOk(await end, 'end');
  const allBackAt = Math.max(...backAt.values());
  await b.settle();
  const afterEnd = b.sim.counters();
  unsubscribe();

  const firstAccept = Math.min(...acceptedAt);
  const lastAccept = Math.max(...acceptedAt);
  const whole = phaseCost(b, zero, afterEnd);
  const startCost = phaseCost(b, zero, afterStartCommand);
  const admitCost = phaseCost(b, afterStartCommand, afterAdmission);
  const endCost = phaseCost(b, afterAdmission, afterEnd);
  const toFrame = phaseCost(b, zero, afterAdmission);
  const facilitatorId = b.facilitator.user.id;
  const keys = b.sim.storageKeys(PLAN_COLLECTION);
  const heldMax = Math.max(
    0,
    ...keys.map((key) =>
      utf8ByteLength(JSON.stringify(b.sim.storageValue(PLAN_COLLECTION, key) ?? null)),
    ),
  );
  const joins = acceptedAt.length;

  return {
    participants,
    rooms,
    facilitatorCalls: sumCalls(whole.facilitatorCalls),
    facilitatorCredits: whole.facilitatorCredits,
    participantCallsMax: sumCalls(whole.participantCallsMax),
    participantCreditsMax: whole.participantCreditsMax,
    storageWrites: whole.storageWrites,
    storageBytesWritten: whole.storageBytes,
    maxStoredValueBytes: Math.max(afterEnd.maxStoredValueBytes, heldMax),
    storageKeys: keys.length,
    storageBytesDeliveredPerJoin: {
      admission: Math.round(toFrame.storageBytesDelivered / joins),
      end: Math.round(endCost.storageBytesDelivered / joins),
    },
    msStartToAllInFrame: allInFrameAt - startedAt,
    msEndToAllBack: allBackAt - endedAt,
    // Extras: the same figures by phase and by method, and what the targets are measured from.
    roundTripMs,
    seed,
    broadcasts: whole.broadcasts,
    facilitatorCallsByMethod: whole.facilitatorCalls,
    participantCallsByMethodMax: whole.participantCallsMax,
    facilitatorPeakCreditsPerMinute: afterEnd.peakCreditsPerMinute[facilitatorId] ?? 0,
    facilitatorShareOfMinuteBudget:
      (startCost.facilitatorCredits + admitCost.facilitatorCredits) / PER_MINUTE_CREDITS,
    rateLimitedCalls: Object.values(afterEnd.rateLimited).reduce((sum, count) => sum + count, 0),
    msFirstAcceptanceAfterStart: firstAccept - startedAt,
    msLastAcceptanceAfterStart: lastAccept - startedAt,
    msLastAcceptanceToAllInFrame: allInFrameAt - lastAccept,
    msJoins: allInFrameAt - firstAccept,
    phases: { start: startCost, admission: admitCost, toFrame, end: endCost },
  };
}
