// Open Sans as mirotone uses it: regular, medium (headings) and semibold (bold); see vite.config.ts.
import '@fontsource/open-sans/400.css';
import '@fontsource/open-sans/500.css';
import '@fontsource/open-sans/600.css';
import 'mirotone/dist/styles.css';
import '../views/panel.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BoardProvider } from '../hooks/board-context';
import { App } from '../views/App';
import { NotInMiro } from '../views/NotInMiro';
import { connectApp } from './connect-app';

const root = document.getElementById('root');
if (!root) throw new Error('app.html has no #root element.');

const start = connectApp();
createRoot(root).render(
  <StrictMode>
    {start.kind === 'connected' ? (
      <BoardProvider board={start.connection.board}>
        <App />
      </BoardProvider>
    ) : (
      <NotInMiro reason={start.reason} />
    )}
  </StrictMode>,
);
