import { memo, useCallback } from 'react';
import type { Plan } from '../../domain/plan';
import { usePlanValue } from '../../hooks/plan-store';
import { HELP_HEADING_ID } from './HelpQueue';

const openRequests = (plan: Plan | null) => plan?.helpRequests.length ?? 0;

/** How many people are waiting for help; a click brings the list into view. */
export const HelpBadge = memo(function HelpBadge() {
  const count = usePlanValue(openRequests);
  const show = useCallback(() => {
    const heading = document.getElementById(HELP_HEADING_ID);
    heading?.scrollIntoView({ block: 'center' });
    heading?.focus();
  }, []);
  if (count === 0) return null;
  return (
    <button
      type="button"
      className="help-badge"
      aria-label={`${count} ${count === 1 ? 'person asks' : 'people ask'} for help: show`}
      title="Show the help requests"
      onClick={show}
    >
      <span className="icon icon-help" aria-hidden="true" />
      <span className="figure">{count}</span>
    </button>
  );
});
