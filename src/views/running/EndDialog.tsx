import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useBreakoutActions } from '../../hooks/use-breakout-actions';
import { ActionButton } from '../shared/ActionButton';

/** "End breakout", confirmed first: ending closes every room for everyone at once. */
export function EndDialog() {
  const breakout = useBreakoutActions();
  const [confirming, setConfirming] = useState(false);
  const titleId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const cancel = useCallback(() => {
    setConfirming(false);
    // Back to where the keyboard user was.
    queueMicrotask(() => openerRef.current?.focus());
  }, []);
  const end = useCallback(async () => {
    const result = await breakout.end();
    if (result.ok) setConfirming(false);
  }, [breakout]);

  if (!confirming) {
    return (
      <div className="form-group">
        <button
          ref={openerRef}
          type="button"
          className="button button-danger"
          onClick={() => setConfirming(true)}
        >
          End breakout
        </button>
      </div>
    );
  }
  return (
    <div
      role="alertdialog"
      aria-modal="false"
      aria-labelledby={titleId}
      className="confirm"
      onKeyDown={(event) => {
        if (event.key === 'Escape') cancel();
      }}
    >
      <p id={titleId}>
        End the breakout for everyone? All rooms close and everyone is brought back.
      </p>
      <div className="button-row">
        <ActionButton variant="danger" onClick={end} ref={confirmRef}>
          End breakout now
        </ActionButton>
        <button type="button" className="button button-secondary" onClick={cancel}>
          Keep going
        </button>
      </div>
    </div>
  );
}
