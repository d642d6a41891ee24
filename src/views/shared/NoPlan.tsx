import { useCallback } from 'react';
import type { PersonRef } from '../../domain/plan';
import { useBreakoutActions } from '../../hooks/use-breakout-actions';
import { ActionButton } from './ActionButton';
import { ScreenHeader } from './Screen';

type Props = { me: PersonRef };

/** A board without a breakout: whoever plans one becomes its facilitator. */
export function NoPlan({ me }: Props) {
  const { claim } = useBreakoutActions();
  const plan = useCallback(() => void claim(), [claim]);
  return (
    <>
      <ScreenHeader title="Breakout Rooms" />
      <section aria-labelledby="no-plan" className="panel-body empty-state">
        <span className="icon icon-frames" aria-hidden="true" />
        <h2 className="h4" id="no-plan">
          No breakout on this board yet
        </h2>
        <p className="p-medium">
          Split the people on this board into rooms: each room is a frame, everyone gets an
          invitation, and the app brings them back when time is up.
        </p>
        <ActionButton variant="primary" onClick={plan}>
          Plan a breakout
        </ActionButton>
        <p className="p-small status-text">
          You, {me.name}, become its facilitator. Others see what you plan and can follow along.
        </p>
      </section>
    </>
  );
}
