import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../src/domain/plan';
import { reduceAll } from '../../../src/domain/reducer';
import { encodePlan, parsePlan } from '../../../src/domain/stored/plan-v1';
import { planWithRooms, room } from '../fixtures';

const roundTrip = (plan: Plan) => parsePlan(JSON.parse(JSON.stringify(encodePlan(plan))));

describe('planning fields of the stored plan', () => {
  it('reads a plan written before the planning tools with every tool off', () => {
    const stored = JSON.parse(JSON.stringify(encodePlan(planWithRooms('f1')))) as Record<
      string,
      unknown
    >;
    for (const key of ['selfSelect', 'preAssignments', 'rotation', 'frameItems', 'reportBack']) {
      delete stored[key];
    }
    const read = parsePlan(stored);
    if (read.status !== 'ok') throw new Error(read.status);
    expect(read.plan).toMatchObject({
      selfSelect: null,
      preAssignments: [],
      rotation: null,
      frameItems: null,
      reportBack: null,
    });
  });

  it('round-trips every tool and rejects damage with the field named', () => {
    const plan = reduceAll(planWithRooms('f1', 'f2'), [
      { type: 'selfSelectOpened', capacity: 4 },
      { type: 'preAssignmentsSet', rows: [{ name: 'Ada', roomId: room('f2') }] },
      {
        type: 'rotationPlanned',
        rotation: {
          people: [
            { id: 'a', name: 'A' },
            { id: 'b', name: 'B' },
          ],
          roomIds: [room('f1'), room('f2')],
          rounds: [
            [[0], [1]],
            [[1], [0]],
          ],
          next: 0,
          repeatPairs: 0,
          lowerBound: 0,
        },
      },
    ]);
    const read = roundTrip(plan);
    if (read.status !== 'ok') throw new Error(read.status);
    expect(read.plan.selfSelect).toEqual({ capacity: 4 });
    expect(read.plan.preAssignments).toEqual([{ name: 'Ada', roomId: room('f2') }]);
    expect(read.plan.rotation?.rounds).toEqual([
      [[0], [1]],
      [[1], [0]],
    ]);

    const damaged = { ...encodePlan(plan), preAssignments: [{ name: 'Ada', roomId: 'r:gone' }] };
    const result = parsePlan(JSON.parse(JSON.stringify(damaged)));
    expect(result.status).toBe('corrupt');
    if (result.status === 'corrupt') expect(result.message).toContain('preAssignments[0].roomId');
  });
});

describe('planning reducers', () => {
  it('keeps one pre-assignment row per name and only rows for rooms of the plan', () => {
    const plan = reduceAll(planWithRooms('f1'), [
      {
        type: 'preAssignmentsSet',
        rows: [
          { name: 'Ada', roomId: room('f1') },
          { name: 'ADA', roomId: room('f1') },
          { name: 'Grace', roomId: 'r:elsewhere' },
          { name: '  ', roomId: room('f1') },
        ],
      },
    ]);
    expect(plan.preAssignments).toEqual([{ name: 'Ada', roomId: room('f1') }]);
  });

  it('refuses a rotation that places someone twice in a round, and applies only the next round', () => {
    const base = planWithRooms('f1', 'f2');
    const rotation = {
      people: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
      roomIds: [room('f1'), room('f2')],
      rounds: [
        [[0], [1]],
        [[1], [0]],
      ],
      next: 0,
      repeatPairs: 0,
      lowerBound: 0,
    };
    const twice = { ...rotation, rounds: [[[0, 0], [1]]] };
    expect(reduceAll(base, [{ type: 'rotationPlanned', rotation: twice }])).toBe(base);
    const planned = reduceAll(base, [{ type: 'rotationPlanned', rotation }]);
    const applied = reduceAll(planned, [{ type: 'rotationRoundApplied', round: 0 }]);
    expect(applied.people.map((p) => [p.id, p.roomId])).toEqual([
      ['a', room('f1')],
      ['b', room('f2')],
    ]);
    expect(applied.rotation?.next).toBe(1);
    // The same action again is not the next round: nothing changes.
    expect(reduceAll(applied, [{ type: 'rotationRoundApplied', round: 0 }])).toBe(applied);
  });

  it('moves report-back only after the end and only within the rooms that had people', () => {
    const plan = planWithRooms('f1');
    expect(reduceAll(plan, [{ type: 'reportBackMoved', runId: plan.runId, index: 0 }])).toBe(plan);
  });
});
