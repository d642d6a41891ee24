import { memo, useCallback, useState } from 'react';
import { useRoomActions } from '../../hooks/use-room-actions';
import { useSelectedItemIds } from '../../hooks/use-selected-items';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { CommandIconButton, IconButton } from '../shared/IconButton';

type Props = { roomId: string; name: string; locked: boolean; closed: boolean };

/**
 * One room's actions as a row of icon buttons: go there, bring its people to what is selected on
 * the board, lock it, close it early (confirmed first: it ends the room for everyone in it).
 */
export const RoomActions = memo(function RoomActions({ roomId, name, locked, closed }: Props) {
  const room = useRoomActions(roomId);
  const selected = useSelectedItemIds();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const goThere = useCallback(async () => setProblem(await room.goTo()), [room]);
  const bringHere = useCallback(() => void room.bringHere(selected), [room, selected]);
  const toggleLock = useCallback(() => void room.lock(!locked), [room, locked]);
  const askToClose = useCallback(() => setConfirming(true), []);
  const stopAsking = useCallback(() => setConfirming(false), []);
  return (
    <div className="room-actions">
      <IconButton icon="eye" label={`Go to ${name}`} onClick={goThere} />
      {!closed && (
        <>
          <CommandIconButton
            icon="magnet"
            label={`Bring ${name} here`}
            disabled={selected.length === 0}
            disabledReason={`Bring ${name} here: select something on the board first`}
            onClick={bringHere}
          />
          <CommandIconButton
            icon={locked ? 'unlock' : 'lock'}
            label={locked ? `Unlock ${name}` : `Lock ${name}`}
            onClick={toggleLock}
          />
          <IconButton icon="stop" label={`Close ${name}`} onClick={askToClose} />
        </>
      )}
      {problem && (
        <p role="alert" className="field-error p-small room-problem">
          {problem}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Close ${name} now?`}
          confirmLabel={`Close ${name} now`}
          cancelLabel="Keep it open"
          danger
          onConfirm={room.close}
          onClose={stopAsking}
        >
          <p>Its session ends and its people go back to the main area. The other rooms go on.</p>
        </ConfirmDialog>
      )}
    </div>
  );
});
