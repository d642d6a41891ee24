import { useMemo } from 'react';
import type { CommandResult } from '../controller/commands';
import type { PersonRef } from '../domain/plan';
import { useMoveMyView, useRunCommand } from './use-commands';

/** One room while it runs. `goTo` answers null when it worked, else what to tell the user. */
export type RoomActions = {
  goTo(): Promise<string | null>;
  /** Everyone who joined this room, to these board items (what the facilitator selected). */
  bringHere(itemIds: readonly string[]): Promise<CommandResult>;
  lock(locked: boolean): Promise<CommandResult>;
  /** Ends this room's session now; its people go back to the main area. */
  close(): Promise<CommandResult>;
};

export function useRoomActions(roomId: string): RoomActions {
  const run = useRunCommand();
  const move = useMoveMyView();
  return useMemo<RoomActions>(
    () => ({
      goTo: () => move({ type: 'showRoom', roomId }),
      bringHere: (itemIds) => run({ type: 'bringRoomTo', roomId, itemIds: [...itemIds] }),
      lock: (locked) => run({ type: 'lockRoom', roomId, locked }),
      close: () => run({ type: 'closeRoom', roomId }),
    }),
    [run, move, roomId],
  );
}

/** What the facilitator does for one person, or a few, while rooms run. */
export type PeopleActions = {
  inviteAgain(personIds: readonly string[]): Promise<CommandResult>;
  /** Into another room (invited there; their app leaves the old one), or out with null. */
  moveTo(person: PersonRef, roomId: string | null): Promise<CommandResult>;
  /** Someone in no room (a late arrival): into this room, invited at once. */
  placeAndInvite(person: PersonRef, roomId: string): Promise<CommandResult>;
};

export function usePeopleActions(): PeopleActions {
  const run = useRunCommand();
  return useMemo<PeopleActions>(() => {
    const ref = ({ id, name }: PersonRef) => ({ id, name });
    return {
      inviteAgain: (personIds) => run({ type: 'reinvite', personIds: [...personIds] }),
      moveTo: (person, roomId) =>
        roomId === null
          ? run({
              type: 'edit',
              actions: [{ type: 'personAssigned', person: ref(person), roomId: null }],
            })
          : // Refused for closed or locked rooms; their app leaves the old room.
            run({ type: 'movePerson', person: ref(person), roomId }),
      placeAndInvite: (person, roomId) =>
        run({ type: 'assignAndInvite', person: ref(person), roomId }),
    };
  }, [run]);
}

export type HelpActions = {
  /** To the person's room, telling them someone is coming; null when the move worked. */
  goHelp(personId: string, roomId: string): Promise<string | null>;
  done(personId: string): Promise<CommandResult>;
  /** "Clear all": every request in the queue marked done at once. */
  clearAll(): Promise<CommandResult>;
};

export function useHelpActions(): HelpActions {
  const run = useRunCommand();
  const move = useMoveMyView();
  return useMemo<HelpActions>(
    () => ({
      goHelp: async (personId, roomId) => {
        // Both at once: the facilitator's own view moves, and the plan says they are on the way.
        const [moved] = await Promise.all([
          move({ type: 'showRoom', roomId }),
          run({ type: 'helpOnTheWay', personId }),
        ]);
        return moved;
      },
      done: (personId) => run({ type: 'resolveHelp', personId }),
      clearAll: () => run({ type: 'clearHelp' }),
    }),
    [run, move],
  );
}
