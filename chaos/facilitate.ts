/**
 * The facilitator's actions while rooms run, drawn from the run's seed and fired at random moments
 * under the same faults as everything else: announcements, the closing warning, more time, pause
 * and resume, locking, closing a room, moving a person, "on the way" and "bring room here".
 *
 * Each action draws from its own stream (`seed/facilitation/i`), so adding or removing one never
 * changes what the others do; and none of it draws from the scenario's stream, so seeds measured
 * before facilitation existed keep their faults and timings.
 */
import { isRoomClosed, isRoomLocked, MAX_ANNOUNCEMENT_LENGTH } from '../src/domain/facilitation';
import type { Plan, Room } from '../src/domain/plan';
import { createRandom, type Random, randomIndex } from '../src/domain/random';
import { answerInvitation } from './people';
import type { Stage } from './stage';

const ACTIONS = [
  'announce',
  'warning',
  'extend',
  'pause',
  'lock',
  'close',
  'move',
  'onTheWay',
  'bring',
] as const;

type Action = (typeof ACTIONS)[number];

const pick = <T>(random: Random, values: readonly T[]): T | undefined =>
  values.length === 0 ? undefined : values[randomIndex(random, values.length)];

const WORDS = ['room', 'sticky', 'vote', 'idea', 'wrap', 'up', 'share', 'frame', 'timer', 'group'];

/** Text a facilitator might type, including markup, RTL text, emoji and too-long messages. */
function announcementText(random: Random, index: number): string {
  const words = (count: number) =>
    Array.from({ length: count }, () => pick(random, WORDS) as string).join(' ');
  switch (randomIndex(random, 5)) {
    case 0:
      return `Note ${index}: ${words(6)}`;
    case 1:
      return `Note ${index}: <script>alert(1)</script> & <b>${words(3)}</b>`;
    case 2:
      return `Note ${index}: مرحبا بالجميع 🎉👩🏽‍💻 ${words(4)}`;
    case 3:
      // Several notifications' worth, cut into parts by each participant's app.
      return `Note ${index}: ${words(40)}`;
    default:
      // Longer than an announcement may be: refused with a message.
      return `Note ${index}: ${'x'.repeat(MAX_ANNOUNCEMENT_LENGTH + 20)}`;
  }
}

/** Schedules `count` actions inside the first `windowMs` of the run. */
export function scheduleFacilitation(s: Stage, count: number, windowMs: number): void {
  const schedule = createRandom(`${s.seed}/facilitation`);
  for (let index = 0; index < count; index += 1) {
    const action = pick(schedule, ACTIONS) as Action;
    const at = randomIndex(schedule, windowMs);
    s.later(at, () => act(s, action, index, createRandom(`${s.seed}/facilitation/${index}`)));
  }
}

const openRooms = (plan: Plan): Room[] =>
  plan.rooms.filter((room) => room.sessionId !== null && !isRoomClosed(plan, room.id));

async function act(s: Stage, action: Action, index: number, random: Random): Promise<void> {
  const plan = s.plan();
  if (plan?.phase !== 'running') return;
  const me = () => s.acting;
  switch (action) {
    case 'announce': {
      const text = announcementText(random, index);
      const result = await s.command(me(), { type: 'announce', text });
      if (result.ok && text.length > MAX_ANNOUNCEMENT_LENGTH + 10)
        s.violate(`an announcement of ${text.length} characters was accepted`);
      return;
    }
    case 'warning': {
      const valid = random() < 0.8;
      const warningMs = valid ? (30 + randomIndex(random, 91)) * 1_000 : 10_000;
      const result = await s.command(me(), { type: 'setClosingWarning', warningMs });
      if (result.ok && !valid) s.violate(`a closing warning of ${warningMs} ms was accepted`);
      return;
    }
    case 'extend':
      await s.command(me(), { type: 'extendTime', minutes: random() < 0.5 ? 1 : 5 });
      return;
    case 'pause': {
      await s.command(me(), { type: 'pauseTime' });
      s.later(5_000 + randomIndex(random, 20_000), () => s.command(me(), { type: 'resumeTime' }));
      return;
    }
    case 'lock': {
      const room = pick(random, openRooms(plan));
      if (!room) return;
      await s.command(me(), { type: 'lockRoom', roomId: room.id, locked: true });
      if (random() < 0.5) {
        s.later(10_000 + randomIndex(random, 30_000), () =>
          s.command(me(), { type: 'lockRoom', roomId: room.id, locked: false }),
        );
      }
      return;
    }
    case 'close': {
      // One room always stays open: a breakout with every room closed is an end by another name.
      const rooms = openRooms(plan);
      if (rooms.length < 2) return;
      const room = pick(random, rooms) as Room;
      await s.command(me(), { type: 'closeRoom', roomId: room.id });
      return;
    }
    case 'move':
      return move(s, plan, random);
    case 'onTheWay': {
      const personId =
        pick(random, plan.helpRequests)?.personId ?? pick(random, s.participants)?.user.id;
      if (personId) await s.command(me(), { type: 'helpOnTheWay', personId });
      return;
    }
    case 'bring': {
      const room = pick(random, openRooms(plan));
      if (!room) return;
      const itemIds = [random() < 0.5 ? s.main.id : room.frameId];
      await s.command(me(), { type: 'bringRoomTo', roomId: room.id, itemIds });
      return;
    }
  }
}

/** Someone in a room goes to another open room, and accepts the new invitation when it comes. */
async function move(s: Stage, plan: Plan, random: Random): Promise<void> {
  const placed = s.participants.filter((member) =>
    plan.people.some(
      (person) =>
        person.id === member.user.id && person.roomId !== null && member.user.online === true,
    ),
  );
  const member = pick(random, placed);
  if (!member) return;
  const from = plan.people.find((person) => person.id === member.user.id)?.roomId;
  const target = pick(
    random,
    openRooms(plan).filter((room) => room.id !== from),
  );
  if (!target) return;
  const locked = isRoomLocked(plan, target.id);
  const result = await s.command(s.acting, {
    type: 'movePerson',
    person: { id: member.user.id, name: member.user.name },
    roomId: target.id,
  });
  if (result.ok && locked) {
    const now = s.plan();
    if (now && isRoomLocked(now, target.id))
      s.violate(`${member.user.name} was moved into the locked room "${target.name}"`);
  }
  if (result.ok)
    s.later(randomIndex(random, 20_000), () => answerInvitation(s, member, 'accepted', 0));
}
