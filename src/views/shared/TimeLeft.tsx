import { formatRemaining } from '../../domain/text';
import { useTimeLeft } from '../../hooks/use-time-left';

type Props = {
  /** The largest number on screen: in the facilitator's header and on a participant's room. */
  large?: boolean;
};

/** The countdown: the only part of the panel that re-renders every second. */
export function TimeLeft({ large = false }: Props) {
  const { ms, paused, closingSoon } = useTimeLeft();
  return (
    <div className={large ? 'time-block time-block-large' : 'time-block'}>
      {ms === null ? (
        <p className="time-left p-medium">No time limit</p>
      ) : (
        <p className="time-left">
          <span role="timer" aria-label="Time left" className="time-value">
            {formatRemaining(ms)}
          </span>
          {paused && <span className="tag status-tag status-paused">Paused</span>}
        </p>
      )}
      {closingSoon && <p className="warning p-small">Rooms close soon. Time to wrap up.</p>}
    </div>
  );
}
