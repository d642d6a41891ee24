import { PlanStoreProvider } from '../hooks/plan-store';
import { CommandsProvider } from '../hooks/use-commands';
import { Panel } from './Panel';
import { PanelErrorBoundary } from './PanelErrorBoundary';

/** The panel (app.html): one plan subscription and one line to the controller for all views. */
export function App() {
  return (
    <main className="panel">
      <h1 className="h3">Breakout rooms</h1>
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
