import { expect } from 'vitest';
import type { CommandResult } from '../../src/controller/commands';
import type { Plan } from '../../src/domain/plan';
import { createRandom } from '../../src/domain/random';
import { assignBalanced } from '../../src/domain/split';
import type { FrameRef } from '../../src/sdk/surface';
import { createWorkshop, type Member, type Workshop } from '../support/workshop';

export const rectOf = ({ x, y, width, height }: FrameRef) => ({ x, y, width, height });

export const personOf = (member: Member) => ({ id: member.user.id, name: member.user.name });

/** The member's status in this plan, or undefined when the plan does not hold them. */
export const statusOf = (plan: Plan | null, member: Member) =>
  plan?.people.find((person) => person.id === member.user.id)?.status;

/** The workshop's participant at this index; a test asking for one it lacks fails by name. */
export function participantAt(w: Workshop, index: number): Member {
  const member = w.participants[index];
  if (!member) throw new Error(`no participant ${index}`);
  return member;
}

/** Asserts a command succeeded and hands back the plan it left. */
export function expectOk(result: CommandResult): Plan {
  if (!result.ok) throw new Error(`Command failed: ${result.message}`);
  expect(result.plan).not.toBeNull();
  return result.plan as Plan;
}

/** The facilitator claims the board, adds rooms and a main frame, and splits everyone. */
export async function planBreakout(
  w: Workshop,
  roomCount = w.rooms.length,
  seed = 7,
): Promise<Plan> {
  const control = w.facilitator.headless.facilitator;
  expectOk(await w.run(control.handle({ type: 'claim' })));
  const frames = w.rooms.slice(0, roomCount);
  const withRooms = expectOk(
    await w.run(
      control.handle({
        type: 'edit',
        actions: [
          { type: 'roomsAdded', frames },
          {
            type: 'mainAreaChosen',
            mainArea: { kind: 'frame', frameId: w.main.id, frame: rectOf(w.main) },
          },
        ],
      }),
    ),
  );
  const people = w.participants.map(personOf);
  const split = assignBalanced(
    people.map((person) => person.id),
    withRooms.rooms.map((room) => room.id),
    createRandom(seed),
  );
  return expectOk(
    await w.run(
      control.handle({
        type: 'edit',
        actions: [{ type: 'peopleSplit', people, assignment: Object.fromEntries(split) }],
      }),
    ),
  );
}

/**
 * The facilitator names these members co-facilitators (co-facilitation.ts), so they may take
 * over at once; every reader then holds the plan that says so.
 */
export async function nameCoFacilitators(w: Workshop, ...members: Member[]): Promise<Plan> {
  const control = w.facilitator.headless.facilitator;
  const personIds = members.map((member) => member.user.id);
  const plan = expectOk(await w.run(control.handle({ type: 'nameCoFacilitators', personIds })));
  await w.flush();
  return plan;
}

export const storedPlan = (w: Workshop): Plan => w.facilitator.headless.reader.plan() as Plan;

/** A breakout of two rooms started, and every participant accepted their invitation. */
export async function everyoneAccepted(participants: number): Promise<{ w: Workshop; plan: Plan }> {
  const w = await createWorkshop({ participants, rooms: 2 });
  await planBreakout(w);
  expectOk(await w.run(w.facilitator.headless.facilitator.handle({ type: 'start' })));
  for (const member of w.participants) answer(w, member, 'accepted');
  await w.flush();
  const plan = w.facilitator.headless.reader.plan();
  if (!plan) throw new Error('no plan');
  return { w, plan };
}

/** Every pending invitation of this member, answered. */
export function answer(w: Workshop, member: Member, response: 'accepted' | 'rejected') {
  const invitations = w.sim.invitations(member.user.id);
  expect(invitations.length).toBeGreaterThan(0);
  for (const invitation of invitations) w.sim.respondToInvitation(invitation.id, response);
}

/** The centre of the member's viewport lies inside the frame. */
export function isLookingAt(
  w: Workshop,
  member: Member,
  frame: { x: number; y: number; width: number; height: number },
) {
  const user = w.sim.users().find((candidate) => candidate.id === member.user.id);
  if (!user) return false;
  const cx = user.viewport.x + user.viewport.width / 2;
  const cy = user.viewport.y + user.viewport.height / 2;
  return Math.abs(cx - frame.x) <= frame.width / 2 && Math.abs(cy - frame.y) <= frame.height / 2;
}
