import { seenAgo } from '../../domain/device-lease';
import { useRunCommand } from '../../hooks/use-commands';
import { useNow } from '../../hooks/use-now';
import { ActionButton } from './ActionButton';

/**
 * On a device of the facilitator's that waits while their other device runs the breakout
 * (controller/device-lease.ts): when that device was last seen, and the one control that moves
 * the breakout here. A status, not an alert: nothing went wrong, and it updates every second.
 */
export function OtherDeviceNotice({ seenAt }: { seenAt: number }) {
  const run = useRunCommand();
  const now = useNow(true);
  return (
    <div role="status" className="alert alert-info">
      <p className="p-medium">
        Your other device runs the breakout, seen {seenAgo(now, seenAt)} ago.
      </p>
      <p className="p-small">
        Changes made here wait for it. While rooms run, this device takes over once that one has
        gone quiet for 30 s.
      </p>
      <ActionButton small onClick={() => void run({ type: 'runHere' })}>
        Run it here
      </ActionButton>
    </div>
  );
}
