import { memo } from 'react';
import type { Plan } from '../../domain/plan';
import { reportBackView } from '../shared/report-back-view';

type Props = { plan: Plan };

/** For participants: which room is reporting now (their view follows the facilitator's). */
export const ReportBackStatus = memo(function ReportBackStatus({ plan }: Props) {
  const { summaries, index } = reportBackView(plan);
  if (index === null || index < 0 || index >= summaries.length) return null;
  return (
    <p role="status">
      Report-back: {summaries[index]?.roomName} ({index + 1} of {summaries.length})
    </p>
  );
});
