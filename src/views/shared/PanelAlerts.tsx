import { useCommandStatus } from '../../hooks/use-commands';
import { usePlanDamage } from '../../hooks/use-plan-damage';
import { OtherDeviceNotice } from './OtherDeviceNotice';
import { OverwritesNotice } from './OverwritesNotice';

/**
 * What went wrong, under the header of every screen: the controller's own problem, damage to
 * the stored plan (the panel carries on with the last good one), and this panel's last failed
 * command with a way to send it again. Alerts, so screen readers announce them; each stays until
 * it is resolved, and none is only a colour. Then what other apps wrote over the plan, put back.
 */
export function PanelAlerts() {
  const { problem, error, retry, busy, otherDevice } = useCommandStatus();
  const damage = usePlanDamage();
  return (
    <>
      {otherDevice !== null && <OtherDeviceNotice seenAt={otherDevice.seenAt} />}
      {problem !== null && (
        <p role="alert" className="alert alert-problem">
          {problem}
        </p>
      )}
      {damage !== null && (
        <p role="alert" className="alert alert-problem">
          {damage}
        </p>
      )}
      {error !== null && (
        <div role="alert" className="alert alert-error">
          <p className="p-medium">{error}</p>
          {retry && (
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={busy}
              onClick={retry}
            >
              Try again
            </button>
          )}
        </div>
      )}
      <OverwritesNotice />
    </>
  );
}
