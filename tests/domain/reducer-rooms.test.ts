import { describe, expect, it } from 'vitest';
import { createPlan } from '../../src/domain/create-plan';
import { MAX_ROOMS } from '../../src/domain/limits';
import { reduceAll, reducePlan } from '../../src/domain/reducer';
import { encodePlan } from '../../src/domain/stored/plan-v1';
import { FACILITATOR, frame, newPlan, person, planWithRooms, room, runningPlan } from './fixtures';

describe('createPlan', () => {
  it('starts in planning with no rooms, nobody assigned and a 15 minute duration', () => {
    const plan = createPlan({ runId: 'run-1', facilitator: FACILITATOR, now: 5 });
    expect(plan).toMatchObject({
      phase: 'planning',
      revision: 0,
      rooms: [],
      people: [],
      durationMs: 15 * 60_000,
      includeFacilitator: false,
      facilitator: FACILITATOR,
    });
  });

  it('refuses an empty run id, which could never be read back', () => {
    expect(() => createPlan({ runId: '', facilitator: FACILITATOR })).toThrow(RangeError);
  });
});

describe('roomsAdded', () => {
  it('turns frames into rooms named after their titles', () => {
    const plan = reducePlan(newPlan(), {
      type: 'roomsAdded',
      frames: [frame('f1', 'Ideas'), frame('f2', '  Risks\n')],
    });
    expect(plan.rooms.map((r) => [r.id, r.frameId, r.name])).toEqual([
      [room('f1'), 'f1', 'Ideas'],
      [room('f2'), 'f2', 'Risks'],
    ]);
    expect(plan.rooms[0]).toMatchObject({
      frameMissing: false,
      sessionId: null,
      nameEdited: false,
    });
  });

  it('names untitled frames "Room N" without repeating a name', () => {
    const plan = reduceAll(newPlan(), [
      { type: 'roomsAdded', frames: [frame('f1', 'Room 2')] },
      { type: 'roomsAdded', frames: [frame('f2', ''), frame('f3', ' ')] },
    ]);
    expect(plan.rooms.map((r) => r.name)).toEqual(['Room 2', 'Room 3', 'Room 4']);
  });

  it('skips frames that are already rooms, so adding twice is harmless', () => {
    const plan = planWithRooms('f1');
    const again = reducePlan(plan, { type: 'roomsAdded', frames: [frame('f1', 'Other')] });
    expect(again).toBe(plan);
  });

  it('derives the room id from the frame id, the same on every client', () => {
    const a = planWithRooms('f9');
    const b = planWithRooms('f9');
    expect(a.rooms[0]?.id).toBe(b.rooms[0]?.id);
  });

  it(`stops at ${MAX_ROOMS} rooms`, () => {
    const frames = Array.from({ length: MAX_ROOMS + 5 }, (_, i) => frame(`f${i}`));
    const plan = reducePlan(newPlan(), { type: 'roomsAdded', frames });
    expect(plan.rooms).toHaveLength(MAX_ROOMS);
  });

  it('stores a frame with odd coordinates as finite numbers', () => {
    const plan = reducePlan(newPlan(), {
      type: 'roomsAdded',
      frames: [{ id: 'f1', title: 'A', x: Number.NaN, y: Infinity, width: -5, height: 10 }],
    });
    expect(plan.rooms[0]?.frame).toEqual({ x: 0, y: 0, width: 0, height: 10 });
  });

  it('is ignored once the breakout has started', () => {
    const plan = runningPlan();
    expect(reducePlan(plan, { type: 'roomsAdded', frames: [frame('f9')] })).toBe(plan);
  });
});

describe('roomRenamed', () => {
  it('renames the room and remembers that the name was chosen by hand', () => {
    const plan = reducePlan(planWithRooms('f1'), {
      type: 'roomRenamed',
      roomId: room('f1'),
      name: ' Team\tA ',
    });
    expect(plan.rooms[0]).toMatchObject({ name: 'Team A', nameEdited: true });
  });

  it('ignores an empty name, which would leave the room unrecognisable', () => {
    const plan = planWithRooms('f1');
    expect(reducePlan(plan, { type: 'roomRenamed', roomId: room('f1'), name: ' \n' })).toBe(plan);
  });
});

