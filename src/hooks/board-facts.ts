import type { Board } from '../sdk/connect';
import type { UserInfo } from '../sdk/surface';

/**
 * Facts that do not change while a panel is open: read once per board however many components
 * ask (the example app fetched the user twice per mount, miro-sdk.md 5.1).
 */
type Facts = { me: Promise<UserInfo>; boardId: Promise<string>; panelData: Promise<unknown> };

const cache = new WeakMap<Board, Facts>();

export function boardFacts(board: Board): Facts {
  let facts = cache.get(board);
  if (!facts) {
    facts = {
      // Only `{id, name}` is kept: Miro also returns the email, which the app never needs (D11).
      me: board.getUserInfo().then(({ id, name }) => ({ id, name })),
      boardId: board.getInfo().then((info) => info.id),
      panelData: board.ui.getPanelData().catch(() => undefined),
    };
    cache.set(board, facts);
  }
  return facts;
}
