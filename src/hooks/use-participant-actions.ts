import { useCallback, useRef } from 'react';
import { goodPlanOf } from '../controller/plan-snapshot';
import { type HelpAsk, helpAsk } from '../domain/help';
import {
  BROADCAST_EVENT,
  facilitateRequested,
  helpRequested,
  rejoinRequested,
} from '../domain/messages';
import type { PersonRef } from '../domain/plan';
import { errorMessage } from '../sdk/retry';
import { useBoard } from './board-context';
import { usePlanStore } from './plan-store';
import { useMoveMyView } from './use-commands';

/** Null when it worked, else a message to show. */
export type ActionOutcome = string | null;

/** What asking for help did: asked, already asked, not yet (see domain/help.ts), or failed. */
export type HelpOutcome =
  | Exclude<HelpAsk, { kind: 'ask' }>
  | { kind: 'asked' }
  | { kind: 'failed'; text: string };

export type ParticipantActions = {
  askForHelp(): Promise<HelpOutcome>;
  askToRejoin(): Promise<ActionOutcome>;
  takeMeToMyRoom(): Promise<ActionOutcome>;
};

/**
 * What a participant can do themselves. Participants never write the plan: they ask the
 * facilitator's app with a broadcast, and move only their own viewport.
 */
export function useParticipantActions(runId: string, me: PersonRef): ParticipantActions {
  const board = useBoard();
  const move = useMoveMyView();
  const { id, name } = me;

  const store = usePlanStore();
  const lastSent = useRef<number | null>(null);
  const askForHelp = useCallback(async (): Promise<HelpOutcome> => {
    const plan = goodPlanOf(store.get());
    const now = Date.now();
    const ask = plan ? helpAsk(plan, id, lastSent.current, now) : { kind: 'ask' as const };
    if (ask.kind !== 'ask') return ask;
    const failure = await attempt(
      () => board.events.broadcast(BROADCAST_EVENT, helpRequested(runId, { id, name })),
      'Your request for help could not be sent',
    );
    if (failure !== null) return { kind: 'failed', text: failure };
    lastSent.current = now;
    return { kind: 'asked' };
  }, [board, store, runId, id, name]);

  const askToRejoin = useCallback(
    () =>
      attempt(
        () => board.events.broadcast(BROADCAST_EVENT, rejoinRequested(runId, { id, name })),
        'Your request to rejoin could not be sent',
      ),
    [board, runId, id, name],
  );

  // Through this tab's app, which moves this user's viewport one move at a time and checks its
  // own plan first: a click made as the breakout ends does not take anyone back into the room.
  const takeMeToMyRoom = useCallback(() => move({ type: 'showMyRoom' }), [move]);

  return { askForHelp, askToRejoin, takeMeToMyRoom };
}

/**
 * "Ask to facilitate": a broadcast the facilitator's app checks against Miro's online users
 * (who-facilitates.ts); the answer comes back in the plan, and this user's own app tells them.
 */
export function useAskToFacilitate(me: PersonRef): () => Promise<ActionOutcome> {
  const board = useBoard();
  const store = usePlanStore();
  const { id, name } = me;
  return useCallback(async () => {
    const runId = goodPlanOf(store.get())?.runId;
    if (!runId) return 'There is no breakout to facilitate yet.';
    return attempt(
      () => board.events.broadcast(BROADCAST_EVENT, facilitateRequested(runId, { id, name })),
      'Your request could not be sent',
    );
  }, [board, store, id, name]);
}

async function attempt(action: () => Promise<unknown>, failure: string): Promise<ActionOutcome> {
  try {
    await action();
    return null;
  } catch (error) {
    return `${failure}: ${errorMessage(error)}. Try again.`;
  }
}
