import { useMemo } from 'react';
import type { OnlineUserInfo } from '../sdk/surface';
import { useBoard } from './board-context';
import { type LiveValue, useLiveValue } from './use-live-value';

const byName = (a: OnlineUserInfo, b: OnlineUserInfo) => a.name.localeCompare(b.name);

const normalise = (users: readonly OnlineUserInfo[]): OnlineUserInfo[] =>
  users.map(({ id, name }) => ({ id, name })).sort(byName);

/** Everyone on the board now, the current user included (miro-sdk.md U1), sorted by name. */
export function useOnlineUsers(): LiveValue<OnlineUserInfo[]> {
  const board = useBoard();
  const source = useMemo(
    () => ({
      read: async () => normalise(await board.getOnlineUsers()),
      subscribe: (changed: (users?: OnlineUserInfo[]) => void) => {
        // Some clients deliver the new list, some an empty payload (U2): re-read in that case.
        const handler = (event: { users?: OnlineUserInfo[] }) =>
          changed(event?.users?.length ? normalise(event.users) : undefined);
        return {
          registered: Promise.resolve(board.ui.on('online_users:update', handler)),
          unsubscribe: () => {
            void board.ui.off('online_users:update', handler);
          },
        };
      },
    }),
    [board],
  );
  return useLiveValue(source);
}
