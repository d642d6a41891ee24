import { useRef } from 'react';
import type { TimerInstance } from '../sdk/surface';
import { formatRemaining, useNow } from './use-board';

/**
 * The board's built-in timer as every user sees it (miro-sdk.md T1). The simulator reports
 * `restDuration` as of its last change; counting down locally from that anchor keeps the display
 * live whether or not the simulator recomputes it on every read.
 */
export function TimerDisplay({ timer, now }: { timer: TimerInstance; now: () => number }) {
  const anchor = useRef<{ rest: number; status: string; at: number } | null>(null);
  const running = timer.status === 'STARTED';
  const time = useNow(now, 250, running);

  if (anchor.current?.rest !== timer.restDuration || anchor.current.status !== timer.status) {
    anchor.current = { rest: timer.restDuration, status: timer.status, at: now() };
  }
  if (timer.status === 'STOPPED') return null;

  const remaining = running
    ? anchor.current.rest - Math.max(0, time - anchor.current.at)
    : anchor.current.rest;
  return (
    <output className="board-timer" aria-label="Board timer">
      Timer {running ? 'running' : 'paused'}: {formatRemaining(remaining)} left of{' '}
      {formatRemaining(timer.totalDuration)}
    </output>
  );
}
