import { useCommandStatus } from '../../hooks/use-commands';

/**
 * The controller's own problem and this panel's last failed command, as alerts so screen
 * readers announce them. Both stay until they are resolved, never only as a colour.
 */
export function CommandAlerts() {
  const { problem, error } = useCommandStatus();
  return (
    <>
      {problem !== null && (
        <p role="alert" className="alert alert-problem">
          {problem}
        </p>
      )}
      {error !== null && (
        <p role="alert" className="alert alert-error">
          {error}
        </p>
      )}
    </>
  );
}
