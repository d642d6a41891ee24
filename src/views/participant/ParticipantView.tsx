import { useCallback, useEffect, useMemo, useState } from 'react';
import { isHelpOnTheWay, isRoomClosed } from '../../domain/facilitation';
import { HELP_ASKED, helpAlreadyAsked, helpWait } from '../../domain/help';
import type { PersonRef, PersonStatus } from '../../domain/plan';
import { roomOf } from '../../domain/selectors';
import { usePlan } from '../../hooks/plan-store';
import { type ActionOutcome, useParticipantActions } from '../../hooks/use-participant-actions';
import { clockTime } from '../shared/format-time';
import { CAN_ASK_TO_REJOIN } from '../shared/status-text';
import { TimeLeft } from '../shared/TimeLeft';
import { ReportBackStatus } from './ReportBackStatus';
import { RoomChoice } from './RoomChoice';
import { Roommates } from './Roommates';

type Props = { me: PersonRef; facilitatorName: string; onlineIds: ReadonlySet<string> };

type Feedback = {
  kind: 'done' | 'failed';
  text: string;
  about: 'help' | 'other';
  /** The same request once more, after a failure. */
  retry?: () => void;
} | null;

const OWN_STATUS: Readonly<Record<PersonStatus, string>> = {
  joined: 'You are in your room.',
  assigned: 'You are invited: choose Join in the invitation on the board.',
  invited: 'You are invited: choose Join in the invitation on the board.',
  declined: 'You declined the invitation.',
  dismissed: 'You closed the invitation without answering.',
  'timed-out': 'The invitation ran out before you answered.',
  left: 'You left your room.',
};

/**
 * A participant's own breakout, their room first: its name, the time left, who is in it, and
 * what they can do themselves. Before the start, who facilitates (and the room choice when it is
 * open); after the end, that they are back.
 */
export function ParticipantView({ me, facilitatorName, onlineIds }: Props) {
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

  const askedForHelp = plan?.helpRequests.some((request) => request.personId === me.id) ?? false;

  const act = useCallback(async function send(
    action: () => Promise<ActionOutcome>,
    done: string,
    about: 'help' | 'other' = 'other',
  ): Promise<void> {
    setPending(true);
    const failure = await action();
    setPending(false);
    setFeedback(
      failure === null
        ? { kind: 'done', text: done, about }
        : { kind: 'failed', text: failure, about, retry: () => void send(action, done, about) },
    );
  }, []);
  // Once the request is in the plan, the plan says how it stands (told, on the way, or done and
  // gone): the click's own confirmation would otherwise outlive the request.
  useEffect(() => {
    if (askedForHelp) setFeedback((shown) => (shown?.about === 'help' ? null : shown));
  }, [askedForHelp]);
  const askForHelp = useCallback(
    async function ask(): Promise<void> {
      setPending(true);
      const outcome = await actions.askForHelp();
      setPending(false);
      const text =
        outcome.kind === 'asked'
          ? HELP_ASKED
          : outcome.kind === 'already'
            ? helpAlreadyAsked(clockTime(outcome.at))
            : outcome.kind === 'wait'
              ? helpWait(outcome.seconds)
              : outcome.text;
      const kind = outcome.kind === 'asked' || outcome.kind === 'already' ? 'done' : 'failed';
      // Only a request that could not be sent is worth sending again; a "wait" would be refused.
      const retry = outcome.kind === 'failed' ? () => void ask() : undefined;
      setFeedback({ kind, text, about: 'help', retry });
    },
    [actions.askForHelp],
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

  if (phase === 'ended' || phase === 'ending') {
    return (
      <section aria-label="Your breakout" className="hero">
        <p className="h4">The breakout has ended.</p>
        <p className="p-medium">
          {phase === 'ending'
            ? 'Everyone is being brought back to the main area.'
            : 'You are back in the main area.'}
        </p>
        {room && <p className="p-small status-text">You were in {room.name}.</p>}
        <ReportBackStatus plan={plan} />
      </section>
    );
  }
  if (phase === 'planning' || phase === 'starting') {
    const choosing = phase === 'planning' && plan.selfSelect !== null;
    return (
      <>
        {choosing && <RoomChoice plan={plan} me={me} />}
        <section aria-label="Your breakout" className="hero">
          <p className="h4">Waiting for {facilitatorName} to start the breakout.</p>
          <p className="p-medium">
            When the rooms open, an invitation to yours appears on the board: choose Join.
          </p>
          {room ? (
            <>
              <h2 className="hero-room">
                <span className="hero-label">Your room:</span> {room.name}
              </h2>
              <Roommates
                people={others}
                onlineIds={onlineIds}
                withStatus={false}
                label="Also in this room"
              />
            </>
          ) : (
            !choosing && (
              <p className="p-small status-text">
                You are not in a room yet: the facilitator places you.
              </p>
            )
          )}
        </section>
      </>
    );
  }

  if (!person || !room) {
    return (
      <section aria-label="Your breakout" className="hero">
        <p className="h4">The breakout is running. You are not in a room yet.</p>
        <p className="p-medium">{facilitatorName} can add you to one.</p>
      </section>
    );
  }

  const status = person.status;
  const canRejoin = CAN_ASK_TO_REJOIN.has(status);
  const closed = isRoomClosed(plan, room.id);
  return (
    <section aria-label="Your breakout" className="hero">
      <h2 className="hero-room">
        <span className="hero-label">Your room:</span> {room.name}
      </h2>
      <p className={canRejoin ? 'p-medium warning' : 'p-medium'}>
        {closed ? 'Your room was closed: you are back in the main area.' : OWN_STATUS[status]}
      </p>
      <TimeLeft large />
      <Roommates
        people={others}
        onlineIds={onlineIds}
        withStatus
        roomClosed={closed}
        label="Also in this room"
      />
      {feedback?.kind === 'done' && (
        <p role="status" className="p-medium">
          {feedback.text}
        </p>
      )}
      {feedback?.kind === 'failed' && (
        <div role="alert" className="alert alert-error">
          <p className="p-medium">{feedback.text}</p>
          {feedback.retry && (
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={pending}
              onClick={feedback.retry}
            >
              Try again
            </button>
          )}
        </div>
      )}
      {askedForHelp &&
        (isHelpOnTheWay(plan, me.id) ? (
          <p role="status" className="p-medium">
            The facilitator is on the way.
          </p>
        ) : (
          <p className="p-medium">You asked for help. The facilitator has been told.</p>
        ))}
      <div className="button-row">
        {canRejoin && !closed && (
          <button
            type="button"
            className="button button-primary button-small"
            disabled={pending}
            onClick={askToRejoin}
          >
            Ask to rejoin
          </button>
        )}
        {!canRejoin && !closed && (
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={pending}
            onClick={takeMeBack}
          >
            Take me back to my room
          </button>
        )}
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={pending}
          onClick={askForHelp}
        >
          Ask for help
        </button>
      </div>
    </section>
  );
}
