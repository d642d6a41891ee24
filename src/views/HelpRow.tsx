import { memo, useCallback, useState } from 'react';
import type { Rect } from '../domain/plan';
import { useRunCommand } from '../hooks/use-commands';
import { useJumpToFrame } from '../hooks/use-facilitation';
import { ActionButton } from './ActionButton';

type Props = {
  personId: string;
  name: string;
  roomName: string | null;
  frame: Rect | null;
  at: number;
  onTheWay: boolean;
};

const timeOf = (at: number) =>
  new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/**
 * One help request: who, where and since when; one click takes the facilitator to that room (and
 * tells the person someone is coming), "Done" once they have helped.
 */
export const HelpRow = memo(function HelpRow({
  personId,
  name,
  roomName,
  frame,
  at,
  onTheWay,
}: Props) {
  const run = useRunCommand();
  const jump = useJumpToFrame();
  const [problem, setProblem] = useState<string | null>(null);
  const done = useCallback(() => void run({ type: 'resolveHelp', personId }), [run, personId]);
  const goThere = useCallback(async () => {
    if (!frame) return;
    // Both at once: the facilitator's own view moves, and the plan says they are on the way.
    const [moved] = await Promise.all([jump(frame), run({ type: 'helpOnTheWay', personId })]);
    setProblem(moved);
  }, [jump, run, frame, personId]);
  return (
    <li className="person-row">
      <span className="person-name">
        {name}
        {roomName !== null && <span className="status-text"> in {roomName}</span>}
        <span className="status-text">
          {' '}
          · asked at {timeOf(at)}
          {onTheWay && ' · you are on the way'}
        </span>
      </span>
      <span className="row-actions">
        {frame && roomName !== null && (
          <ActionButton small onClick={goThere} aria-label={`Go to ${roomName} to help ${name}`}>
            Go to room
          </ActionButton>
        )}
        <ActionButton small onClick={done} aria-label={`Done helping ${name}`}>
          Done
        </ActionButton>
      </span>
      {problem && <span role="alert">{problem}</span>}
    </li>
  );
});
