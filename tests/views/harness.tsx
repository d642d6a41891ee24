import { act, prettyDOM, render, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Command } from '../../src/controller/commands';
import { roomIdForFrame } from '../../src/domain/reduce-rooms';
import { BoardProvider } from '../../src/hooks/board-context';
import { connect } from '../../src/sdk/connect';
import { realMacrotask } from '../../src/simulator/clock';
import { App } from '../../src/views/App';
import {
  createWorkshop,
  type Member,
  type Workshop,
  type WorkshopOptions,
} from '../support/workshop';

const open: Workshop[] = [];

/** A simulated workshop (real headless apps, fake timers), stopped after the test. */
export async function workshop(options: WorkshopOptions = {}): Promise<Workshop> {
  const created = await createWorkshop(options);
  open.push(created);
  return created;
}

export function stopWorkshops(): void {
  for (const w of open.splice(0)) {
    for (const member of [w.facilitator, ...w.participants]) member.headless.stop();
  }
}

/** Fake time that passes per round of `until`: enough for the writer's 250 ms coalescing. */
const STEP_MS = 100;

/**
 * Drives the simulated board (fake time, simulated calls, the panel <-> headless channel) inside
 * act until `check` holds. Each round moves fake time on by STEP_MS, settles the board and lets
 * one real macrotask pass, which is when BroadcastChannel messages arrive. No real sleeping: it
 * stops as soon as the condition holds, and fails after 100 rounds (10 s of board time).
 */
export async function until(w: Workshop, check: () => unknown, what: string): Promise<void> {
  for (let round = 0; round < 100; round += 1) {
    try {
      if (check()) return;
    } catch {
      // A getBy* that does not find its element yet: keep driving.
    }
    await act(async () => {
      await w.advance(STEP_MS);
      await realMacrotask();
    });
  }
  throw new Error(`Timed out waiting until ${what}.\n${prettyDOM(document.body, 20_000)}`);
}

/** Lets everything in flight finish (commands, coalesced writes, events, re-renders). */
export async function settled(w: Workshop): Promise<void> {
  for (let round = 0; round < 5; round += 1) {
    await act(async () => {
      await w.advance(STEP_MS);
      await realMacrotask();
    });
  }
}

export type OpenPanel = ReturnType<typeof within> & {
  container: HTMLElement;
  user: ReturnType<typeof userEvent.setup>;
};

/** Clicks the app icon in the member's tab and renders the panel the headless app opened. */
export async function openPanel(w: Workshop, member: Member): Promise<OpenPanel> {
  member.tab.clickAppIcon();
  await w.settle();
  const frame = member.tab.panel;
  if (!frame) throw new Error(`${member.user.name}'s panel did not open`);
  const { board } = connect(frame.miro);
  const { container } = render(
    <BoardProvider board={board}>
      <App />
    </BoardProvider>,
  );
  const panel = within(container);
  await until(
    w,
    () =>
      !panel.queryByText('Loading the breakout…') &&
      // The controls of each phase load on demand (FacilitatorView).
      !panel.queryByText('Loading…') &&
      panel.queryByRole('heading', { level: 1 }),
    `${member.user.name}'s panel loaded`,
  );
  // Fake timers: user-event must not wait on timers of its own.
  return Object.assign(panel, { container, user: userEvent.setup({ delay: null }) });
}

/** The text of one person's row in a list inside `scope` (their name comes first). */
export function rowText(scope: HTMLElement, name: string): string {
  const row = within(scope)
    .getAllByRole('listitem')
    .find((item) => item.textContent?.startsWith(name));
  if (!row) throw new Error(`No row for ${name}`);
  return row.textContent ?? '';
}

/**
 * Sets up a plan through the facilitator's own controller (as their panel would): rooms from
 * the workshop's frames, participants assigned round-robin. For tests about what comes after.
 */
export async function planned(w: Workshop, options: { start?: boolean } = {}): Promise<void> {
  const control = w.facilitator.headless.facilitator;
  const send = async (command: Command) => {
    const result = await w.run(control.handle(command));
    if (!result.ok) throw new Error(result.message);
  };
  await send({ type: 'claim' });
  const frames = w.rooms.map(({ id, title, x, y, width, height }) => ({
    id,
    title,
    x,
    y,
    width,
    height,
  }));
  await send({
    type: 'edit',
    actions: [
      { type: 'roomsAdded', frames },
      ...w.participants.map((member, index) => ({
        type: 'personAssigned' as const,
        person: { id: member.user.id, name: member.user.name },
        roomId: roomIdForFrame(w.rooms[index % w.rooms.length]?.id ?? ''),
      })),
    ],
  });
  if (options.start) await send({ type: 'start' });
}

/** Answers the member's open invitation as they would in Miro's toast. */
export function answerInvitation(
  w: Workshop,
  member: Member,
  answer: 'accepted' | 'rejected',
): void {
  const invitation = w.sim.invitations(member.user.id)[0];
  if (!invitation) throw new Error(`${member.user.name} has no invitation`);
  w.sim.respondToInvitation(invitation.id, answer, 'clicked-button');
}
