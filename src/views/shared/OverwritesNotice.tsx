import { overwritesText } from '../../domain/overwrites';
import { useOverwrites } from '../../hooks/use-overwrites';
import { clockTime } from './format-time';
import { IconButton } from './IconButton';

/**
 * What other apps wrote over the facilitator's plan, under the header: already put back by their
 * app, so a status (a colour and a word) to read and dismiss, not an alert to act on. Shown from
 * what their headless app kept, so a panel opened afterwards still tells it.
 */
export function OverwritesNotice() {
  const { seen, dismiss } = useOverwrites();
  if (seen === null) return null;
  return (
    <div role="status" aria-label="Plan put back" className="alert alert-notice">
      <p className="p-small notice-text">
        <span className="tag status-tag status-restored">Put back</span>{' '}
        {overwritesText(seen, clockTime)}
      </p>
      <IconButton icon="close" label="Dismiss" onClick={dismiss} />
    </div>
  );
}
