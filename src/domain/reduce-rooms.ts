/** How rooms and the main area follow the facilitator's choices and the frames on the board. */

import type { ActionOf, FrameInfo } from './actions';
import { cleanRect } from './geometry';
import { isValidId, MAX_ROOMS } from './limits';
import type { MainArea, Plan, Rect, Room } from './plan';
import { cleanName } from './text';
import { filterSame, mapSame, patch, sameRect } from './unchanged';

/** Stable across reloads and clients: adding the same frame twice can never make two rooms. */
export function roomIdForFrame(frameId: string): string {
  return `r:${frameId}`;
}

const rectOf = (frame: FrameInfo): Rect =>
  cleanRect({ x: frame.x, y: frame.y, width: frame.width, height: frame.height });

const keepRect = (current: Rect, next: Rect) => (sameRect(current, next) ? current : next);

function unusedRoomName(taken: ReadonlySet<string>, from: number): string {
  let number = from;
  while (taken.has(`Room ${number}`)) number++;
  return `Room ${number}`;
}

export function roomsAdded(plan: Plan, { frames }: ActionOf<'roomsAdded'>): Plan {
  const usedFrames = new Set(plan.rooms.map((room) => room.frameId));
  const usedIds = new Set(plan.rooms.map((room) => room.id));
  const names = new Set(plan.rooms.map((room) => room.name));
  const added: Room[] = [];
  for (const frame of frames) {
    if (plan.rooms.length + added.length >= MAX_ROOMS) break;
    const id = roomIdForFrame(frame.id);
    if (!isValidId(id) || usedFrames.has(frame.id) || usedIds.has(id)) continue;
    usedFrames.add(frame.id);
    usedIds.add(id);
    const name =
      cleanName(frame.title, '') || unusedRoomName(names, plan.rooms.length + added.length + 1);
    names.add(name);
    added.push({
      id,
      frameId: frame.id,
      name,
      nameEdited: false,
      frame: rectOf(frame),
      frameMissing: false,
      sessionId: null,
    });
  }
  return added.length === 0 ? plan : { ...plan, rooms: [...plan.rooms, ...added] };
}

export function roomRenamed(plan: Plan, { roomId, name }: ActionOf<'roomRenamed'>): Plan {
  const cleaned = cleanName(name, '');
  // An empty name would leave people nothing to recognise the room by.
  if (cleaned === '') return plan;
  return patch(plan, {
    rooms: mapSame(plan.rooms, (room) =>
      room.id === roomId ? patch(room, { name: cleaned, nameEdited: true }) : room,
    ),
  });
}

export function roomRemoved(plan: Plan, { roomId }: ActionOf<'roomRemoved'>): Plan {
  const rooms = filterSame(plan.rooms, (room) => room.id !== roomId);
  if (rooms === plan.rooms) return plan;
  return {
    ...plan,
    rooms,
    // In planning the people list holds exactly the assigned people (see reduce-people.ts).
    people: filterSame(plan.people, (person) => person.roomId !== roomId),
    helpRequests: mapSame(plan.helpRequests, (request) =>
      request.roomId === roomId ? { ...request, roomId: null } : request,
    ),
    // A pasted list's rows for the room go with it: a row naming no room is not a valid plan.
    preAssignments: filterSame(plan.preAssignments, (row) => row.roomId !== roomId),
  };
}

export function framesSeen(plan: Plan, { frames }: ActionOf<'framesSeen'>): Plan {
  const byId = new Map(frames.map((frame) => [frame.id, frame]));
  const rooms = mapSame(plan.rooms, (room) => {
    const frame = byId.get(room.frameId);
    if (frame === undefined) return room;
    const title = cleanName(frame.title, '');
    return patch(room, {
      name: room.nameEdited || title === '' ? room.name : title,
      frame: keepRect(room.frame, rectOf(frame)),
      // Seen again (undo, or a listing that raced a delete): the room can be used again.
      frameMissing: false,
    });
  });
  const mainArea = plan.mainArea;
  const mainFrame = mainArea?.kind === 'frame' ? byId.get(mainArea.frameId) : undefined;
  const nextMainArea =
    mainArea?.kind === 'frame' && mainFrame !== undefined
      ? patch(mainArea, { frame: keepRect(mainArea.frame, rectOf(mainFrame)) })
      : mainArea;
  return patch(plan, { rooms, mainArea: nextMainArea });
}

export function frameDeleted(plan: Plan, { frameId }: ActionOf<'frameDeleted'>): Plan {
  const rooms = mapSame(plan.rooms, (room) =>
    room.frameId === frameId ? patch(room, { frameMissing: true }) : room,
  );
  const mainArea = plan.mainArea;
  // The last known rect is still a good place to bring everyone back to.
  const nextMainArea: MainArea | null =
    mainArea?.kind === 'frame' && mainArea.frameId === frameId
      ? { kind: 'viewport', rect: mainArea.frame }
      : mainArea;
  return patch(plan, { rooms, mainArea: nextMainArea });
}

function cleanMainArea(mainArea: MainArea | null): MainArea | null | undefined {
  if (mainArea === null) return null;
  if (mainArea.kind === 'viewport') return { kind: 'viewport', rect: cleanRect(mainArea.rect) };
  if (!isValidId(mainArea.frameId)) return undefined;
  return { kind: 'frame', frameId: mainArea.frameId, frame: cleanRect(mainArea.frame) };
}

function sameMainArea(a: MainArea | null, b: MainArea | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === 'viewport' && b.kind === 'viewport') return sameRect(a.rect, b.rect);
  if (a.kind === 'frame' && b.kind === 'frame') {
    return a.frameId === b.frameId && sameRect(a.frame, b.frame);
  }
  return false;
}

export function mainAreaChosen(plan: Plan, { mainArea }: ActionOf<'mainAreaChosen'>): Plan {
  const cleaned = cleanMainArea(mainArea);
  if (cleaned === undefined || sameMainArea(plan.mainArea, cleaned)) return plan;
  return { ...plan, mainArea: cleaned };
}
