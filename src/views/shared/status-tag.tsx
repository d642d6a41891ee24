import type { DisplayStatus } from '../../domain/selectors';
import { STATUS_TEXT, STATUS_WORD } from './status-text';

/**
 * A person's status as a mirotone tag: a colour and a word, the full sentence as its tooltip.
 * A plain function, not a component: a join re-renders the person's row, and nothing more.
 */
export function statusTag(status: DisplayStatus) {
  return (
    <span className={`tag status-tag status-${status}`} title={STATUS_TEXT[status]}>
      {STATUS_WORD[status]}
    </span>
  );
}
