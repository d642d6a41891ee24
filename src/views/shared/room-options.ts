import type { Room } from '../../domain/plan';

/** What a room picker needs of a room: kept apart so pickers do not change when a session does. */
export type RoomOption = { id: string; name: string };

export const roomOptionsOf = (rooms: readonly Room[]): RoomOption[] =>
  rooms.map(({ id, name }) => ({ id, name }));
