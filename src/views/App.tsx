import { PlanStoreProvider } from '../hooks/plan-store';
import { CommandsProvider } from '../hooks/use-commands';
import { Panel } from './Panel';
import { PanelErrorBoundary } from './PanelErrorBoundary';

/** The panel (app.html): one plan subscription and one line to the controller for all views. */
export function App() {
  return (
    // Miro's own bar above the panel already says "Breakout Rooms": each screen's header names
    // the phase instead, as the page's h1.
    <main className="panel">
      <PanelErrorBoundary>
        <PlanStoreProvider>
          <CommandsProvider>
            <Panel />
          </CommandsProvider>
        </PlanStoreProvider>
      </PanelErrorBoundary>
    </main>
  );
}
