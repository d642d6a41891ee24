import { useCallback } from 'react';
import { useRunCommand } from '../hooks/use-commands';
import { ActionButton } from './ActionButton';

type Props = { message: string; canStartNew: boolean };

/** A stored plan that cannot be used: damaged (start again) or from a newer app (read-only). */
export function PlanProblem({ message, canStartNew }: Props) {
  const run = useRunCommand();
  const startNew = useCallback(() => void run({ type: 'claim' }), [run]);
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
