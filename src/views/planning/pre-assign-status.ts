import type { Plan } from '../../domain/plan';
import { nameKey } from '../../domain/planning/name-key';
import type { OnlineUserInfo } from '../../sdk/surface';

export type PreAssignRowStatus = {
  name: string;
  roomName: string;
  state: 'placed' | 'waiting' | 'ambiguous' | 'elsewhere';
};

/** Where each imported row stands now, from the plan and who is online. */
export function preAssignStatus(
  plan: Plan,
  onlineUsers: readonly OnlineUserInfo[],
): PreAssignRowStatus[] {
  const online = new Map<string, number>();
  for (const user of onlineUsers) {
    const key = nameKey(user.name);
    online.set(key, (online.get(key) ?? 0) + 1);
  }
  const roomName = new Map(plan.rooms.map((room) => [room.id, room.name]));
  return plan.preAssignments.map((row) => {
    const key = nameKey(row.name);
    const inPlan = plan.people.find(
      (person) => person.roomId !== null && nameKey(person.name) === key,
    );
    const count = online.get(key) ?? 0;
    const state: PreAssignRowStatus['state'] =
      count > 1
        ? 'ambiguous'
        : inPlan
          ? inPlan.roomId === row.roomId
            ? 'placed'
            : 'elsewhere'
          : 'waiting';
    return { name: row.name, roomName: roomName.get(row.roomId) ?? 'a removed room', state };
  });
}

export const PRE_ASSIGN_STATE_TEXT: Record<PreAssignRowStatus['state'], string> = {
  placed: 'placed',
  waiting: 'not online yet: placed when they arrive',
  ambiguous: 'several people online have this name: place them by hand',
  elsewhere: 'placed in another room by hand',
};
