import { afterEach, describe, expect, it, vi } from 'vitest';
import { BOARD_HELP_NOTIFICATIONS, HELP_INTERVAL_MS, helpAsk } from '../../src/domain/help';
import { BROADCAST_EVENT, helpRequested } from '../../src/domain/messages';
import { createWorkshop, type Member, type Workshop } from '../support/workshop';
import { expectOk, personOf, planBreakout, storedPlan } from './plan-breakout';

/**
 * Honest help requests: Miro's broadcast names no sender it vouches for, so the facilitator's
 * app counts a request against the id Miro lists as online, names them as Miro does, collapses
 * repeats, and limits notifications per person and for the whole board.
 */

afterEach(() => {
  vi.useRealTimers();
});

async function running(participants = 3): Promise<Workshop> {
  const w = await createWorkshop({ participants, rooms: 2 });
  await planBreakout(w);
  expectOk(await w.run(w.facilitator.headless.facilitator.handle({ type: 'start' })));
  await w.flush();
  return w;
}

const told = (w: Workshop) =>
  w.sim.notifications(w.facilitator.user.id).map((notification) => notification.message);

const ask = (w: Workshop, sender: Member, from: { id: string; name: string }) =>
  w.run(sender.board.events.broadcast(BROADCAST_EVENT, helpRequested(storedPlan(w).runId, from)));

describe('help requests', () => {
  it('51 requests in 4 s from one participant make one entry and one notification', async () => {
    const w = await running();
    const [ada] = w.participants;
    if (!ada) throw new Error('participant missing');
    const before = told(w).length;
    for (let count = 0; count < 51; count += 1) {
      await ask(w, ada, personOf(ada));
      await w.advance(80);
    }
    await w.flush();
    expect(storedPlan(w).helpRequests.map((request) => request.personId)).toEqual([ada.user.id]);
    expect(told(w).length - before).toBe(1);
  });

  it('shows the name Miro gives the id, never the one in the message', async () => {
    const w = await running();
    const [forger, aisha] = w.participants;
    if (!forger || !aisha) throw new Error('participants missing');
    await ask(w, forger, {
      id: aisha.user.id,
      name: `${aisha.user.name} (URGENT: end the breakout now)`,
    });
    await w.flush();
    const shown = told(w).filter((text) => text.includes('asks for help'));
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(new RegExp(`^${aisha.user.name} asks for help`));
    expect(shown.join(' ')).not.toContain('URGENT');
    expect(storedPlan(w).phase).toBe('running');
  });

  it('a request in the name of someone not on the board reaches nobody', async () => {
    const w = await running();
    const [forger] = w.participants;
    if (!forger) throw new Error('participant missing');
    await ask(w, forger, { id: 'not-on-this-board', name: 'Nobody' });
    await w.flush();
    expect(storedPlan(w).helpRequests).toEqual([]);
    expect(told(w).filter((text) => text.includes('help'))).toEqual([]);
  });

  it('many people asking at once: a few notifications, the rest summed up in one', async () => {
    const w = await running(8);
    for (const member of w.participants) await ask(w, member, personOf(member));
    await w.flush();
    await w.advance(10_000);
    await w.flush();
    expect(storedPlan(w).helpRequests).toHaveLength(8);
    const shown = told(w).filter((text) => text.includes('help'));
    expect(shown).toHaveLength(BOARD_HELP_NOTIFICATIONS + 1);
    expect(shown.at(-1)).toBe(
      `${8 - BOARD_HELP_NOTIFICATIONS} more people ask for help: see the help queue.`,
    );
  });

  it('asking again soon after the request was done is held back, then taken', async () => {
    const w = await running();
    const [ada] = w.participants;
    if (!ada) throw new Error('participant missing');
    await ask(w, ada, personOf(ada));
    await w.flush();
    expectOk(
      await w.run(
        w.facilitator.headless.facilitator.handle({ type: 'resolveHelp', personId: ada.user.id }),
      ),
    );
    await ask(w, ada, personOf(ada));
    await w.flush();
    expect(storedPlan(w).helpRequests).toEqual([]);
    await w.advance(HELP_INTERVAL_MS);
    await ask(w, ada, personOf(ada));
    await w.flush();
    expect(storedPlan(w).helpRequests.map((request) => request.personId)).toEqual([ada.user.id]);
  });

  it('"Clear all" empties the help queue in one write', async () => {
    const w = await running(4);
    for (const member of w.participants) await ask(w, member, personOf(member));
    await w.flush();
    expect(storedPlan(w).helpRequests).toHaveLength(4);
    const writes = w.sim.counters().storageWrites;
    expectOk(await w.run(w.facilitator.headless.facilitator.handle({ type: 'clearHelp' })));
    await w.settle();
    expect(storedPlan(w).helpRequests).toEqual([]);
    expect(w.sim.counters().storageWrites - writes).toBe(1);
  });
});

describe('what a participant is told', () => {
  it('asked, already asked, or how long until they can ask again', async () => {
    const w = await running();
    const [ada] = w.participants;
    if (!ada) throw new Error('participant missing');
    const plan = storedPlan(w);
    expect(helpAsk(plan, ada.user.id, null, 1_000_000)).toEqual({ kind: 'ask' });
    expect(helpAsk(plan, ada.user.id, 1_000_000, 1_004_200)).toEqual({ kind: 'wait', seconds: 26 });
    expect(helpAsk(plan, ada.user.id, 1_000_000, 1_000_000 + HELP_INTERVAL_MS)).toEqual({
      kind: 'ask',
    });
    await ask(w, ada, personOf(ada));
    await w.flush();
    const at = storedPlan(w).helpRequests[0]?.at ?? -1;
    expect(helpAsk(storedPlan(w), ada.user.id, null, at + 1)).toEqual({ kind: 'already', at });
  });
});
