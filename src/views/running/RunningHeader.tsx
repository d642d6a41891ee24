import { memo } from 'react';
import type { Phase } from '../../domain/plan';
import { ScreenHeader } from '../shared/Screen';
import { TimeLeft } from '../shared/TimeLeft';
import { EndBreakout } from './EndBreakout';
import { HelpBadge } from './HelpBadge';
import { JoinProgress } from './JoinProgress';

type Props = {
  phase: Exclude<Phase, 'planning' | 'ended'>;
};

const PHASE_NOTE: Record<Props['phase'], string | null> = {
  starting: 'Opening the rooms and sending invitations…',
  running: null,
  ending: 'Closing the rooms and bringing everyone back…',
};

/** Time left as the largest number on screen, who has joined, help requests, and the end. */
export const RunningHeader = memo(function RunningHeader({ phase }: Props) {
  const note = PHASE_NOTE[phase];
  return (
    <ScreenHeader
      title={
        phase === 'running' ? 'Breakout running' : phase === 'starting' ? 'Starting' : 'Ending'
      }
      status={
        note ? (
          <p role="status" className="header-status">
            {note}
          </p>
        ) : (
          <JoinProgress />
        )
      }
    >
      <TimeLeft large />
      <div className="header-actions">
        <HelpBadge />
        <EndBreakout disabled={phase === 'ending'} />
      </div>
    </ScreenHeader>
  );
});
