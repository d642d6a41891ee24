import { memo, useCallback, useState } from 'react';
import type { PersonRef, Plan } from '../../domain/plan';
import { useRoomChoice } from '../../hooks/use-room-choice';

type Props = { plan: Plan; me: PersonRef };

/**
 * A participant picks their room while the facilitator has rooms open for choice, and may change
 * their mind until the start. Full rooms are shown as full and cannot be picked.
 */
export const RoomChoice = memo(function RoomChoice({ plan, me }: Props) {
  const choose = useRoomChoice(plan.runId, me);
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null | undefined>(undefined);
  const capacity = plan.selfSelect?.capacity ?? null;
  const mine = plan.people.find((person) => person.id === me.id)?.roomId ?? null;
  const pick = useCallback(
    async (roomId: string | null) => {
      setSent(roomId);
      setProblem(await choose(roomId));
    },
    [choose],
  );
  if (plan.selfSelect === null) return null;
  const taken = (roomId: string) => plan.people.filter((p) => p.roomId === roomId).length;
  const waiting = sent !== undefined && sent !== mine;
  return (
    <section aria-labelledby="choose-heading" className="section">
      <h2 className="h4" id="choose-heading">
        Choose your room
      </h2>
      <ul aria-label="Rooms to choose from" className="plain-list choice-list">
        {plan.rooms.map((room) => {
          const count = taken(room.id);
          const full = capacity !== null && count >= capacity && mine !== room.id;
          const places =
            capacity === null ? `${count} in it` : `${count} of ${capacity} places taken`;
          return (
            <li key={room.id} className="choice-row">
              <span className="choice-text">
                <span className="choice-name" title={room.name}>
                  {room.name}
                </span>
                <span className="p-small choice-places">
                  {places}
                  {mine === room.id ? ' · your choice' : ''}
                  {full ? ' · full' : ''}
                </span>
              </span>
              {/* The visible word is short; the name says which room, for screen readers too. */}
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={full || mine === room.id}
                aria-label={full ? `${room.name} is full` : `Choose ${room.name}`}
                onClick={() => void pick(room.id)}
              >
                {full ? 'Full' : mine === room.id ? 'Chosen' : 'Choose'}
              </button>
            </li>
          );
        })}
      </ul>
      {mine !== null && (
        <button type="button" className="button button-tertiary" onClick={() => void pick(null)}>
          Leave my choice
        </button>
      )}
      {waiting && problem === null && <p role="status">Sending your choice…</p>}
      {problem && <p role="alert">{problem}</p>}
    </section>
  );
});
