/**
 * The hostile participant: a modified client that broadcasts whatever it likes (help-request
 * floods, forged ends and joins in other people's names, junk) and presses Start although
 * somebody else facilitates. What it may change is checked by the invariants.
 */
import { BROADCAST_EVENT, helpRequested } from '../src/domain/messages';
import type { Json } from '../src/sdk/surface';
import type { Member, Stage } from './stage';

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
