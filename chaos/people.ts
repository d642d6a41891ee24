/**
 * The participants as people: they answer their invitation (or let it time out), drop offline and
 * come back, and one of them may take the breakout over.
 */
import { randomIndex } from '../src/domain/random';
import { explain, type Member, type Stage } from './stage';

/** Draws, from the scenario's stream, who answers what and who drops off, within `windowMs`. */
export function scheduleParticipants(s: Stage, windowMs: number): void {
  for (const member of s.participants) {
    const roll = s.random();
    const answer =
      roll < s.faults.accept
        ? 'accepted'
        : roll < s.faults.accept + s.faults.decline
          ? 'rejected'
          : null;
    const at = randomIndex(s.random, 45_000);
    if (answer) s.later(at, () => answerInvitation(s, member, answer, 0));
    if (s.random() < s.faults.offline) {
      const off = randomIndex(s.random, windowMs);
      const back = off + 5_000 + randomIndex(s.random, 60_000);
      s.later(off, () => setOnline(s, member, false));
      s.later(back, () => setOnline(s, member, true));
    }
  }
}

/** Answers every invitation the member's toast shows, or looks again later while there is none. */
export async function answerInvitation(
  s: Stage,
  member: Member,
  response: 'accepted' | 'rejected',
  tries: number,
): Promise<void> {
  const invitations = s.sim.invitations(member.user.id);
  if (invitations.length === 0 || !member.user.online) {
    // The toast may not be there yet (a retried invite, a late start): look again later.
    if (tries < 20) s.later(5_000, () => answerInvitation(s, member, response, tries + 1));
    return;
  }
  for (const invitation of invitations) {
    try {
      s.sim.respondToInvitation(invitation.id, response);
      s.log(`${member.user.name} ${response} the invitation to ${invitation.sessionName}`);
      s.observed.answered.set(member.user.id, { response, sessionId: invitation.sessionId });
    } catch (error) {
      s.log(`${member.user.name} could not answer: ${explain(error)}`);
    }
  }
}

export function setOnline(s: Stage, member: Member, online: boolean): void {
  s.sim.setOnline(member.user.id, online);
  s.log(`${member.user.name} went ${online ? 'online' : 'offline'}`);
}

/**
 * The facilitator names a participant co-facilitator, and that participant presses "Take over"
 * while the rooms run (only a co-facilitator may take over at once: co-facilitation.ts).
 */
export function scheduleTakeOver(s: Stage, windowMs: number): void {
  if (!s.faults.takeOver || s.participants.length <= 1) return;
  const taker = s.participants[1] as Member;
  s.later(randomIndex(s.random, windowMs), async () => {
    const named = await s.command(s.acting, {
      type: 'nameCoFacilitators',
      personIds: [taker.user.id],
    });
    if (!named.ok) return;
    s.log(`${s.acting.user.name} named ${taker.user.name} co-facilitator`);
    const result = await s.command(taker, { type: 'claim' });
    if (result.ok) {
      s.acting = taker;
      s.log(`${taker.user.name} took over as facilitator`);
    }
  });
}
