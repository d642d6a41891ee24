import { memo, useCallback, useEffect, useId, useRef, useState } from 'react';
import { goodPlanOf, type PlanSnapshot } from '../controller/plan-reader';
import { closureOf, isRoomLocked } from '../domain/facilitation';
import type { Rect } from '../domain/plan';
import { sameFields, usePlanSelector } from '../hooks/plan-store';
import { useRunCommand } from '../hooks/use-commands';
import { useJumpToFrame, useSelectedItemIds } from '../hooks/use-facilitation';
import { ActionButton } from './ActionButton';

type Props = { roomId: string; name: string; frame: Rect };

type Slice = { locked: boolean; closedAt: number | null };

const timeOf = (at: number) =>
  new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/**
 * One room's controls while it runs: visit it, bring its people to what is selected on the
 * board, lock it, or close it early (after a confirmation: it ends the room for everyone in it).
 */
export const RoomControls = memo(function RoomControls({ roomId, name, frame }: Props) {
  const run = useRunCommand();
  const jump = useJumpToFrame();
  const selected = useSelectedItemIds();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const confirmId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const select = useCallback(
    (snapshot: PlanSnapshot): Slice => {
      const plan = goodPlanOf(snapshot);
      return {
        locked: plan ? isRoomLocked(plan, roomId) : false,
        closedAt: plan ? (closureOf(plan, roomId)?.at ?? null) : null,
      };
    },
    [roomId],
  );
  const { locked, closedAt } = usePlanSelector(select, sameFields);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const goThere = useCallback(async () => setProblem(await jump(frame)), [jump, frame]);
  const bringHere = useCallback(
    () => void run({ type: 'bringRoomTo', roomId, itemIds: [...selected] }),
    [run, roomId, selected],
  );
  const toggleLock = useCallback(
    () => void run({ type: 'lockRoom', roomId, locked: !locked }),
    [run, roomId, locked],
  );
  const close = useCallback(async () => {
    const result = await run({ type: 'closeRoom', roomId });
    if (result.ok) setConfirming(false);
  }, [run, roomId]);

  const goButton = (
    <button type="button" className="button button-secondary button-small" onClick={goThere}>
      Go to {name}
    </button>
  );
  if (closedAt !== null) {
    return (
      <div className="room-controls">
        <p className="status-text">Closed at {timeOf(closedAt)}.</p>
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
