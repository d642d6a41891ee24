import { useCallback, useEffect } from 'react';
import { type SessionsOffer, useRoomsActions, useRoomsWork } from '../../hooks/use-rooms-work';
import { ActionButton } from '../shared/ActionButton';

const sessionsOf = (work: { sessions: SessionsOffer } | null) => work?.sessions ?? null;

/**
 * Before anyone plans: whether Miro offers collaboration sessions here (they are experimental).
 * Asked once when planning opens; a board without them is explained now, not at Start.
 */
export function SessionsNotice() {
  const offer = useRoomsWork(sessionsOf);
  const { checkSessions } = useRoomsActions();
  const unknown = offer?.state === 'unknown';
  useEffect(() => {
    if (unknown) void checkSessions();
  }, [unknown, checkSessions]);
  const again = useCallback(() => void checkSessions(), [checkSessions]);
  if (!offer || (offer.state !== 'missing' && offer.state !== 'refused')) return null;
  return (
    <div className="alert" role="alert">
      <p>
        <strong>No breakout sessions here.</strong> {offer.message}
      </p>
      {offer.state === 'refused' && (
        <ActionButton small onClick={again}>
          Check again
        </ActionButton>
      )}
    </div>
  );
}
