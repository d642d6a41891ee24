import { memo } from 'react';
import type { Room } from '../../domain/plan';
import { useHistory } from '../../hooks/use-history';
import { HistoryEntryRow } from './HistoryEntryRow';

type Props = { rooms: readonly Room[] };

/** Shown at most: older runs stay stored (within 64 KB) but would only lengthen the panel. */
const SHOWN = 10;

/** Past breakouts on this board, newest first, to run the same groups again or reshuffle them. */
export const HistoryList = memo(function HistoryList({ rooms }: Props) {
  const history = useHistory();
  let body: React.ReactNode;
  if (history.status === 'loading') body = <p role="status">Loading past breakouts…</p>;
  else if (history.status === 'error') body = <p role="alert">{history.message}</p>;
  else if (history.value.status === 'corrupt' || history.value.status === 'future') {
    body = <p role="alert">{history.value.message}</p>;
  } else if (history.value.status === 'empty' || history.value.history.entries.length === 0) {
    body = <p>No breakout has run on this board yet.</p>;
  } else {
    const entries = history.value.history.entries.slice(-SHOWN).reverse();
    body = (
      <ul aria-label="Past breakouts" className="plain-list">
        {entries.map((entry) => (
          <HistoryEntryRow key={entry.runId} entry={entry} rooms={rooms} />
        ))}
      </ul>
    );
  }
  return (
    <section aria-labelledby="history-heading" className="tool">
      <h3 className="visually-hidden" id="history-heading">
        Past breakouts
      </h3>
      {body}
    </section>
  );
});
