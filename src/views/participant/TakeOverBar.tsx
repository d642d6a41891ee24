import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useBreakoutActions } from '../../hooks/use-breakout-actions';
import { ActionButton } from '../shared/ActionButton';

type Props = { facilitatorName: string };

/** Who facilitates, and an explicit, confirmed way to take over from them. */
export function TakeOverBar({ facilitatorName }: Props) {
  const { claim } = useBreakoutActions();
  const [confirming, setConfirming] = useState(false);
  const questionId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const takeOver = useCallback(async () => {
    const result = await claim();
    if (result.ok) setConfirming(false);
  }, [claim]);

  return (
    <section aria-label="Facilitator" className="section take-over">
      <p>
        <strong>{facilitatorName}</strong> is the facilitator. You can follow along here.
      </p>
      {confirming ? (
        <div role="alertdialog" aria-labelledby={questionId} className="confirm">
          <p id={questionId}>
            Take over from {facilitatorName}? They will no longer be able to change this breakout.
          </p>
          <div className="button-row">
            <ActionButton variant="primary" onClick={takeOver} ref={confirmRef}>
              Take over
            </ActionButton>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setConfirming(false)}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => setConfirming(true)}
        >
          Take over as facilitator
        </button>
      )}
    </section>
  );
}