describe('roomRemoved', () => {
  it('removes the room and takes its people out of it', () => {
    const plan = reduceAll(planWithRooms('f1', 'f2'), [
      { type: 'personAssigned', person: person('p1'), roomId: room('f1') },
      { type: 'personAssigned', person: person('p2'), roomId: room('f2') },
      { type: 'roomRemoved', roomId: room('f1') },
    ]);
    expect(plan.rooms.map((r) => r.id)).toEqual([room('f2')]);
    expect(plan.people.map((p) => p.id)).toEqual(['p2']);
  });

  it('drops the pasted list’s rows for the room, so the plan stays one that can be stored', () => {
    const plan = reduceAll(planWithRooms('f1', 'f2'), [
      {
        type: 'preAssignmentsSet',
        rows: [
          { name: 'Ada', roomId: room('f1') },
          { name: 'Ken', roomId: room('f2') },
        ],
      },
      { type: 'roomRemoved', roomId: room('f1') },
    ]);
    expect(plan.preAssignments).toEqual([{ name: 'Ken', roomId: room('f2') }]);
    expect(() => encodePlan(plan)).not.toThrow();
  });

  it('returns the same plan for a room that does not exist', () => {
    const plan = planWithRooms('f1');
    expect(reducePlan(plan, { type: 'roomRemoved', roomId: 'nope' })).toBe(plan);
  });
});

describe('framesSeen', () => {
  it('follows the frame title and position while the name was not edited', () => {
    const plan = reducePlan(planWithRooms('f1'), {
      type: 'framesSeen',
      frames: [frame('f1', 'New title', 100, 200)],
    });
    expect(plan.rooms[0]).toMatchObject({ name: 'New title', frame: { x: 100, y: 200 } });
  });

  it('keeps a name edited by hand but still updates the position', () => {
    const plan = reduceAll(planWithRooms('f1'), [
      { type: 'roomRenamed', roomId: room('f1'), name: 'Mine' },
      { type: 'framesSeen', frames: [frame('f1', 'Board title', 5, 6)] },
    ]);
    expect(plan.rooms[0]).toMatchObject({ name: 'Mine', frame: { x: 5, y: 6 } });
  });

  it('does not infer deletion from frames missing in the listing', () => {
    const plan = planWithRooms('f1', 'f2');
    const seen = reducePlan(plan, { type: 'framesSeen', frames: [frame('f1', 'Room f1')] });
    expect(seen.rooms[1]?.frameMissing).toBe(false);
  });

  it('returns the same plan when nothing about the frames changed', () => {
    const plan = planWithRooms('f1');
    expect(reducePlan(plan, { type: 'framesSeen', frames: [frame('f1', 'Room f1')] })).toBe(plan);
  });

  it('makes a room usable again when its deleted frame comes back (undo)', () => {
    const plan = reduceAll(planWithRooms('f1'), [
      { type: 'frameDeleted', frameId: 'f1' },
      { type: 'framesSeen', frames: [frame('f1', 'Room f1')] },
    ]);
    expect(plan.rooms[0]?.frameMissing).toBe(false);
  });

  it('keeps the main area frame position current', () => {
    const plan = reduceAll(newPlan(), [
      {
        type: 'mainAreaChosen',
        mainArea: { kind: 'frame', frameId: 'm', frame: { x: 0, y: 0, width: 1, height: 1 } },
      },
      { type: 'framesSeen', frames: [frame('m', 'Main', 50, 60)] },
    ]);
    expect(plan.mainArea).toEqual({
      kind: 'frame',
      frameId: 'm',
      frame: { x: 50, y: 60, width: 800, height: 600 },
    });
  });
});

describe('frameDeleted', () => {
  it('marks the room whose frame was deleted, in any phase', () => {
    const plan = reducePlan(runningPlan(), { type: 'frameDeleted', frameId: 'f2' });
    expect(plan.rooms.find((r) => r.frameId === 'f2')?.frameMissing).toBe(true);
    expect(plan.rooms.find((r) => r.frameId === 'f1')?.frameMissing).toBe(false);
  });

  it('keeps the deleted main area frame as a place on the board to bring people back to', () => {
    const rect = { x: 1, y: 2, width: 3, height: 4 };
    const plan = reduceAll(newPlan(), [
      { type: 'mainAreaChosen', mainArea: { kind: 'frame', frameId: 'm', frame: rect } },
      { type: 'frameDeleted', frameId: 'm' },
    ]);
    expect(plan.mainArea).toEqual({ kind: 'viewport', rect });
  });
});

describe('mainAreaChosen', () => {
  it('sets and clears the main area', () => {
    const rect = { x: 0, y: 0, width: 10, height: 10 };
    const chosen = reducePlan(newPlan(), {
      type: 'mainAreaChosen',
      mainArea: { kind: 'viewport', rect },
    });
    expect(chosen.mainArea).toEqual({ kind: 'viewport', rect });
    expect(reducePlan(chosen, { type: 'mainAreaChosen', mainArea: null }).mainArea).toBeNull();
  });

  it('returns the same plan when the same area is chosen again', () => {
    const rect = { x: 0, y: 0, width: 10, height: 10 };
    const chosen = reducePlan(newPlan(), {
      type: 'mainAreaChosen',
      mainArea: { kind: 'viewport', rect },
    });
    expect(
      reducePlan(chosen, {
        type: 'mainAreaChosen',
        mainArea: { kind: 'viewport', rect: { ...rect } },
      }),
    ).toBe(chosen);
  });
});
