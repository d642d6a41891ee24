import { formatRemaining } from '../../domain/text';
import { useTimeLeft } from '../../hooks/use-time-left';

/** The countdown: the only part of the panel that re-renders every second. */
export function TimeLeft() {
  const { ms, paused, closingSoon } = useTimeLeft();
  if (ms === null) return <p className="time-left">No time limit</p>;
  return (
    <>
      <p className="time-left">
        Time left: <strong>{formatRemaining(ms)}</strong>
        {paused && ' (paused)'}
      </p>
      {closingSoon && <p className="warning">Rooms close soon. Time to wrap up.</p>}
    </>
  );
}
