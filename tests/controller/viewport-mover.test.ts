import { expect, it } from 'vitest';
import { ViewportMover } from '../../src/controller/viewport';
import type { Rect } from '../../src/domain/plan';
import type { Board } from '../../src/sdk/connect';

/** A board whose viewport moves take as long as the test says, each landing when released. */
function slowBoard() {
  const landed: Rect[] = [];
  const pending: Array<() => void> = [];
  const board = {
    viewport: {
      set: ({ viewport }: { viewport: Rect }) =>
        new Promise<Rect>((resolve, reject) => {
          pending.push(() => {
            if (viewport.width < 0) return reject(new Error('refused'));
            landed.push(viewport);
            resolve(viewport);
          });
        }),
    },
  } as unknown as Board;
  const release = async () => {
    await Promise.resolve();
    pending.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { board, landed, pending, release };
}

const room = { x: 1000, y: 1000, width: 800, height: 600 };
const main = { x: 0, y: 0, width: 1600, height: 900 };

it('sends one move at a time, so the last one asked for is where the user ends up', async () => {
  const { board, landed, pending, release } = slowBoard();
  const mover = new ViewportMover(board);
  const intoRoom = mover.move(room);
  const backToMain = mover.move(main);
  // The second move waits for the first: Miro never has both at once to reorder.
  await Promise.resolve();
  expect(pending).toHaveLength(1);
  await release();
  await release();
  await Promise.all([intoRoom, backToMain]);
  expect(landed).toEqual([room, main]);
});

it('a move that fails rejects for its caller and does not hold up the next', async () => {
  const { board, landed, release } = slowBoard();
  const mover = new ViewportMover(board);
  const refused = expect(mover.move({ ...room, width: -1 })).rejects.toThrow('refused');
  const next = mover.move(main);
  await release();
  await refused;
  await release();
  await next;
  expect(landed).toEqual([main]);
});
