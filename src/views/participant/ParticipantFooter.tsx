import { useState } from 'react';
import { useBreakoutActions } from '../../hooks/use-breakout-actions';
import { ConfirmDialog } from '../shared/ConfirmDialog';

type Props = { facilitatorName: string };

/**
 * Who runs the breakout, and a quiet way to take over from them, confirmed first: it is never
 * a participant's first control.
 */
export function ParticipantFooter({ facilitatorName }: Props) {
  const { claim } = useBreakoutActions();
  const [confirming, setConfirming] = useState(false);
  return (
    <footer className="panel-footer p-small">
      <span>{facilitatorName} is the facilitator.</span>
      <button type="button" className="link-button" onClick={() => setConfirming(true)}>
        Take over as facilitator
      </button>
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
