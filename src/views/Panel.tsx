import { lazy, Suspense, useMemo } from 'react';
import { useBreakout } from '../hooks/use-breakout';
import { useOnlineUsers } from '../hooks/use-online-users';
import { useSelection } from '../hooks/use-selection';
import { type FrameRef, isFrame, type OnlineUserInfo } from '../sdk/surface';
import { FacilitatorView } from './FacilitatorView';
import { loading } from './shared/Loading';
import { NoPlan } from './shared/NoPlan';
import { PlanProblem } from './shared/PlanProblem';
import { ScreenHeader } from './shared/Screen';

// Like the facilitator's phases, a participant's view loads when it is needed: what every panel
// downloads first stays small (panel JS ≤ 90 KB gzip).
const ObserverView = lazy(() =>
  import('./participant/ObserverView').then((module) => ({ default: module.ObserverView })),
);

const NOBODY: OnlineUserInfo[] = [];
const NOTHING: FrameRef[] = [];

const reloadPanel = () => window.location.reload();

/** Chooses the screen for this user; presence and selection are read once here for all of them. */
export function Panel() {
  const breakout = useBreakout();
  const online = useOnlineUsers();
  const selection = useSelection();
  const onlineUsers = online.status === 'ready' ? online.value : NOBODY;
  const onlineIds = useMemo(() => new Set(onlineUsers.map((user) => user.id)), [onlineUsers]);
  const selectedFrames = useMemo(
    () => (selection.status === 'ready' ? selection.value.filter(isFrame) : NOTHING),
    [selection],
  );

  switch (breakout.role) {
    case 'loading':
      return (
        <>
          <ScreenHeader title="Breakout Rooms" />
          <p role="status" className="panel-body">
            Loading the breakout…
          </p>
        </>
      );
    case 'unknown-user':
      return (
        <>
          <ScreenHeader title="Breakout Rooms" />
          <div role="alert" className="panel-body alert alert-problem">
            <p className="p-medium">
              The app could not find out who you are on this board: {breakout.message}
            </p>
            <button
              type="button"
              className="button button-primary button-small"
              onClick={reloadPanel}
            >
              Reload the panel
            </button>
          </div>
        </>
      );
    case 'nobody':
      return <NoPlan me={breakout.me} />;
    case 'corrupt':
      return <PlanProblem message={breakout.message} canStartNew />;
    case 'future':
      return <PlanProblem message={breakout.message} canStartNew={false} />;
    case 'facilitator':
      return (
        <FacilitatorView
          me={breakout.me}
          phase={breakout.phase}
          onlineUsers={onlineUsers}
          onlineIds={onlineIds}
          selectedFrames={selectedFrames}
        />
      );
    case 'participant':
      return (
        <Suspense fallback={loading}>
          <ObserverView
            me={breakout.me}
            facilitatorName={breakout.facilitator.name}
            readOnly={breakout.readOnly}
            onlineIds={onlineIds}
          />
        </Suspense>
      );
  }
}
