import { afterEach, describe, expect, it, vi } from 'vitest';
import { BROADCAST_EVENT, helpRequested, rejoinRequested } from '../../src/domain/messages';
import { NOTIFICATION_LIMIT } from '../../src/domain/text';
import { createWorkshop, type Workshop } from '../support/workshop';
import { answer, expectOk, personOf, planBreakout, storedPlan } from './plan-breakout';

/**
 * Section 5 of miro-sdk.md lists the defects of Miro's example app. Each test here fails if the
 * defect came back. (D2, D4, D7, D8, D9, D11 and D13 are proven in breakout-flow.test.ts; D3 and
 * D10 in the domain tests.)
 */

afterEach(() => {
  vi.useRealTimers();
});

async function started(w: Workshop) {
  await planBreakout(w);
  expectOk(await w.run(w.facilitator.headless.facilitator.handle({ type: 'start' })));
  return storedPlan(w);
}

describe('D1: writes are awaited, retried and their failure is shown', () => {
  it('gets a plan through a storage that fails a third of the time', async () => {
    const w = await createWorkshop({ sim: { failureRate: { 'storage.set': 0.3 } }, seed: 3 });
    const plan = await started(w);
    expect(plan.phase).toBe('running');
    expect(w.sim.storageValue('breakout-rooms', 'plan')).toEqual(plan);
  });

  it('reports a write that keeps failing to the caller instead of pretending it saved', async () => {
    const w = await createWorkshop();
    await planBreakout(w);
    w.sim.setOptions({ failureRate: { 'storage.set': 1 } });
    const result = await w.run(
      w.facilitator.headless.facilitator.handle({
        type: 'edit',
        actions: [{ type: 'durationSet', durationMs: 5 * 60_000 }],
      }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/could not be saved/);
    expect(storedPlan(w).durationMs).not.toBe(5 * 60_000);
  });

  it('keeps join updates whose write failed and writes them once storage works again', async () => {
    const w = await createWorkshop();
    await started(w);
    const [ada] = w.participants;
    if (!ada) throw new Error('no participant');
    w.sim.setOptions({ failureRate: { 'storage.set': 1 } });
    answer(w, ada, 'accepted');
    await w.advance(30_000);
    expect(w.facilitator.headless.facilitator.currentNotice().problem).toMatch(
      /could not be saved/,
    );
    w.sim.setOptions({ failureRate: {} });
    await w.advance(30_000);
    expect(storedPlan(w).people.find((person) => person.id === ada.user.id)?.status).toBe('joined');
    expect(w.facilitator.headless.facilitator.currentNotice().problem).toBeNull();
  });
});

describe('D5: handlers read the plan at event time, not from a closure', () => {
  it('a join after later edits keeps those edits', async () => {
    const w = await createWorkshop();
    await started(w);
    const [ada, grace] = w.participants;
    if (!ada || !grace) throw new Error('no participants');
    await w.run(
      grace.board.events.broadcast(
        BROADCAST_EVENT,
        helpRequested(storedPlan(w).runId, personOf(grace)),
      ),
    );
    await w.flush();
    expect(storedPlan(w).helpRequests).toHaveLength(1);
    answer(w, ada, 'accepted');
    await w.flush();
    const plan = storedPlan(w);
    expect(plan.helpRequests).toHaveLength(1);
    expect(plan.people.find((person) => person.id === ada.user.id)?.status).toBe('joined');
  });
});

describe('D6: the breakout runs from the headless app, whatever the panel does', () => {
  it('admits joins while the facilitator never opened the panel, and after opening and closing it', async () => {
    const w = await createWorkshop();
    await started(w);
    const [ada, grace] = w.participants;
    if (!ada || !grace) throw new Error('no participants');
    answer(w, ada, 'accepted');
    await w.flush();
    w.facilitator.tab.clickAppIcon();
    await w.settle();
    expect(w.facilitator.tab.panel).not.toBeNull();
    w.facilitator.tab.closePanel();
    answer(w, grace, 'accepted');
    await w.flush();
    const people = storedPlan(w).people;
    expect(people.find((person) => person.id === ada.user.id)?.status).toBe('joined');
    expect(people.find((person) => person.id === grace.user.id)?.status).toBe('joined');
  });
});

describe('D12: notifications fit Miro’s limit and carry no markup', () => {
  it('tells the facilitator who asks for help, within 80 characters, even for a 10,000-character name', async () => {
    const w = await createWorkshop();
    const plan = await started(w);
    const [ada] = w.participants;
    if (!ada) throw new Error('no participant');
    const from = { id: ada.user.id, name: `<b>${'Ada '.repeat(2500)}</b>` };
    await w.run(ada.board.events.broadcast(BROADCAST_EVENT, helpRequested(plan.runId, from)));
    await w.settle();
    const shown = w.sim
      .notifications(w.facilitator.user.id)
      .map((notification) => notification.message);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.length).toBeLessThanOrEqual(NOTIFICATION_LIMIT);
    expect(shown[0]).toMatch(/asks for help in Room/);
  });
});

describe('help and rejoin requests', () => {
  it('lists each help request once and notifies once per person in a burst', async () => {
    const w = await createWorkshop();
    const plan = await started(w);
    const [ada] = w.participants;
    if (!ada) throw new Error('no participant');
    for (let count = 0; count < 5; count += 1) {
      await w.run(
        ada.board.events.broadcast(BROADCAST_EVENT, helpRequested(plan.runId, personOf(ada))),
      );
    }
    await w.flush();
    expect(w.sim.notifications(w.facilitator.user.id)).toHaveLength(1);
    expect(storedPlan(w).helpRequests.map((request) => request.personId)).toEqual([ada.user.id]);
  });

  it('ignores requests for another run, as a forged or stale message would be', async () => {
    const w = await createWorkshop();
    await started(w);
    const [ada] = w.participants;
    if (!ada) throw new Error('no participant');
    await w.run(
      ada.board.events.broadcast(BROADCAST_EVENT, helpRequested('some-other-run', personOf(ada))),
    );
    await w.flush();
    expect(storedPlan(w).helpRequests).toHaveLength(0);
    expect(w.sim.notifications(w.facilitator.user.id)).toHaveLength(0);
  });

  it('re-invites a participant who declined and asks to rejoin', async () => {
    const w = await createWorkshop();
    const plan = await started(w);
    const [ada] = w.participants;
    if (!ada) throw new Error('no participant');
    answer(w, ada, 'rejected');
    await w.flush();
    expect(w.sim.invitations(ada.user.id)).toHaveLength(0);
    await w.run(
      ada.board.events.broadcast(BROADCAST_EVENT, rejoinRequested(plan.runId, personOf(ada))),
    );
    await w.settle();
    expect(w.sim.invitations(ada.user.id)).toHaveLength(1);
  });
});
