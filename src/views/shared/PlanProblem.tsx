import { useCallback } from 'react';
import { useBreakoutActions } from '../../hooks/use-breakout-actions';
import { ActionButton } from './ActionButton';

type Props = { message: string; canStartNew: boolean };

/** A stored plan that cannot be used: damaged (start again) or from a newer app (read-only). */
export function PlanProblem({ message, canStartNew }: Props) {
  const { claim } = useBreakoutActions();
  const startNew = useCallback(() => void claim(), [claim]);
  return (
    <section aria-label="Breakout plan">
      <p role="alert" className="alert alert-problem">
        {message}
      </p>
      {canStartNew && (
        <ActionButton variant="primary" onClick={startNew}>
          Start a new plan
        </ActionButton>
      )}
    </section>
  );
}
