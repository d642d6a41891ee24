import { lazy, Suspense, useMemo } from 'react';
import { useBreakout } from '../hooks/use-breakout';
import { useOnlineUsers } from '../hooks/use-online-users';
import { usePlanDamage } from '../hooks/use-plan-damage';
import { useSelection } from '../hooks/use-selection';
import { type FrameRef, isFrame, type OnlineUserInfo } from '../sdk/surface';
import { FacilitatorView } from './FacilitatorView';
import { CommandAlerts } from './shared/CommandAlerts';
import { loading } from './shared/Loading';
import { NoPlan } from './shared/NoPlan';
import { PlanProblem } from './shared/PlanProblem';
import { WhoIsHere } from './shared/WhoIsHere';

// Like the facilitator's phases, a participant's view loads when it is needed: what every panel
// downloads first stays small (panel JS ≤ 90 KB gzip).
const ObserverView = lazy(() =>
  import('./participant/ObserverView').then((module) => ({ default: module.ObserverView })),
);

const NOBODY: OnlineUserInfo[] = [];
const NOTHING: FrameRef[] = [];

/** Chooses the view for this user; presence and selection are read once here for all of them. */
export function Panel() {
  const breakout = useBreakout();
  const damage = usePlanDamage();
  const online = useOnlineUsers();
  const selection = useSelection();
  const onlineUsers = online.status === 'ready' ? online.value : NOBODY;
  const onlineIds = useMemo(() => new Set(onlineUsers.map((user) => user.id)), [onlineUsers]);
  const selectedFrames = useMemo(
    () => (selection.status === 'ready' ? selection.value.filter(isFrame) : NOTHING),
    [selection],
  );

  let view: React.ReactNode;
  switch (breakout.role) {
    case 'loading':
      view = <p role="status">Loading the breakout…</p>;
      break;
    case 'unknown-user':
      view = <p role="alert">{breakout.message}</p>;
      break;
    case 'nobody':
      view = <NoPlan />;
      break;
    case 'corrupt':
      view = <PlanProblem message={breakout.message} canStartNew />;
      break;
    case 'future':
      view = <PlanProblem message={breakout.message} canStartNew={false} />;
      break;
    case 'facilitator':
      view = (
        <FacilitatorView
          me={breakout.me}
          phase={breakout.phase}
          onlineUsers={onlineUsers}
          onlineIds={onlineIds}
          selectedFrames={selectedFrames}
        />
      );
      break;
    case 'participant':
      view = (
        <Suspense fallback={loading}>
          <ObserverView
            me={breakout.me}
            facilitatorName={breakout.facilitator.name}
            readOnly={breakout.readOnly}
            onlineIds={onlineIds}
          />
        </Suspense>
      );
      break;
  }

  return (
    <>
      <CommandAlerts />
      {damage !== null && (
        <p role="alert" className="alert alert-problem">
          {damage}
        </p>
      )}
      {view}
      <WhoIsHere
        myName={
          breakout.role === 'loading' || breakout.role === 'unknown-user' ? null : breakout.me.name
        }
        online={online}
        selectedFrames={selectedFrames}
        selectionReady={selection.status === 'ready'}
      />
    </>
  );
}
