import { memo, Suspense, useMemo, useState } from 'react';
import type { Plan } from '../../domain/plan';
import type { OnlineUserInfo } from '../../sdk/surface';
import type { RoomOption } from '../shared/room-options';
import { type Tab, Tabs } from '../shared/Tabs';
import { IncludeMeField } from './IncludeMeField';
import { PreAssignTool, SelfSelectTool } from './lazy-tools';
import { PeopleList } from './PeopleList';
import type { PlaceablePerson } from './people-to-place';
import { SplitControls } from './SplitControls';

type Props = {
  plan: Plan;
  meId: string;
  people: readonly PlaceablePerson[];
  rooms: readonly RoomOption[];
  onlineUsers: readonly OnlineUserInfo[];
};

type Way = 'random' | 'hand' | 'choose' | 'list';

/** The way already in use when the screen opens: choice open, a list imported, or random. */
const wayInUse = (plan: Plan): Way =>
  plan.selfSelect !== null ? 'choose' : plan.preAssignments.length > 0 ? 'list' : 'random';

const tools = (content: React.ReactNode) => (
  <Suspense fallback={<p role="status">Loading the tools…</p>}>{content}</Suspense>
);

/** Step 2: who goes where. At random is the main path; the other ways sit behind tabs. */
export const PeopleStep = memo(function PeopleStep({
  plan,
  meId,
  people,
  rooms,
  onlineUsers,
}: Props) {
  const [way, setWay] = useState<Way>(() => wayInUse(plan));
  const placed = people.filter((person) => person.roomId !== null).length;
  const roomIds = useMemo(() => rooms.map((room) => room.id), [rooms]);
  const tabs = useMemo<Tab<Way>[]>(
    () => [
      {
        id: 'random',
        label: 'At random',
        panel: () => (
          <SplitControls
            people={people}
            roomIds={roomIds}
            anyAssigned={plan.people.some((person) => person.roomId !== null)}
          />
        ),
      },
      { id: 'hand', label: 'By hand', panel: () => <PeopleList people={people} rooms={rooms} /> },
      {
        id: 'choose',
        label: 'They choose',
        panel: () => tools(<SelfSelectTool meId={meId} onlineUsers={onlineUsers} />),
      },
      {
        id: 'list',
        label: 'From a list',
        panel: () => tools(<PreAssignTool onlineUsers={onlineUsers} />),
      },
    ],
    [people, roomIds, rooms, plan.people, meId, onlineUsers],
  );
  return (
    <section aria-labelledby="people-heading" className="step">
      <div className="step-head">
        <h2 className="step-title" id="people-heading">
          <span className="step-number" aria-hidden="true">
            2
          </span>
          People
        </h2>
        <p className="p-small status-text figure">
          {people.length === 0
            ? 'Nobody else is on the board yet'
            : `${placed} of ${people.length} placed`}
        </p>
      </div>
      <Tabs label="Ways to place people" tabs={tabs} active={way} onChange={setWay} />
      <IncludeMeField include={plan.includeFacilitator} />
    </section>
  );
});
