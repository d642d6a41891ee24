import { describe, expect, it } from 'vitest';
import { runOne } from '../../chaos/run';

/**
 * Seeded fault-injection scenarios (chaos/) that once broke the app, kept as regressions. Each
 * seed fixes the faults drawn in chaos/faults.ts; `npm run chaos -- --runs 1 --seed <seed>
 * --jobs 1 --verbose` prints the whole run. The seeds found before the planning tools were drawn
 * (self-select, a pasted list, a second breakout) replay their runs without them.
 */
const FOUND: [number, string][] = [
  [2, 'the app reloaded mid-start reported to a closed panel channel'],
  [30, 'a take-over raced the old facilitator’s last write: split brain, the end was refused'],
  [1114, 'a low credit budget made the start give up inside one rate-limit window'],
  [5, 'the new facilitator was offline when members left (C13): nobody heard the leaves'],
  [53, 'a re-sent "I joined" from a stale plan marked someone joined after they had left'],
  [258, 'C4 "starter" after a take-over: a join nobody heard kept someone "invited", unmoved'],
  [341, 'viewport.set failed after its retries and nothing tried the move again'],
  [377, 'offline at the end: nothing read the plan again when they came back'],
  [583, 'the start’s plan notification was lost and the participant never heard of the start'],
  [114, 'a re-sent "I joined" when Miro could not answer marked someone who had left as joined'],
  [521, 'C12 after a take-over: the starter’s reopened board never closed the rooms it started'],
  [614, 'runner: a heal started a second app in a tab whose reload was still starting one'],
  [395, 'a start interrupted by a reload left a session no room knows (no targeted fix yet)'],
  [412, 'a failed session.on registration ended the start with every room still open'],
  [113, 'a take-over from a stale plan turned the running breakout back to "planning"'],
  [1094, 'runner: Start was pressed while the reopened board’s app was still starting'],
  [
    1368,
    'moved while every plan notification was lost (C4 "starter"): never taken to the new room',
  ],
  [
    1388,
    'the board reopened during the end: the timer’s stop never went out and nobody retried it',
  ],
  [
    1482,
    'the app went away while closing a room: the session ended, the closure was never written',
  ],
  [2152, 'a frame deleted just before a take-over: the race lost the record of its deletion'],
  [2689, 'a saved take-over whose pick-up of the rooms failed was reported as a failed take-over'],
  [2462, 'joined and closed moments apart: the move into the room landed after the move back'],
  [
    77895,
    'a close racing a take-over ended the session; the new facilitator kept its people "joined"',
  ],
  [500024, 'a start cut short by a reload opened a room after the reopened board cleaned up'],
  [
    88,
    'a forged "ended" held since (its restore unheard) kept a participant in their room at the end',
  ],
  [176, 'a forged "ended" read before the running plan: the real end found them already "back"'],
  [274, 'a forged higher revision, written over by the facilitator at once, shut readers out'],
];

/** Seeds found with the planning tools in the runs. */
const FOUND_WITH_TOOLS: [number, string][] = [
  [91040, 'a pasted list’s room with nobody online at the start got no session: nobody invited'],
  [91014, '54 latecomers of a list invited one command each: most still waiting minutes later'],
  [9009, 'a room removed while a pasted list named it: every later write of the plan refused'],
  [
    92021,
    'self-select: a pick written beside a Start, invited to the room the start read (7b09a00)',
  ],
  [24, 'Create rooms asked again before the reopened board read the copy a reload cut short'],
  [91277, 'self-select: a write per 250 ms of picks queued ahead of Start, which waited minutes'],
  [91136, 'self-select: a pick queued behind that backlog was written after the press of Start'],
  [91060, 'moved while their app missed the start: the old invitation clicked, never left (C7)'],
  [91112, 'C12 after a take-over: Miro refused the new facilitator’s invitations of latecomers'],
  [700130, 'the same in a fresh range: two latecomers of a list never invited after a take-over'],
];

describe('fault-injection regressions', () => {
  it.each(FOUND)(
    'seed %i: %s',
    async (seed) => {
      const result = await runOne(seed, { planningTools: false });
      expect(result.violations, [...result.violations, ...result.faults].join('\n')).toEqual([]);
    },
    120_000,
  );

  it.each(FOUND_WITH_TOOLS)(
    'seed %i: %s',
    async (seed) => {
      const result = await runOne(seed);
      expect(result.violations, [...result.violations, ...result.faults].join('\n')).toEqual([]);
    },
    120_000,
  );
});
