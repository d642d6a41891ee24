import { ScreenHeader } from '../shared/Screen';
import { EndSummary } from './EndSummary';
import { ReportBackPanel } from './ReportBackPanel';

/** The facilitator's panel once the breakout has ended: who was where, then the report-back. */
export function AfterTheBreakout() {
  return (
    <>
      <ScreenHeader title="Breakout ended" />
      <div className="panel-body">
        <EndSummary />
        <ReportBackPanel />
      </div>
    </>
  );
}
