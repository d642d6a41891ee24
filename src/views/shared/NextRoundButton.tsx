import { memo, useCallback } from 'react';
import type { Rotation } from '../../domain/plan';
import { useBreakoutActions } from '../../hooks/use-breakout-actions';
import { ActionButton } from './ActionButton';

type Props = { rotation: Rotation; small?: boolean };

/** One click: the next round's groups are applied and the breakout starts. */
export const NextRoundButton = memo(function NextRoundButton({ rotation, small = false }: Props) {
  const { startNextRound } = useBreakoutActions();
  const start = useCallback(() => void startNextRound(), [startNextRound]);
  const total = rotation.rounds.length;
  if (rotation.next >= total) return <p>All {total} rounds have run.</p>;
  return (
    <ActionButton variant="primary" small={small} onClick={start}>
      Start round {rotation.next + 1} of {total}
    </ActionButton>
  );
});
