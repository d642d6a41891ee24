import { useState } from 'react';
import { hasAsked, type TakeOverRight, takeOverRight } from '../../domain/co-facilitation';
import type { PersonRef } from '../../domain/plan';
import { usePlan } from '../../hooks/plan-store';
import { useAbsentSince } from '../../hooks/use-absent-since';
import { useBreakoutActions } from '../../hooks/use-breakout-actions';
import { useNow } from '../../hooks/use-now';
import { useAskToFacilitate } from '../../hooks/use-participant-actions';
import { ConfirmDialog } from '../shared/ConfirmDialog';

type Props = { me: PersonRef; facilitatorName: string; onlineIds: ReadonlySet<string> };

const minutes = (ms: number) => {
  const whole = Math.max(1, Math.floor(ms / 60_000));
  return whole === 1 ? '1 min' : `${whole} min`;
};

/** Why this person may take over, in words; null when they may not. */
function permission(right: TakeOverRight, facilitatorName: string): string | null {
  if (!right.may) return null;
  if (right.why === 'co-facilitator') return 'You are a co-facilitator.';
  if (right.why === 'handed-over') return `${facilitatorName} lets you facilitate.`;
  return `${facilitatorName} has been offline for ${minutes(right.offlineMs ?? 0)}: you may take over.`;
}

/**
 * Who runs the breakout, and what this person may do about it (domain/co-facilitation.ts): take
 * over, confirmed first, when the rule allows it; otherwise ask to facilitate. Never a
 * participant's first control.
 */
export function ParticipantFooter({ me, facilitatorName, onlineIds }: Props) {
  const plan = usePlan();
  const { claim } = useBreakoutActions();
  const ask = useAskToFacilitate(me);
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  const offlineSince = useAbsentSince(plan?.facilitator.id ?? null, onlineIds);
  const now = useNow(offlineSince !== null);
  if (!plan) return null;
  const right = takeOverRight(plan, me.id, { now, offlineSince });
  const allowed = permission(right, facilitatorName);
  const onAsk = async () => {
    const failure = await ask();
    setOutcome(failure ?? `${facilitatorName} has been asked. You will be told their answer.`);
  };
  return (
    <footer className="panel-footer p-small">
      <span>
        {facilitatorName} is the facilitator.{allowed && ` ${allowed}`}
      </span>
      {allowed ? (
        <button type="button" className="link-button" onClick={() => setConfirming(true)}>
          Take over as facilitator
        </button>
      ) : hasAsked(plan, me.id) ? (
        <span>You asked to facilitate; {facilitatorName} has not answered yet.</span>
      ) : (
        <button type="button" className="link-button" onClick={() => void onAsk()}>
          Ask to facilitate
        </button>
      )}
      {outcome && <span role="status">{outcome}</span>}
      {confirming && (
        <ConfirmDialog
          title={`Take over from ${facilitatorName}?`}
          confirmLabel="Take over"
          cancelLabel="Cancel"
          onConfirm={claim}
          onClose={() => setConfirming(false)}
        >
          <p>
            You run this breakout from now on. {facilitatorName} can no longer change it and sees it
            as a participant.
          </p>
        </ConfirmDialog>
      )}
    </footer>
  );
}
