import { memo, useCallback, useId, useState } from 'react';
import { closureOf, isRoomLocked } from '../../domain/facilitation';
import type { Person, Plan, Room, RoomClosure } from '../../domain/plan';
import { nameKey } from '../../domain/planning/name-key';
import { worthInvitingAgain } from '../../domain/reinvite';
import { personView } from '../../domain/selectors';
import { sameItems, usePlanValue } from '../../hooks/plan-store';
import { clockTime } from '../shared/format-time';
import type { RoomOption } from '../shared/room-options';
import { InviteRoomAgain } from './InviteRoomAgain';
import { PersonStatusRow } from './PersonStatusRow';
import { RoomActions } from './RoomActions';
import { QuietTag, RoomActivity } from './RoomActivity';

type Props = {
  roomId: string;
  rooms: readonly RoomOption[];
  onlineIds: ReadonlySet<string>;
  /** Only people whose name holds this show (and the room only if someone does); '' for all. */
  query: string;
  /** Whether invitations had their time to be answered (useAnswerWindowOver). */
  answerWindowOver: boolean | null;
};

type Slice = { room: Room | null; people: Person[]; closure: RoomClosure | null; locked: boolean };

// Person objects keep their identity until they change, so comparing them one by one tells
// whether anything in this room changed.
const sameSlice = (a: Slice, b: Slice) =>
  a.room === b.room &&
  a.closure === b.closure &&
  a.locked === b.locked &&
  sameItems(a.people, b.people);

/**
 * One room while it runs: its name (and "quiet" beside it), "3 of 4 joined" with a bar, its
 * activity and "Invite 2 again" (only once that means something) on one line, its actions in one row of icon buttons, and its people as one-line rows
 * with a status tag. It can be folded to its header.
 * A plain component: a join re-renders this card and that person's row, nothing else in it.
 */
export const RoomCard = memo(function RoomCard({
  roomId,
  rooms,
  onlineIds,
  query,
  answerWindowOver,
}: Props) {
  const headingId = useId();
  const listId = useId();
  const [collapsed, setCollapsed] = useState(false);
  const select = useCallback(
    (plan: Plan | null): Slice => ({
      room: plan?.rooms.find((room) => room.id === roomId) ?? null,
      people: plan?.people.filter((person) => person.roomId === roomId) ?? [],
      closure: plan ? closureOf(plan, roomId) : null,
      locked: plan ? isRoomLocked(plan, roomId) : false,
    }),
    [roomId],
  );
  const { room, people, closure, locked } = usePlanValue(select, sameSlice);
  const toggle = useCallback(() => setCollapsed((was) => !was), []);
  if (!room) return null;
  const closed = closure !== null;
  const views = people.map((person) => personView(person, onlineIds, closed));
  const needle = nameKey(query);
  const shown = needle === '' ? views : views.filter((view) => nameKey(view.name).includes(needle));
  if (needle !== '' && shown.length === 0) return null;
  const joined = views.filter((view) => view.display === 'joined').length;
  const toInvite = closed
    ? []
    : views.filter((view) => worthInvitingAgain(view.display, answerWindowOver));
  const open = !collapsed || needle !== '';
  const share = views.length === 0 ? 0 : joined / views.length;
  return (
    <section
      aria-labelledby={headingId}
      className={closed ? 'card room-card room-closed' : 'card room-card'}
    >
      <div className="room-head">
        <h2 className="room-title">
          <button
            id={headingId}
            type="button"
            className="room-toggle"
            aria-expanded={open}
            aria-controls={listId}
            title={open ? `Fold ${room.name}` : `Show the people of ${room.name}`}
            onClick={toggle}
          >
            <span
              className={`icon icon-${open ? 'arrow-down' : 'arrow-right'}`}
              aria-hidden="true"
            />
            <span className="room-name">{room.name}</span>
          </button>
          {!closed && <QuietTag roomId={room.id} />}
        </h2>
        <RoomActions roomId={room.id} name={room.name} locked={locked} closed={closed} />
      </div>
      <div className="room-progress">
        <span className="progress" aria-hidden="true">
          <span className="progress-done" style={{ width: `${Math.round(share * 100)}%` }} />
        </span>
        {closed ? (
          <span className="p-small status-text">{people.length} back in the main area</span>
        ) : (
          <span className="p-small status-text figure">
            {joined} of {people.length} joined
          </span>
        )}
        {!closed && <RoomActivity roomId={room.id} />}
        {toInvite.length > 0 && (
          <InviteRoomAgain roomName={room.name} ids={toInvite.map((view) => view.id).join('\n')} />
        )}
      </div>
      {(closure || locked || room.frameMissing) && (
        <p className="room-notes p-small">
          {closure && <span>Closed at {clockTime(closure.at)}.</span>}
          {locked && !closure && <span>Locked: nobody new is let in.</span>}
          {room.frameMissing && (
            <span className="warning">Its frame was deleted from the board.</span>
          )}
        </p>
      )}
      {shown.length > 0 && (
        <ul
          id={listId}
          hidden={!open}
          className="plain-list person-list"
          aria-labelledby={headingId}
        >
          {open &&
            shown.map((view) => (
              <PersonStatusRow
                key={view.id}
                id={view.id}
                name={view.name}
                roomId={view.roomId}
                display={view.display}
                canInviteAgain={!closed && worthInvitingAgain(view.display, answerWindowOver)}
                rooms={rooms}
              />
            ))}
        </ul>
      )}
    </section>
  );
});
