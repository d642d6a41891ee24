import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { isHelpOnTheWay } from '../../domain/facilitation';
import type { PersonRef } from '../../domain/plan';
import { roomOf } from '../../domain/selectors';
import { usePlan } from '../../hooks/plan-store';
import { type ActionOutcome, useParticipantActions } from '../../hooks/use-participant-actions';
import { CAN_ASK_TO_REJOIN, STATUS_TEXT } from '../shared/status-text';
import { TimeLeft } from '../shared/TimeLeft';
import { ReportBackStatus } from './ReportBackStatus';
import { RoomChoice } from './RoomChoice';

type Props = { me: PersonRef };

type Feedback = { kind: 'done' | 'failed'; text: string; about: 'help' | 'other' } | null;

/** What a participant sees of the breakout, and what they can do themselves. */
export function ParticipantView({ me }: Props) {
  const plan = usePlan();
  const person = plan?.people.find((candidate) => candidate.id === me.id) ?? null;
  const room = plan ? roomOf(plan, me.id) : null;
  const others = useMemo(
    () => (plan && room ? plan.people.filter((p) => p.roomId === room.id && p.id !== me.id) : []),
    [plan, room, me.id],
  );
  const actions = useParticipantActions(plan?.runId ?? '', me);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [pending, setPending] = useState(false);
  const roommatesId = useId();

  const askedForHelp = plan?.helpRequests.some((request) => request.personId === me.id) ?? false;

  const act = useCallback(
    async (
      action: () => Promise<ActionOutcome>,
      done: string,
      about: 'help' | 'other' = 'other',
    ) => {
      setPending(true);
      const failure = await action();
      setPending(false);
      setFeedback(
        failure === null
          ? { kind: 'done', text: done, about }
          : { kind: 'failed', text: failure, about },
      );
    },
    [],
  );
  // Once the request is in the plan, the plan says how it stands (told, on the way, or done and
  // gone): the click's own confirmation would otherwise outlive the request.
  useEffect(() => {
    if (askedForHelp) setFeedback((shown) => (shown?.about === 'help' ? null : shown));
  }, [askedForHelp]);
  const askForHelp = useCallback(
    () => act(actions.askForHelp, 'The facilitator has been asked to come and help.', 'help'),
    [act, actions.askForHelp],
  );
  const askToRejoin = useCallback(
    () => act(actions.askToRejoin, 'Asked. Watch for a new invitation on the board.'),
    [act, actions.askToRejoin],
  );
  const takeMeBack = useCallback(
    () => act(actions.takeMeToMyRoom, 'You are back at your room.'),
    [act, actions.takeMeToMyRoom],
  );

  if (!plan) return null;
  const phase = plan.phase;
  const feedbackLine = feedback && (
    <p role={feedback.kind === 'failed' ? 'alert' : 'status'}>{feedback.text}</p>
  );

  if (phase === 'ended' || phase === 'ending') {
    return (
      <section aria-label="Your breakout" className="section">
        <p className="h4">The breakout has ended.</p>
        <p>You are back in the main area.</p>
        <ReportBackStatus plan={plan} />
      </section>
    );
  }
  if (phase === 'planning' || phase === 'starting') {
    return (
      <section aria-label="Your breakout" className="section">
        <p className="h4">Waiting for the facilitator to start the breakout.</p>
        {room && <p>You will be in {room.name}.</p>}
        {phase === 'planning' && <RoomChoice plan={plan} me={me} />}
      </section>
    );
  }

  if (!person || !room) {
    return (
      <section aria-label="Your breakout" className="section">
        <p className="h4">The breakout is running. You are not in a room yet.</p>
        <p>The facilitator can add you to one.</p>
      </section>
    );
  }

  const status = person.status;
  const canRejoin = status !== undefined && CAN_ASK_TO_REJOIN.has(status);
  return (
    <section aria-label="Your breakout" className="section">
      <h2 className="h4">Your room: {room.name}</h2>
      <p className="status-text">
        {status === 'joined'
          ? 'You are in your room.'
          : status === 'invited' || status === 'assigned'
            ? 'You are invited: choose Join in the invitation on the board.'
            : STATUS_TEXT[status]}
      </p>
      <TimeLeft />
      <h3 className="h4" id={roommatesId}>
        Also in this room
      </h3>
      {others.length === 0 ? (
        <p>Nobody else.</p>
      ) : (
        <ul aria-labelledby={roommatesId} className="plain-list">
          {others.map((other) => (
            <li key={other.id}>
              {other.name}
              {other.status !== 'joined' && (
                <span className="status-text"> · {STATUS_TEXT[other.status]}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {feedbackLine}
      {askedForHelp &&
        (isHelpOnTheWay(plan, me.id) ? (
          <p role="status">The facilitator is on the way.</p>
        ) : (
          <p>You asked for help. The facilitator has been told.</p>
        ))}
      <div className="button-row">
        {canRejoin ? (
          <button
            type="button"
            className="button button-primary"
            disabled={pending}
            onClick={askToRejoin}
          >
            Ask to rejoin
          </button>
        ) : (
          <button
            type="button"
            className="button button-secondary"
            disabled={pending}
            onClick={takeMeBack}
          >
            Take me back to my room
          </button>
        )}
        <button
          type="button"
          className="button button-secondary"
          disabled={pending}
          onClick={askForHelp}
        >
          Ask the facilitator for help
        </button>
      </div>
    </section>
  );
}
