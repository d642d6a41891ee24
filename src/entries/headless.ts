import { startHeadless } from '../controller/headless';
import { connectApp } from './connect-app';

const start = connectApp();
if (start.kind === 'connected') {
  startHeadless(start.connection.board).catch((error: unknown) => {
    console.error('Breakout Rooms could not start on this board.', error);
  });
}
