import { memo, useCallback, useEffect, useId, useRef, useState } from 'react';
import { closureOf, isRoomLocked } from '../../domain/facilitation';
import type { Plan } from '../../domain/plan';
import { sameFields, usePlanValue } from '../../hooks/plan-store';
import { useRoomActions } from '../../hooks/use-room-actions';
import { useSelectedItemIds } from '../../hooks/use-selected-items';
import { ActionButton } from '../shared/ActionButton';
import { clockTime } from '../shared/format-time';

type Props = { roomId: string; name: string };

type Slice = { locked: boolean; closedAt: number | null };

/**
 * One room's controls while it runs: visit it, bring its people to what is selected on the
 * board, lock it, or close it early (after a confirmation: it ends the room for everyone in it).
 */
export const RoomControls = memo(function RoomControls({ roomId, name }: Props) {
  const room = useRoomActions(roomId);
  const selected = useSelectedItemIds();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const confirmId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const select = useCallback(
    (plan: Plan | null): Slice => {
      return {
        locked: plan ? isRoomLocked(plan, roomId) : false,
        closedAt: plan ? (closureOf(plan, roomId)?.at ?? null) : null,
      };
    },
    [roomId],
  );
  const { locked, closedAt } = usePlanValue(select, sameFields);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const goThere = useCallback(async () => setProblem(await room.goTo()), [room]);
  const bringHere = useCallback(() => void room.bringHere(selected), [room, selected]);
  const toggleLock = useCallback(() => void room.lock(!locked), [room, locked]);
  const close = useCallback(async () => {
    const result = await room.close();
    if (result.ok) setConfirming(false);
  }, [room]);

  const goButton = (
    <button type="button" className="button button-secondary button-small" onClick={goThere}>
      Go to {name}
    </button>
  );
  if (closedAt !== null) {
    return (
      <div className="room-controls">
        <p className="status-text">Closed at {clockTime(closedAt)}.</p>
        <div className="button-row">{goButton}</div>
        {problem && <p role="alert">{problem}</p>}
      </div>
    );
  }
  return (
    <div className="room-controls">
      {locked && <p className="status-text">Locked: nobody new is let in.</p>}
      <div className="button-row">
        {goButton}
        <ActionButton
          small
          disabled={selected.length === 0}
          title={selected.length === 0 ? 'Select something on the board first' : undefined}
          onClick={bringHere}
        >
          Bring {name} here
        </ActionButton>
        <ActionButton small onClick={toggleLock}>
          {locked ? `Unlock ${name}` : `Lock ${name}`}
        </ActionButton>
        {!confirming && (
          <button
            type="button"
            className="button button-danger button-small"
            onClick={() => setConfirming(true)}
          >
            Close {name}
          </button>
        )}
      </div>
      {problem && <p role="alert">{problem}</p>}
      {confirming && (
        <div
          role="alertdialog"
          aria-modal="false"
          aria-labelledby={confirmId}
          className="confirm"
          onKeyDown={(event) => {
            if (event.key === 'Escape') setConfirming(false);
          }}
        >
          <p id={confirmId}>
            Close {name} now? Its session ends and its people go back to the main area.
          </p>
          <div className="button-row">
            <ActionButton variant="danger" onClick={close} ref={confirmRef}>
              Close {name} now
            </ActionButton>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setConfirming(false)}
            >
              Keep it open
            </button>
          </div>
        </div>
      )}
    </div>
  );
});
