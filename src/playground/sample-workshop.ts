import type { SimBoard } from '../simulator/api';
import { personName } from './names';

/** Room frames of the sample workshop: a retro-style session split into six topics. */
export const ROOM_TITLES: readonly string[] = [
  'Room 1 · Ideas',
  'Room 2 · Risks',
  'Room 3 · Customers',
  'Room 4 · Roadmap',
  'Room 5 · Metrics',
  'Room 6 · Wildcards',
];

export const MAIN_TITLE = 'Main area';

const ROOM_WIDTH = 900;
const ROOM_HEIGHT = 600;
const GAP = 150;

/**
 * Draws the workshop: the plenary frame on top, six rooms in two rows of three below it, and a
 * few stickies so frames are not empty (the app must cope with frames that have children).
 */
export function drawSampleWorkshop(board: SimBoard): void {
  const rowWidth = 3 * ROOM_WIDTH + 2 * GAP;
  board.addFrame({ title: MAIN_TITLE, x: 0, y: 0, width: rowWidth, height: 900 });
  board.addSticky({ content: 'Welcome! 👋 Today: how do we grow next quarter?', x: -700, y: -200 });
  board.addSticky({ content: 'Agenda: 10′ intro · 25′ rooms · 15′ share-back', x: 0, y: -200 });
  board.addSticky({ content: 'Parking lot', x: 700, y: 200 });

  ROOM_TITLES.forEach((title, index) => {
    const column = index % 3;
    const row = Math.floor(index / 3);
    const x = (column - 1) * (ROOM_WIDTH + GAP);
    const y = 450 + GAP + ROOM_HEIGHT / 2 + row * (ROOM_HEIGHT + GAP);
    board.addFrame({ title, x, y, width: ROOM_WIDTH, height: ROOM_HEIGHT });
    if (index < 3) board.addSticky({ content: `${title.split(' · ')[1]}: first thoughts`, x, y });
  });
}

/** Adds `count` people (the first one hosts the workshop) and opens one board tab for each. */
export function seatPeople(board: SimBoard, count: number): void {
  for (let index = 0; index < count; index += 1) {
    const user = board.addUser({ name: personName(index) });
    board.openTab(user.id);
  }
}
