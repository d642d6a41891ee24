import { PlanStoreProvider } from '../hooks/plan-store';
import { CommandsProvider } from '../hooks/use-commands';
import { Panel } from './Panel';

/** The panel (app.html): one plan subscription and one line to the controller for all views. */
export function App() {
  return (
    <PlanStoreProvider>
      <CommandsProvider>
        <main className="panel">
          <h1 className="h3">Breakout rooms</h1>
          <Panel />
        </main>
      </CommandsProvider>
    </PlanStoreProvider>
  );
}
