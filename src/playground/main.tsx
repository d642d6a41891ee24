import './playground.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { SimBoard } from '../simulator/api';
import { createBoard } from '../simulator/index';
import { IframeRegistry, installBridge } from './bridge';
import { optionsFromUrl, userCountFromUrl } from './options-codec';
import { Playground } from './Playground';
import { drawSampleWorkshop, seatPeople } from './sample-workshop';
import type { EditableOptions } from './settings-schema';
import { createChangeCounter, PlaygroundCtx } from './use-board';

declare global {
  interface Window {
    /** The simulated board, for poking at it from the console or from E2E tests. */
    playground?: { board: SimBoard };
  }
}

const DEFAULT_USERS = 6;

function start(): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('playground.html has no #root element.');

  const params = new URLSearchParams(window.location.search);
  const { patch, errors } = optionsFromUrl(params);
  const { seed = 1, ...presets } = patch;
  const board = createBoard({ seed });
  // Defaults are the board's own, before URL presets, so "Reset" and shared links stay honest.
  const { clock: _clock, ...defaults } = board.options;
  const defaultOptions: Readonly<EditableOptions> = defaults;
  board.setOptions(presets);

  // The bridge must be in place before the first app iframe asks for it.
  const registry = new IframeRegistry();
  installBridge(window, registry);
  const counter = createChangeCounter(board);
  // The panel iframe is drawn by the user's column from `tab.panel`; the host only re-renders.
  board.setPanelHost(() => counter.bump());

  drawSampleWorkshop(board);
  const users = userCountFromUrl(params, DEFAULT_USERS);
  seatPeople(board, users);
  window.playground = { board };

  const now = () => board.options.clock.now();
  createRoot(root).render(
    <StrictMode>
      <PlaygroundCtx.Provider value={{ board, registry, now }}>
        <Playground
          counter={counter}
          defaults={defaultOptions}
          urlErrors={errors}
          initialUsers={users}
        />
      </PlaygroundCtx.Provider>
    </StrictMode>,
  );
}

start();
