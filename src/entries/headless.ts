import { startOnDemand } from '../controller/start-on-demand';
import { connectApp } from './connect-app';

const start = connectApp();
if (start.kind === 'connected') {
  startOnDemand(start.connection.board, () => import('../controller/headless')).catch(
    (error: unknown) => console.error('Breakout Rooms could not start on this board.', error),
  );
}
