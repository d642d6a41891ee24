import { useState } from 'react';
import { useBreakoutActions } from '../../hooks/use-breakout-actions';
import { ConfirmDialog } from '../shared/ConfirmDialog';

type Props = { disabled: boolean };

/** The running screen's one primary action, confirmed first: it ends every room for everyone. */
export function EndBreakout({ disabled }: Props) {
  const { end } = useBreakoutActions();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button-danger button-small"
        disabled={disabled}
        onClick={() => setConfirming(true)}
      >
        End breakout
      </button>
      {confirming && (
        <ConfirmDialog
          title="End the breakout for everyone?"
          confirmLabel="End breakout now"
          cancelLabel="Keep going"
          danger
          onConfirm={end}
          onClose={() => setConfirming(false)}
        >
          <p>All rooms close and everyone is brought back to the main area.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
