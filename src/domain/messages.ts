/**
 * Broadcast messages, mostly from participants to the facilitator. Participants never write the
 * plan (one writer); they ask, and the facilitator's controller decides. Anyone running the app can
 * broadcast anything, so every message is validated on receipt and carries only `{id, name}` of
 * its sender, never an email (D11).
 */

import { isValidId } from './limits';
import type { PersonRef } from './plan';
import { type Fields, field, isRecord } from './stored/valid';
import { cleanName } from './text';

export const BROADCAST_EVENT = 'breakout-rooms';

/** Generous for a display name, small enough that a flood of messages stays cheap to check. */
const MAX_MESSAGE_NAME_LENGTH = 1000;

export type HelpRequestedMessage = { type: 'help-requested'; runId: string; from: PersonRef };
export type RejoinRequestedMessage = { type: 'rejoin-requested'; runId: string; from: PersonRef };
/** A participant's app saw its own join: the facilitator's app may not hear others' joins (C4). */
export type JoinedRoomMessage = {
  type: 'joined-room';
  runId: string;
  sessionId: string;
  from: PersonRef;
};
/**
 * From the facilitator after an end Miro refused because only a session's starter may end it
 * (C12): whoever started rooms of that ended run closes them. Acted on only when the stored plan
 * says the run has ended, so a forged one closes nothing that should stay open.
 */
export type CloseYourRoomsMessage = { type: 'close-your-rooms'; runId: string; from: PersonRef };
/**
 * From a facilitator who took over, when Miro refused an invitation because only a session's
 * starter may invite into it (C12): whoever started rooms of that run invites the people the
 * stored plan has placed in them and nobody invited yet.
 */
export type InviteToYourRoomsMessage = {
  type: 'invite-to-your-rooms';
  runId: string;
  from: PersonRef;
};
/** "Ask to facilitate": the facilitator's panel shows it with Allow / Deny (co-facilitation.ts). */
export type FacilitateRequestedMessage = {
  type: 'facilitate-requested';
  runId: string;
  from: PersonRef;
};
/**
 * From a device of the facilitator's that waits while their other device runs the breakout
 * (controller/device-lease.ts): that device writes its lease every few seconds while asked, so
 * the waiting one sees it alive. It changes nothing but that device's heartbeat.
 */
export type DeviceWaitingMessage = { type: 'device-waiting'; runId: string; from: PersonRef };
export type Message =
  | HelpRequestedMessage
  | DeviceWaitingMessage
  | FacilitateRequestedMessage
  | RejoinRequestedMessage
  | JoinedRoomMessage
  | CloseYourRoomsMessage
  | InviteToYourRoomsMessage;

/** Messages that carry nothing but their type, run and sender. */
const SIMPLE_TYPES: ReadonlySet<string> = new Set<Message['type']>([
  'help-requested',
  'rejoin-requested',
  'close-your-rooms',
  'invite-to-your-rooms',
  'facilitate-requested',
  'device-waiting',
]);

const sender = (from: PersonRef): PersonRef => ({ id: from.id, name: cleanName(from.name) });

export function helpRequested(runId: string, from: PersonRef): HelpRequestedMessage {
  return { type: 'help-requested', runId, from: sender(from) };
}

export function rejoinRequested(runId: string, from: PersonRef): RejoinRequestedMessage {
  return { type: 'rejoin-requested', runId, from: sender(from) };
}

export function facilitateRequested(runId: string, from: PersonRef): FacilitateRequestedMessage {
  return { type: 'facilitate-requested', runId, from: sender(from) };
}

export function closeYourRooms(runId: string, from: PersonRef): CloseYourRoomsMessage {
  return { type: 'close-your-rooms', runId, from: sender(from) };
}

export function inviteToYourRooms(runId: string, from: PersonRef): InviteToYourRoomsMessage {
  return { type: 'invite-to-your-rooms', runId, from: sender(from) };
}

export function deviceWaiting(runId: string, from: PersonRef): DeviceWaitingMessage {
  return { type: 'device-waiting', runId, from: sender(from) };
}

export function joinedRoom(runId: string, sessionId: string, from: PersonRef): JoinedRoomMessage {
  return { type: 'joined-room', runId, sessionId, from: sender(from) };
}

/** Exactly these keys: anything more is a message from something that is not this app. */
const hasOnlyKeys = (fields: Fields, keys: readonly string[]) =>
  Object.keys(fields).every((key) => keys.includes(key));

function parseSender(raw: unknown): PersonRef | null {
  if (!isRecord(raw) || !hasOnlyKeys(raw, ['id', 'name'])) return null;
  const id = field(raw, 'id');
  const name = field(raw, 'name');
  if (!isValidId(id) || typeof name !== 'string' || name.length > MAX_MESSAGE_NAME_LENGTH) {
    return null;
  }
  return { id, name: cleanName(name) };
}

/** Null for anything that is not a well-formed message. Never throws. */
export function parseMessage(raw: unknown): Message | null {
  try {
    if (!isRecord(raw)) return null;
    const type = field(raw, 'type');
    const runId = field(raw, 'runId');
    if (typeof type !== 'string' || !isValidId(runId)) return null;
    const from = parseSender(field(raw, 'from'));
    if (from === null) return null;
    if (type === 'joined-room') {
      const sessionId = field(raw, 'sessionId');
      if (!hasOnlyKeys(raw, ['type', 'runId', 'sessionId', 'from']) || !isValidId(sessionId)) {
        return null;
      }
      return { type, runId, sessionId, from };
    }
    if (!SIMPLE_TYPES.has(type) || !hasOnlyKeys(raw, ['type', 'runId', 'from'])) return null;
    return { type: type as Exclude<Message['type'], 'joined-room'>, runId, from };
  } catch {
    // A hostile object with throwing getters is just not a message.
    return null;
  }
}

export type RateLimiter = {
  /** True when a message from this person at `now` should be handled, false to drop it. */
  allow(personId: string, now: number): boolean;
};

/**
 * Drops repeats from one person within `perPersonMs`, so one participant holding a button cannot
 * flood the facilitator with notifications. Remembers at most `maxTracked` people; the oldest
 * entries are forgotten first, which at worst lets one extra message through.
 */
export function createRateLimiter({
  perPersonMs,
  maxTracked = 5000,
}: {
  perPersonMs: number;
  maxTracked?: number;
}): RateLimiter {
  const lastAllowed = new Map<string, number>();
  return {
    allow(personId, now) {
      const last = lastAllowed.get(personId);
      // A clock that went backwards (a reset timer in tests, a system change) never locks anyone out.
      if (last !== undefined && now >= last && now - last < perPersonMs) return false;
      lastAllowed.delete(personId);
      lastAllowed.set(personId, now);
      if (lastAllowed.size > maxTracked) {
        const oldest = lastAllowed.keys().next();
        if (!oldest.done) lastAllowed.delete(oldest.value);
      }
      return true;
    },
  };
}
