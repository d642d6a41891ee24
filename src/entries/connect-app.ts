import { type Connection, connect } from '../sdk/connect';
import { type MiroResolution, resolveMiro } from '../sdk/resolve';

export type AppStart =
  | { kind: 'connected'; connection: Connection; simulated: boolean }
  | { kind: 'absent'; reason: Extract<MiroResolution, { kind: 'absent' }>['reason'] };

/** Both entries start the same way: find the SDK, then wrap it in the seam. */
export function connectApp(): AppStart {
  // Only the dev server may lend the playground's simulator; the production build never looks.
  const resolution = resolveMiro(window, import.meta.env.DEV);
  if (resolution.kind === 'absent') return { kind: 'absent', reason: resolution.reason };
  return {
    kind: 'connected',
    connection: connect(resolution.miro),
    simulated: resolution.kind === 'simulator',
  };
}
