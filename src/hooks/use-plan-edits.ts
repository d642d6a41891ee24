import { useMemo } from 'react';
import type { CommandResult } from '../controller/commands';
import type { FrameInfo, PlanAction } from '../domain/actions';
import type { MainArea, PersonRef, PreAssignment, Rotation } from '../domain/plan';
import { groupsOf, type HistoryEntry } from '../domain/planning/history';
import { createRandom } from '../domain/random';
import { assignBalanced } from '../domain/split';
import type { FrameRef } from '../sdk/surface';
import { useRunCommand } from './use-commands';

/** A fresh seed per draw: every split is a new one, yet replayable from the seed if logged. */
export const newSeed = () => Math.floor(Math.random() * 2 ** 32);

const frameInfo = ({ id, title, x, y, width, height }: FrameRef): FrameInfo => ({
  id,
  title,
  x,
  y,
  width,
  height,
});

/** Everything the facilitator changes while planning, named for what they do. */
export type PlanEdits = {
  addRooms(frames: readonly FrameRef[]): Promise<CommandResult>;
  renameRoom(roomId: string, name: string): Promise<CommandResult>;
  removeRoom(roomId: string): Promise<CommandResult>;
  /** Keeps rooms in step with their frames on the board (titles, positions, deletions). */
  framesSeen(frames: readonly FrameRef[]): Promise<CommandResult>;
  /** Null: where the facilitator is looking when they start. */
  chooseMainArea(frame: FrameRef | null): Promise<CommandResult>;
  /** Into a room, or out of every room with null. */
  assign(person: PersonRef, roomId: string | null): Promise<CommandResult>;
  /** Everyone evenly into the rooms at random (again). */
  splitAtRandom(people: readonly PersonRef[], roomIds: readonly string[]): Promise<CommandResult>;
  clearRooms(): Promise<CommandResult>;
  /** The groups of a past breakout: group i to the room of its name, else to a free room. */
  reuseGroups(
    entry: HistoryEntry,
    rooms: readonly { id: string; name: string }[],
  ): Promise<CommandResult>;
  /** Minutes as milliseconds, or null for no time limit. */
  setDuration(durationMs: number | null): Promise<CommandResult>;
  includeMe(include: boolean): Promise<CommandResult>;
};

/** Group i goes to the room of the same name, else to the i-th room not taken by name. */
function roomsForGroups(
  names: readonly string[],
  rooms: readonly { id: string; name: string }[],
): (string | null)[] {
  const byName = new Map(rooms.map((room) => [room.name, room.id]));
  const taken = new Set<string>();
  const result = names.map((name) => {
    const id = byName.get(name);
    if (id === undefined || taken.has(id)) return null;
    taken.add(id);
    return id;
  });
  const free = rooms.filter((room) => !taken.has(room.id));
  return result.map((id) => id ?? free.shift()?.id ?? null);
}

export function usePlanEdits(): PlanEdits {
  const run = useRunCommand();
  return useMemo<PlanEdits>(() => {
    const edit = (...actions: PlanAction[]) => run({ type: 'edit', actions });
    const split = (people: readonly PersonRef[], assignment: Record<string, string>) =>
      edit({
        type: 'peopleSplit',
        people: people.map(({ id, name }) => ({ id, name })),
        assignment,
      });
    return {
      addRooms: (frames) => edit({ type: 'roomsAdded', frames: frames.map(frameInfo) }),
      renameRoom: (roomId, name) => edit({ type: 'roomRenamed', roomId, name }),
      removeRoom: (roomId) => edit({ type: 'roomRemoved', roomId }),
      framesSeen: (frames) => edit({ type: 'framesSeen', frames: frames.map(frameInfo) }),
      chooseMainArea: (frame) => {
        const mainArea: MainArea | null = frame
          ? {
              kind: 'frame',
              frameId: frame.id,
              frame: { x: frame.x, y: frame.y, width: frame.width, height: frame.height },
            }
          : null;
        return edit({ type: 'mainAreaChosen', mainArea });
      },
      assign: (person, roomId) =>
        edit({ type: 'personAssigned', person: { id: person.id, name: person.name }, roomId }),
      splitAtRandom: (people, roomIds) => {
        const placed = assignBalanced(
          people.map((person) => person.id),
          roomIds,
          createRandom(newSeed()),
        );
        return split(people, Object.fromEntries(placed));
      },
      clearRooms: () => edit({ type: 'assignmentsCleared' }),
      reuseGroups: (entry, rooms) => {
        const groups = groupsOf(entry);
        const targets = roomsForGroups(
          groups.map((group) => group.name),
          rooms,
        );
        const assignment: Record<string, string> = {};
        groups.forEach((group, index) => {
          const roomId = targets[index];
          if (roomId) for (const person of group.people) assignment[person.id] = roomId;
        });
        return split(
          groups.flatMap((group) => group.people),
          assignment,
        );
      },
      setDuration: (durationMs) => edit({ type: 'durationSet', durationMs }),
      includeMe: (include) => edit({ type: 'includeFacilitatorSet', include }),
    };
  }, [run]);
}

/** The planning tools beyond the main path: self-select, lists, rotation, room frames. */
export type PlanningTools = {
  openSelfSelect(capacity: number | null): Promise<CommandResult>;
  closeSelfSelect(): Promise<CommandResult>;
  placeUnchosen(): Promise<CommandResult>;
  setPreAssignments(rows: PreAssignment[]): Promise<CommandResult>;
  setRotation(rotation: Rotation | null): Promise<CommandResult>;
  createRoomFrames(templateFrameId: string, count: number): Promise<CommandResult>;
};

export function usePlanningTools(): PlanningTools {
  const run = useRunCommand();
  return useMemo<PlanningTools>(
    () => ({
      openSelfSelect: (capacity) => run({ type: 'openSelfSelect', capacity }),
      closeSelfSelect: () => run({ type: 'closeSelfSelect' }),
      placeUnchosen: () => run({ type: 'placeUnchosen', seed: newSeed() }),
      setPreAssignments: (rows) => run({ type: 'setPreAssignments', rows }),
      setRotation: (rotation) => run({ type: 'setRotation', rotation }),
      createRoomFrames: (templateFrameId, count) =>
        run({ type: 'createRoomFrames', templateFrameId, count }),
    }),
    [run],
  );
}
