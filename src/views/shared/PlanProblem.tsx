import { useCallback } from 'react';
import { useBreakoutActions } from '../../hooks/use-breakout-actions';
import { ActionButton } from './ActionButton';
import { ScreenHeader } from './Screen';

type Props = { message: string; canStartNew: boolean };

/** A stored plan that cannot be used: damaged (start again) or from a newer app (read-only). */
export function PlanProblem({ message, canStartNew }: Props) {
  const { claim } = useBreakoutActions();
  const startNew = useCallback(() => void claim(), [claim]);
  return (
    <>
      <ScreenHeader title="Breakout Rooms" />
      <section aria-label="Breakout plan" className="panel-body">
        <div role="alert" className="alert alert-problem">
          <p className="p-medium">{message}</p>
          {canStartNew && (
            <ActionButton variant="primary" small onClick={startNew}>
              Start a new plan
            </ActionButton>
          )}
        </div>
      </section>
    </>
  );
}
